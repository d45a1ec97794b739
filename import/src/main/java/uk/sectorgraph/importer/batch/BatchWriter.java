package uk.sectorgraph.importer.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

/**
 * Collects rows and writes each batch with ONE parameterised Cypher statement in one write transaction
 * ({@code session.executeWrite}, so transient errors are retried by the driver).
 *
 * <p>Contract for the statement: it receives the batch as {@code $rows} (a list of maps made by
 * {@code toParameters}), should start {@code UNWIND $rows AS row}, must only MERGE (so that writing a
 * batch twice is harmless) and must return exactly one record with integer columns
 * {@code created}, {@code updated}, {@code unchanged}, e.g.
 * {@code RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created, ...}.
 *
 * <p>{@code position} is any increasing number that locates a row in its input (the importers use the
 * ordinal of the data row in the file); after a batch commits, listeners get the position of its
 * last row, which is what {@link Checkpoint} stores.
 *
 * <p>Instead of one statement, a source may give a {@link Statement}: code that writes the batch in
 * the one write transaction with as many statements as it likes (e.g. first read what the graph holds
 * for the batch's keys, then write only what changed). The same contract holds: idempotent, exact
 * counts, one transaction per batch, and it may run again (transient-error retry or a resumed import).
 *
 * <p>Not thread-safe: one writer per reading thread.
 */
public final class BatchWriter<T> implements AutoCloseable {

  /** Called after each committed batch. */
  @FunctionalInterface
  public interface Listener {
    void committed(long lastPosition, int rows, BatchCounts counts);
  }

  /** Writes one batch inside its write transaction and returns what it did. */
  @FunctionalInterface
  public interface Statement {
    BatchCounts write(TransactionContext tx, List<Map<String, Object>> rows);

    /** One Cypher statement following the contract above. */
    static Statement cypher(String cypher) {
      Objects.requireNonNull(cypher);
      return (tx, rows) -> {
        Record r = tx.run(cypher, Map.of("rows", rows)).single();
        return new BatchCounts(r.get("created").asLong(), r.get("updated").asLong(), r.get("unchanged").asLong());
      };
    }
  }

  public static final int DEFAULT_BATCH_SIZE = 10_000;

  // Runs before any writer in this process writes a batch; the command-line importer sets a free-disk
  // check here (DiskRoom), which stops the import between batches by throwing.
  private static volatile Runnable beforeEachBatch = () -> {};

  /** Runs {@code check} before every batch written from now on, by any writer; it may throw to stop the import. */
  public static void beforeEachBatch(Runnable check) {
    beforeEachBatch = Objects.requireNonNull(check);
  }

  private final Driver driver;
  private final SessionConfig sessionConfig;
  private final Statement statement;
  private final Function<? super T, Map<String, Object>> toParameters;
  private final Function<? super T, ?> keyOf;
  private final int batchSize;
  private final List<Listener> listeners;

  // Keyed by the dedupe key when there is one, so a later row replaces an earlier one in the same batch.
  private final LinkedHashMap<Object, Map<String, Object>> pending = new LinkedHashMap<>();
  private long superseded;
  private long lastPosition = -1;
  private int pendingRows;
  private BatchCounts totals = BatchCounts.ZERO;

  private BatchWriter(Builder<T> b) {
    this.driver = b.driver;
    this.sessionConfig = b.database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(b.database);
    this.statement = b.statement;
    this.toParameters = b.toParameters;
    this.keyOf = b.keyOf;
    this.batchSize = b.batchSize;
    this.listeners = List.copyOf(b.listeners);
  }

  public static <T> Builder<T> builder(Driver driver, String database, String cypher,
      Function<? super T, Map<String, Object>> toParameters) {
    return new Builder<>(driver, database, Statement.cypher(cypher), toParameters);
  }

  /** A writer whose batches are written by {@code statement} (several statements in one transaction). */
  public static <T> Builder<T> builder(Driver driver, String database, Statement statement,
      Function<? super T, Map<String, Object>> toParameters) {
    return new Builder<>(driver, database, statement, toParameters);
  }

  /** Adds a row; writes the batch when it is full. */
  public void add(T row, long position) {
    Object key = keyOf == null ? pendingRows : keyOf.apply(row);
    if (pending.remove(key) != null) {
      superseded++; // the later row wins; the earlier one changes nothing and counts as unchanged
    }
    pending.put(key, toParameters.apply(row));
    pendingRows++;
    lastPosition = position;
    if (pendingRows >= batchSize) {
      flush();
    }
  }

  /** Writes what is pending (a no-op when nothing is). */
  public void flush() {
    if (pendingRows == 0) {
      return;
    }
    beforeEachBatch.run();
    List<Map<String, Object>> rows = new ArrayList<>(pending.values());
    BatchCounts counts;
    try (Session session = driver.session(sessionConfig)) {
      counts = session.executeWrite(tx -> statement.write(tx, rows));
    }
    counts = counts.plus(new BatchCounts(0, 0, superseded));
    int written = pendingRows;
    pending.clear();
    pendingRows = 0;
    superseded = 0;
    totals = totals.plus(counts);
    for (Listener listener : listeners) {
      listener.committed(lastPosition, written, counts);
    }
  }

  public BatchCounts totals() {
    return totals;
  }

  /** Flushes what is pending. */
  @Override
  public void close() {
    flush();
  }

  public static final class Builder<T> {
    private final Driver driver;
    private final String database;
    private final Statement statement;
    private final Function<? super T, Map<String, Object>> toParameters;
    private Function<? super T, ?> keyOf;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private final List<Listener> listeners = new ArrayList<>();

    private Builder(Driver driver, String database, Statement statement, Function<? super T, Map<String, Object>> toParameters) {
      this.driver = Objects.requireNonNull(driver);
      this.database = database;
      this.statement = Objects.requireNonNull(statement);
      this.toParameters = Objects.requireNonNull(toParameters);
    }

    public Builder<T> batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Rows with the same key in one batch: the later row wins (MERGE on one node twice in a batch would miscount). */
    public Builder<T> dedupeBy(Function<? super T, ?> keyOf) {
      this.keyOf = keyOf;
      return this;
    }

    public Builder<T> onCommitted(Listener listener) {
      listeners.add(Objects.requireNonNull(listener));
      return this;
    }

    public BatchWriter<T> build() {
      return new BatchWriter<>(this);
    }
  }
}
