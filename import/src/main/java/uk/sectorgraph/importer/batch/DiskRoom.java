package uk.sectorgraph.importer.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops an import before it fills the disk that holds the embedded store, with the threshold the server
 * uses ({@code SECTORGRAPH_MIN_FREE_DISK}, default 10MB). When a commit finds no space, Neo4j stops the
 * database and may leave a transaction log that needs repair; stopping between batches instead keeps
 * everything committed, and the checkpoint lets the same command resume once space is freed.
 */
public final class DiskRoom {

  public static final String MIN_FREE_DISK = "SECTORGRAPH_MIN_FREE_DISK";
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?", Pattern.CASE_INSENSITIVE);

  /** Ends the per-batch check; closing it throws nothing. */
  public interface Guard extends AutoCloseable {
    @Override
    void close();
  }

  private final Path directory;
  private final long minimumBytes;

  public DiskRoom(Path directory, long minimumBytes) {
    this.directory = directory;
    this.minimumBytes = minimumBytes;
  }

  /** The threshold from the environment, as the server reads it (binary multiples: 1MB = 1,048,576 bytes). */
  public static DiskRoom fromEnvironment(Path directory, Map<String, String> env) {
    return new DiskRoom(directory, parse(env.getOrDefault(MIN_FREE_DISK, "10MB")));
  }

  static long parse(String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw new ImportRefusedException(MIN_FREE_DISK + " must be a size such as 500MB or 2GB, was '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int shift = switch (unit) {
      case "KB" -> 10;
      case "MB" -> 20;
      case "GB" -> 30;
      case "TB" -> 40;
      default -> 0;
    };
    return n << shift;
  }

  /**
   * Checks before every batch any {@link BatchWriter} writes, until the returned guard is closed;
   * {@code resume} tells the user what to do after freeing space.
   */
  public Guard guardEveryBatch(String resume) {
    BatchWriter.beforeEachBatch(() -> check(resume));
    return () -> BatchWriter.beforeEachBatch(() -> {});
  }

  /** Throws {@link ImportRefusedException} when the disk has less free space than the threshold. */
  public void check(String resume) {
    long free;
    try {
      Files.createDirectories(directory);
      free = Files.getFileStore(directory).getUsableSpace();
    } catch (IOException e) {
      return; // the file system cannot say; Neo4j reports any real failure
    }
    if (free < minimumBytes) {
      throw new ImportRefusedException(String.format(Locale.ROOT,
          "stopped before the disk fills: %s has %.1f MB free, less than %s (%.1f MB). Everything written so far"
              + " is kept. %s", directory.toAbsolutePath(), free / 1_048_576.0, MIN_FREE_DISK, minimumBytes / 1_048_576.0,
          resume));
    }
  }
}
