package uk.sectorgraph.importer.testing;

import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.TestGraph;

/** Test helpers on the shared embedded graph: tests label what they write with their own source and remove it. */
public final class GraphCleanup {

  private GraphCleanup() {}

  public static GraphStore store() {
    return TestGraph.store();
  }

  /** Deletes every node and relationship whose {@code source} is {@code source}. */
  public static void deleteSource(String source) {
    run("MATCH ()-[r]->() WHERE r.source = $source DELETE r", Map.of("source", source));
    run("MATCH (n) WHERE n.source = $source DETACH DELETE n", Map.of("source", source));
  }

  public static void run(String cypher, Map<String, Object> params) {
    try (Session s = session()) {
      s.run(cypher, params).consume();
    }
  }

  public static long count(String cypher, Map<String, Object> params) {
    try (Session s = session()) {
      return s.run(cypher, params).single().get(0).asLong();
    }
  }

  public static Session session() {
    GraphStore store = store();
    return store.driver().session(store.database() == null ? SessionConfig.defaultConfig()
        : SessionConfig.forDatabase(store.database()));
  }
}
