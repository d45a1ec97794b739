package uk.sectorgraph.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a small reference file shipped on the classpath (all of them fit in memory comfortably). */
final class ReferenceCsv {

  private ReferenceCsv() {}

  static List<CSVRecord> read(String resource) {
    return read(resource, CSVFormat.DEFAULT);
  }

  static List<CSVRecord> readTabs(String resource) {
    return read(resource, CSVFormat.TDF);
  }

  private static List<CSVRecord> read(String resource, CSVFormat base) {
    InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Reference file missing from the classpath: " + resource);
    }
    CSVFormat format = base.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();
    try (in; var parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parser.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference file " + resource, e);
    }
  }
}
