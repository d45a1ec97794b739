package uk.sectorgraph.importer.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A CSV input file, plain or a .zip of CSV parts, read as a stream: zip entries are decompressed on
 * the fly, never unpacked to disk. A UTF-8 byte order mark is dropped. {@link #bytesRead()} counts the
 * bytes taken from the file (compressed ones for a zip) for progress and ETA.
 */
public final class CsvInput {

  /** Handles one CSV part: the file itself, or one .csv entry of a zip. Must not close the reader. */
  @FunctionalInterface
  public interface PartHandler {
    void part(String name, Reader reader) throws IOException;
  }

  private final Path file;
  private CountingInputStream counting;

  public CsvInput(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public boolean isZip() {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  public long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public long bytesRead() {
    return counting == null ? 0 : counting.count();
  }

  /** Streams each part in order; for a zip, part names are {@code <zip name>!<entry name>}. */
  public void forEachPart(PartHandler handler) throws IOException {
    String name = file.getFileName().toString();
    counting = new CountingInputStream(Files.newInputStream(file));
    try (InputStream raw = counting) {
      if (!isZip()) {
        handler.part(name, reader(raw));
        return;
      }
      ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, 1 << 16));
      int parts = 0;
      ZipEntry entry;
      try {
        while ((entry = zip.getNextEntry()) != null) {
          if (entry.isDirectory() || !entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            continue;
          }
          parts++;
          handler.part(name + "!" + entry.getName(), reader(zip));
        }
      } catch (ZipException e) {
        throw new BadFileException(name, "not a readable zip archive (" + e.getMessage() + ")");
      }
      if (parts == 0) {
        throw new BadFileException(name, "the zip archive contains no .csv file");
      }
    }
  }

  /** The part's name and its first line parsed as a header, without reading further (for up-front checks). */
  /**
   * Reads only the header of the file (of the first part of a zip) and hands it to {@code check},
   * which throws when it is not the expected format; later zip parts are checked when they are
   * reached, before their rows are written.
   */
  public static void checkFirstHeader(Path file, java.util.function.Consumer<CsvTable> check) {
    if (!Files.isRegularFile(file)) {
      throw new BadFileException(file.toString(), "no such file");
    }
    try {
      new CsvInput(file).forEachPart((part, reader) -> {
        check.accept(CsvTable.open(part, reader));
        throw new FirstHeaderChecked();
      });
    } catch (FirstHeaderChecked done) {
      // the first part's header was the one to check
    } catch (IOException e) {
      throw new BadFileException(file.toString(), "cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Stops reading after the first header, without the cost of a stack trace. */
  private static final class FirstHeaderChecked extends RuntimeException {
    FirstHeaderChecked() {
      super(null, null, false, false);
    }
  }

  public static Reader reader(InputStream in) throws IOException {
    PushbackReader reader = new PushbackReader(
        new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), 1);
    int first = reader.read();
    if (first != -1 && first != '\uFEFF') {
      reader.unread(first);
    }
    return reader;
  }
}
