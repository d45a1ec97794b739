package uk.sectorgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.consistency.ConsistencyCheckService;
import org.neo4j.io.layout.Neo4jLayout;

/**
 * Neo4j's own consistency checker (what {@code neo4j-admin database check} runs) over a stopped
 * embedded store: the strongest "the store is not corrupted" a test can state. It comes with
 * org.neo4j:neo4j in runtime scope; declaring it here in test scope would drop it from the server jar.
 */
final class StoreConsistency {

  private StoreConsistency() {
  }

  /** The data directory is SECTORGRAPH_DATA_DIR of a stopped server; its Neo4j home is {@code neo4j/} inside. */
  static void assertConsistent(Path dataDirectory) throws Exception {
    Path reports = Files.createTempDirectory("sector-graph-consistency-");
    ConsistencyCheckService.Result result = new ConsistencyCheckService(
        Neo4jLayout.of(dataDirectory.resolve("neo4j")).databaseLayout("neo4j"))
        .with(reports)
        .with(OutputStream.nullOutputStream())
        .runFullConsistencyCheck();
    assertThat(result.isSuccessful()).as("consistency check of %s: %s (report in %s)", dataDirectory,
        result.summary(), result.reportFile()).isTrue();
    try (Stream<Path> files = Files.walk(reports)) { // kept only when the check fails
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
