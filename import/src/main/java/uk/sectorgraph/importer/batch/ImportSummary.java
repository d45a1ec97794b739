package uk.sectorgraph.importer.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of one import run, printed at the end and turned into the process exit code.
 *
 * @param read     data rows read from the files (skipped-by-checkpoint rows not included)
 * @param rejected rows that were not imported; each one has a line in the rejects file
 */
public record ImportSummary(
    String source, int files, long read, long created, long updated, long unchanged, long rejected,
    Duration elapsed) {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_BAD_FILE = 2;
  public static final int EXIT_REJECTED_ROWS = 3;

  public static ImportSummary of(String source, int files, long read, BatchCounts counts, long rejected, Duration elapsed) {
    return new ImportSummary(source, files, read, counts.created(), counts.updated(), counts.unchanged(), rejected, elapsed);
  }

  /** 0 when every row went in, 3 when some rows were rejected (the rest are imported). */
  public int exitCode() {
    return rejected > 0 ? EXIT_REJECTED_ROWS : EXIT_OK;
  }

  public double rowsPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return read / seconds;
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%s: %d file(s), %d rows read: %d created, %d updated, %d unchanged, %d rejected"
            + " in %.1f s (%.0f rows/s)%n",
        source, files, read, created, updated, unchanged, rejected, elapsed.toMillis() / 1000.0, rowsPerSecond());
  }
}
