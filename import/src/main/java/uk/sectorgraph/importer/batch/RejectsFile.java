package uk.sectorgraph.importer.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code <rejects dir>/<source>-<timestamp>.rejects.csv} with columns {@code file,line,reason,raw}.
 * The file is only created when the first line is written, so a clean run leaves nothing behind.
 * Thread-safe.
 *
 * <p>{@link #reject} is for rows that were not imported (they count in {@link ImportSummary#rejected()});
 * {@link #report} is for problems in rows that were still imported (e.g. an unknown SIC code).
 */
public final class RejectsFile implements AutoCloseable {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path path;
  private CSVPrinter printer;
  private long rejected;
  private long reported;

  private RejectsFile(Path path) {
    this.path = path;
  }

  public static RejectsFile in(Path rejectsDirectory, String source) {
    return new RejectsFile(rejectsDirectory.resolve(source + "-" + LocalDateTime.now().format(STAMP) + ".rejects.csv"));
  }

  /** A row that was not imported. */
  public synchronized void reject(String file, long line, String reason, String raw) {
    write(file, line, reason, raw);
    rejected++;
  }

  /** A problem in a row that was imported anyway. */
  public synchronized void report(String file, long line, String reason, String raw) {
    write(file, line, reason, raw);
    reported++;
  }

  public synchronized long rejected() {
    return rejected;
  }

  public synchronized long reported() {
    return reported;
  }

  /** The file, if anything was written to it. */
  public synchronized Optional<Path> path() {
    return printer == null ? Optional.empty() : Optional.of(path);
  }

  private void write(String file, long line, String reason, String raw) {
    try {
      if (printer == null) {
        Files.createDirectories(path.getParent());
        BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        printer = CSVFormat.RFC4180.builder().setHeader("file", "line", "reason", "raw").get().print(out);
      }
      printer.printRecord(file, line, reason, raw);
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write rejects file " + path, e);
    }
  }

  @Override
  public synchronized void close() {
    if (printer != null) {
      try {
        printer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
