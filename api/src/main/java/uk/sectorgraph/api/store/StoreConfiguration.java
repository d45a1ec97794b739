package uk.sectorgraph.api.store;

import java.nio.file.Path;
import org.neo4j.driver.Driver;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.sectorgraph.api.SectorGraphProperties;
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
    return GraphStore.open(properties.storeSettings());
  }

  /** Named "data" so that it shows as such in /actuator/health. */
  @Bean("data")
  DataLoading dataLoading(GraphStore store, SectorGraphProperties properties) {
    DataLoading loading = new DataLoading(store, properties.sampleData());
    loading.start(properties.dataLoadsInBackground());
    return loading;
  }

  /** The store owns the driver's lifecycle, so Spring must not close it a second time. */
  @Bean(destroyMethod = "")
  Driver neo4jDriver(GraphStore store) {
    return store.driver();
  }

  @Bean
  GraphReads graphReads(GraphStore store, SectorGraphProperties properties, DiskSpaceGuard diskSpace) {
    return new GraphReads(store, java.time.Duration.ofSeconds(properties.limits().timeoutSeconds()), diskSpace);
  }

  @Bean
  DiskSpaceGuard diskSpaceGuard(SectorGraphProperties properties) {
    return properties.embedded() ? new DiskSpaceGuard(properties.dataDir(), properties.minFreeDisk()) : DiskSpaceGuard.off();
  }

  /**
   * Replaces Boot's diskSpace component, which watches the working directory: what fills a disk is
   * the store, so watch the data directory, at the same threshold at which writes are refused.
   */
  @Bean
  DiskSpaceHealthIndicator diskSpaceHealthIndicator(SectorGraphProperties properties) {
    Path watched = properties.embedded() ? properties.dataDir() : Path.of(".");
    return new DiskSpaceHealthIndicator(watched.toFile(), properties.minFreeDisk());
  }
}
