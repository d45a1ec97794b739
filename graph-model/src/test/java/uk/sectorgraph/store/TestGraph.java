package uk.sectorgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded Neo4j per test JVM, on a free loopback port in a temporary directory. Starting a
 * DBMS takes seconds, so test classes share it and clean up what they write.
 */
public final class TestGraph {

  public static final String PASSWORD = "test-password-123";
  private static GraphStore store;
  private static Path directory;

  private TestGraph() {}

  public static synchronized GraphStore store() {
    if (store == null) {
      try {
        directory = Files.createTempDirectory("sector-graph-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      store = GraphStore.open(new StoreSettings(directory, 0, PASSWORD, null, null, null, "128m"));
      Runtime.getRuntime().addShutdownHook(new Thread(store::close));
    }
    return store;
  }

  public static Path directory() {
    store();
    return directory;
  }
}
