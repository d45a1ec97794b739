package uk.sectorgraph.importer.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one input file of {@code neo4j-admin database import}: a typed header
 * ({@code id:ID(Organisation)}, {@code asOf:date}, {@code previousNames:string[]}, ...) and one line per
 * node or relationship. Strings are always quoted (a quote inside is doubled); null is an empty unquoted
 * field, which the import tool leaves out, as Cypher leaves out a null property. An empty list is left
 * out too (the tool cannot write an empty array), so readers must take a missing list as empty.
 *
 * <p>Every record is one line: the import tool reads single-line records much faster (no
 * {@code --multiline-fields}), so values with a line break, or a list element containing the
 * {@link #ARRAY_DELIMITER}, cannot be written here. {@link #representable} says which; callers send
 * those few rows another way.
 */
public final class AdminImportCsv implements AutoCloseable {

  /** Between list elements: a control character (unit separator) that no register value uses. */
  public static final char ARRAY_DELIMITER = '\u001F';

  private final Path file;
  private final BufferedWriter out;
  private final int width;
  private long records;

  public AdminImportCsv(Path file, String... header) {
    this.file = file;
    this.width = header.length;
    try {
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write(String.join(",", header));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** True when every value can go on one line of this format (see the class comment). */
  public static boolean representable(Object value) {
    return switch (value) {
      case null -> true;
      case String s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf(ARRAY_DELIMITER) < 0;
      case List<?> list -> list.stream().allMatch(AdminImportCsv::representable);
      default -> true;
    };
  }

  /** One record, values in header order: String, LocalDate, Boolean, Number, List of String, or null. */
  public void write(Object... values) {
    if (values.length != width) {
      throw new IllegalArgumentException(file + ": " + values.length + " values for " + width + " columns");
    }
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        writeValue(values[i]);
      }
      out.write('\n');
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private void writeValue(Object value) throws IOException {
    switch (value) {
      case null -> { }
      case String s -> quoted(s);
      case LocalDate d -> out.write(d.toString());
      case List<?> list -> {
        if (!list.isEmpty()) {
          StringBuilder joined = new StringBuilder();
          for (Object element : list) {
            if (!joined.isEmpty()) {
              joined.append(ARRAY_DELIMITER);
            }
            joined.append(element);
          }
          quoted(joined.toString());
        }
      }
      default -> out.write(value.toString());
    }
  }

  private void quoted(String s) throws IOException {
    out.write('"');
    if (s.indexOf('"') < 0) {
      out.write(s);
    } else {
      out.write(s.replace("\"", "\"\""));
    }
    out.write('"');
  }

  public Path file() {
    return file;
  }

  public long records() {
    return records;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
