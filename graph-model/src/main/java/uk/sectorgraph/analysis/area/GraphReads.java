package uk.sectorgraph.analysis.area;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import uk.sectorgraph.store.GraphStore;

/**
 * Read-only, parameterised queries for the analyses. Every query is sent with
 * {@link RoutingControl#READ} so that, against a cluster, the driver routes it to a secondary and the
 * analyses never load the leader.
 */
public final class GraphReads {

  private final GraphStore store;
  private final QueryConfig config;

  public GraphReads(GraphStore store) {
    this.store = Objects.requireNonNull(store, "store");
    QueryConfig.Builder builder = QueryConfig.builder().withRouting(RoutingControl.READ);
    if (store.database() != null) {
      builder.withDatabase(store.database());
    }
    this.config = builder.build();
  }

  public GraphStore store() {
    return store;
  }

  /** Runs one parameterised read query and returns all its records. */
  public List<Record> read(String cypher, Map<String, Object> parameters) {
    return store.driver().executableQuery(cypher).withParameters(parameters).withConfig(config)
        .execute().records();
  }
}
