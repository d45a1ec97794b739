package uk.sectorgraph.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Result;

/**
 * Neo4j starts the DBMS even when the database inside it cannot start (typically: recovery cannot
 * read the end of its transaction log), and every query then only says "not currently available".
 * Checked right after start, so that startup stops with one message saying what happened and what to do.
 */
final class DefaultDatabase {

  private static final Set<String> STILL_STARTING = Set.of("initial", "starting");
  private static final long WAIT_MILLIS = 120_000;

  private DefaultDatabase() {
  }

  static void requireOnline(DatabaseManagementService dbms, Path dataDirectory) {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    String status = status(dbms);
    while (STILL_STARTING.contains(status) && System.currentTimeMillis() < deadline) {
      sleep();
      status = status(dbms);
    }
    if (!"online".equals(status)) {
      dbms.shutdown();
      throw new StoreStartupException(StoreSettings.DATA_DIR, "the graph database in " + dataDirectory.toAbsolutePath()
          + " did not start (it is " + status + "; Neo4j's reason is in " + dataDirectory.resolve("logs").resolve("debug.log")
          .toAbsolutePath() + "). If its disk filled up, the unreadable end of its transaction log is the write that "
          + "failed, never acknowledged: back the directory up, then start once with " + StoreSettings.TRUNCATE_DAMAGED_TX_LOG
          + "=true to let Neo4j drop that end and recover the rest");
    }
  }

  private static String status(DatabaseManagementService dbms) {
    return dbms.database("system").executeTransactionally(
        "SHOW DEFAULT DATABASE YIELD currentStatus RETURN currentStatus", Map.of(),
        (Result result) -> result.hasNext() ? String.valueOf(result.next().get("currentStatus")) : "missing");
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreStartupException(StoreSettings.DATA_DIR, "interrupted while waiting for the graph database to start");
    }
  }
}
