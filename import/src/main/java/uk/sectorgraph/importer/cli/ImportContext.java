package uk.sectorgraph.importer.cli;

import java.nio.file.Path;
import org.neo4j.driver.Driver;
import uk.sectorgraph.store.GraphStore;

/** What every source command gets: the open store and the global options. */
public record ImportContext(GraphStore store, Path dataDirectory, Path rejectsDirectory, int batchSize) {

  public Driver driver() {
    return store.driver();
  }

  /** Null means the server's default database. */
  public String database() {
    return store.database();
  }
}
