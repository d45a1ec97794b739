package uk.sectorgraph.importer.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV part read row by row (commons-csv, streaming): columns are found by their trimmed header
 * name, because published headers carry stray spaces. Accepts quoted and unquoted (empty) fields,
 * LF and CRLF. Each {@link Row} knows the line it started on, for rejects.
 */
public final class CsvTable implements Iterable<CsvTable.Row> {

  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(true)
      .setLenientEof(true)
      .setTrailingData(true)
      .get();

  /** A data row; {@code line} is the 1-based line where it starts. */
  public record Row(long line, CSVRecord record) {
    public int size() {
      return record.size();
    }

    public String get(int column) {
      return column < record.size() ? record.get(column) : "";
    }

    /** The row written back as CSV, for the rejects file. */
    public String raw() {
      return FORMAT.format(record.values());
    }
  }

  private final String name;
  private final CSVParser parser;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();

  private CsvTable(String name, CSVParser parser, List<String> header) {
    this.name = name;
    this.parser = parser;
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i), i);
    }
  }

  /** Reads the header line; an empty part is a {@link BadFileException}. */
  public static CsvTable open(String name, Reader reader) {
    try {
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        throw new BadFileException(name, "is empty (no header line)");
      }
      List<String> header = new ArrayList<>();
      for (String value : it.next().values()) {
        header.add(value.trim());
      }
      return new CsvTable(name, parser, header);
    } catch (IOException | UncheckedIOException e) {
      throw new BadFileException(name, "cannot be read as CSV (" + e.getMessage() + ")");
    }
  }

  public String name() {
    return name;
  }

  /** Trimmed header names in file order. */
  public List<String> header() {
    return header;
  }

  public Optional<Integer> column(String trimmedName) {
    return Optional.ofNullable(columns.get(trimmedName));
  }

  /** The columns of {@code required} that the header lacks, in the given order. */
  public List<String> missing(Collection<String> required) {
    return required.stream().filter(c -> !columns.containsKey(c)).toList();
  }

  /**
   * The rows, lexed on a second thread a few thousand rows ahead of the caller ({@link ReadAhead}); for
   * the big files (the register, postcodes), where the lexer is half of the parse time.
   */
  public ReadAhead<Row> readAhead() {
    return new ReadAhead<>(iterator(), name);
  }

  @Override
  public Iterator<Row> iterator() {
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      private long nextLine = parser.getCurrentLineNumber() + 1;

      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        if (!records.hasNext()) {
          throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        long start = nextLine;
        nextLine = parser.getCurrentLineNumber() + 1;
        return new Row(start, record);
      }
    };
  }
}
