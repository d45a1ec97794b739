package uk.sectorgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that a full disk cuts off can leave unreadable bytes at the end of Neo4j's transaction
 * log, and Neo4j then refuses to recover the database. Here that end is written by hand (the api
 * module's DiskFullAndReadOnlyTest meets it for real, but whether a cut is unreadable depends on
 * where it lands), so that the startup message and the operator's one-off repair are checked on every run.
 */
class DamagedTransactionLogTest {

  private static final String PASSWORD = "password-123";

  @Test
  void aDamagedEndStopsStartupWithTheWayOutAndTheRepairKeepsEveryCommit(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    try (GraphStore store = GraphStore.open(settings(dataDir, false))) {
      for (int i = 0; i < 5; i++) {
        try (var session = store.session()) {
          session.run("CREATE (:LogTest {id: $id})", java.util.Map.of("id", i)).consume();
        }
      }
    }
    appendUnreadableBytes(lastTransactionLog(dataDir));

    assertThatThrownBy(() -> GraphStore.open(settings(dataDir, false)))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("SECTORGRAPH_DATA_DIR: the graph database in " + dataDir.toAbsolutePath() + " did not start")
        .hasMessageContaining("SECTORGRAPH_TRUNCATE_DAMAGED_TX_LOG=true");

    try (GraphStore repaired = GraphStore.open(settings(dataDir, true)); var session = repaired.session()) {
      assertThat(session.run("MATCH (n:LogTest) RETURN count(n) AS n").single().get("n").asLong()).isEqualTo(5);
    }
    try (GraphStore again = GraphStore.open(settings(dataDir, false)); var session = again.session()) {
      assertThat(session.run("MATCH (n:LogTest) RETURN count(n) AS n").single().get("n").asLong()).isEqualTo(5);
    }
  }

  private static StoreSettings settings(Path dataDir, boolean truncateDamagedTxLog) {
    return new StoreSettings(dataDir, 0, PASSWORD, null, null, null, "64m", truncateDamagedTxLog);
  }

  private static Path lastTransactionLog(Path dataDir) throws Exception {
    try (Stream<Path> files = Files.list(dataDir.resolve("neo4j/data/transactions/neo4j"))) {
      List<Path> logs = files.filter(f -> f.getFileName().toString().startsWith("neostore.transaction.db.")).toList();
      return logs.stream().max(Comparator.comparingLong(
          f -> Long.parseLong(f.getFileName().toString().substring("neostore.transaction.db.".length())))).orElseThrow();
    }
  }

  /** Non-zero bytes after the last entry, as a write cut short leaves them (the log is not preallocated here). */
  private static void appendUnreadableBytes(Path log) throws Exception {
    byte[] garbage = new byte[100];
    Arrays.fill(garbage, (byte) 0xFF);
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(garbage));
    }
  }
}
