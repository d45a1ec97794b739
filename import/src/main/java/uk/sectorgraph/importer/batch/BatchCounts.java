package uk.sectorgraph.importer.batch;

/** What one batch (or a whole import) did to the graph, as counted by the Cypher that wrote it. */
public record BatchCounts(long created, long updated, long unchanged) {

  public static final BatchCounts ZERO = new BatchCounts(0, 0, 0);

  public BatchCounts plus(BatchCounts other) {
    return new BatchCounts(created + other.created, updated + other.updated, unchanged + other.unchanged);
  }

  public long total() {
    return created + updated + unchanged;
  }
}
