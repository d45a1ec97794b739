package uk.sectorgraph.api.store;

import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.sectorgraph.api.SectorGraphProperties;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.store.GraphStore;

/**
 * Opens the graph before anything needs it: embedded by default, external when a URI is set. Our own
 * {@link Driver} bean makes Spring Boot's Neo4j auto-configuration (and so Spring Data Neo4j and the
 * health indicator) use the same connection as everything else.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  @Bean(destroyMethod = "close")
  GraphStore graphStore(SectorGraphProperties properties) {
    GraphStore store = GraphStore.open(properties.storeSettings());
    try {
      ReferenceData.loadIfNeeded(store);
      if (properties.sampleData()) {
        SampleDataLoader.loadIfNeeded(store);
      }
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The store owns the driver's lifecycle, so Spring must not close it a second time. */
  @Bean(destroyMethod = "")
  Driver neo4jDriver(GraphStore store) {
    return store.driver();
  }

  @Bean
  GraphReads graphReads(GraphStore store, SectorGraphProperties properties) {
    return new GraphReads(store, java.time.Duration.ofSeconds(properties.limits().timeoutSeconds()));
  }
}
