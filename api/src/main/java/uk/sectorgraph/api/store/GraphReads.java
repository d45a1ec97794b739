package uk.sectorgraph.api.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import uk.sectorgraph.store.GraphStore;

/**
 * How the API reads the graph: parameterised Cypher in read transactions (so a cluster routes them to
 * secondaries) with the configured timeout. It counts statements, which is how a test proves that a
 * nested query is fetched in batches rather than one query per item.
 */
public class GraphReads {

  private final GraphStore store;
  private final Duration timeout;
  private final DiskSpaceGuard diskSpace;
  private final AtomicLong statements = new AtomicLong();

  public GraphReads(GraphStore store, Duration timeout, DiskSpaceGuard diskSpace) {
    this.store = store;
    this.timeout = timeout;
    this.diskSpace = diskSpace;
  }

  public List<Record> read(String cypher, Map<String, Object> parameters) {
    statements.incrementAndGet();
    try (Session session = store.session()) {
      return session.executeRead(tx -> tx.run(cypher, parameters).list(), TransactionConfig.builder().withTimeout(timeout).build());
    }
  }

  /** Refused with {@link StorageFullException} while the store's disk is nearly full (see {@link DiskSpaceGuard}). */
  public <T> T write(String cypher, Map<String, Object> parameters, java.util.function.Function<List<Record>, T> mapper) {
    diskSpace.checkRoomToWrite();
    statements.incrementAndGet();
    try (Session session = store.session()) {
      return mapper.apply(session.executeWrite(tx -> tx.run(cypher, parameters).list(),
          TransactionConfig.builder().withTimeout(timeout).build()));
    }
  }

  public long statementCount() {
    return statements.get();
  }

  public GraphStore store() {
    return store;
  }
}
