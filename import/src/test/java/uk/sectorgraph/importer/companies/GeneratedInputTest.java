package uk.sectorgraph.importer.companies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.psc.PscLine;
import uk.sectorgraph.importer.psc.PscSnapshotReader;

/**
 * Generated hostile input at the parsers, seeded so that a failure replays: real rows with fields
 * replaced by generated values (unicode, control characters, huge, numeric edge cases, malformed dates,
 * quotes) and real PSC lines cut, spliced and retyped. Every row must come out as accepted or as
 * rejected with a reason; nothing may throw, and nothing may be lost.
 */
class GeneratedInputTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
  private static final String[] ODD = {"", " ", "\u0000", "\t\r\n", "\"", "''", "\\", "0", "-1", "99999999999999999999",
      "NaN", "1e309", "31/02/2020", "00/00/0000", "2020-01-01", "29/02/2023", "01/13/2020", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202Eevil",
      "'; MATCH (n) DETACH DELETE n //", "{\"a\":1}", "<script>", "GB-COH-", "99999 - Dormant Company",
      "1234 - Legacy", "ZZ99 9ZZ", "X".repeat(70_000)};

  @Test
  void generatedCompanyRowsAreEachAcceptedOrRejectedWithAReason() throws Exception {
    Path sample = Path.of("src/test/resources/basic_company_data_sample.csv");
    String header = Files.readAllLines(sample).getFirst();
    List<CSVRecord> real = CsvTable.FORMAT.parse(Files.newBufferedReader(sample)).getRecords().subList(1, 6);
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder csv = new StringBuilder(header).append('\n');
    int rows = 2_000;
    for (int i = 0; i < rows; i++) {
      List<String> fields = new ArrayList<>(real.get(random.nextInt(real.size())).toList());
      int changes = 1 + random.nextInt(4);
      for (int c = 0; c < changes; c++) {
        fields.set(random.nextInt(fields.size()), value(random));
      }
      if (random.nextInt(20) == 0) {
        fields.remove(fields.size() - 1); // a short row
      }
      csv.append(CSVFormat.RFC4180.format(fields.toArray())).append('\n');
    }
    CsvTable table = CsvTable.open("generated.csv", new StringReader(csv.toString()));
    CompanyRowParser parser = new CompanyRowParser(BasicCompanyDataColumns.of(table), Set.of("70229", "62020"),
        "fuzz", LocalDate.of(2026, 12, 2));
    int accepted = 0;
    int rejected = 0;
    for (CsvTable.Row row : table) {
      switch (parser.parse(row)) {
        case CompanyRowParser.Accepted a -> accepted++;
        case CompanyRowParser.Rejected r -> {
          assertThat(r.reason()).as("line %d", row.line()).isNotBlank();
          rejected++;
        }
      }
    }
    assertThat(accepted + rejected).as("every generated row accounted for (seed %d)", SEED).isEqualTo(rows);
    assertThat(accepted).as("some rows survive the changes").isPositive();
    assertThat(rejected).as("some rows are broken beyond use").isPositive();
  }

  @Test
  void generatedPscLinesAreEachAcceptedOrRejectedWithTheirLineNumber() throws Exception {
    List<String> real = Files.readAllLines(Path.of("src/test/resources/psc/psc_snapshot_sample.jsonl")).stream()
        .filter(l -> !l.isBlank()).toList();
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder lines = new StringBuilder(real.getFirst()).append('\n'); // a valid first line: the file is a snapshot
    int generated = 3_000;
    for (int i = 0; i < generated; i++) {
      String line = real.get(random.nextInt(real.size()));
      lines.append(switch (random.nextInt(5)) {
        case 0 -> line.substring(0, random.nextInt(line.length())); // cut off
        case 1 -> line.replaceFirst("\"[a-z_]+\":", "\"" + random.nextInt(1000) + "\":"); // a renamed field
        case 2 -> line.replaceFirst(":\"[^\"]*\"", ":" + jsonValue(random)); // a retyped value
        case 3 -> line.substring(0, line.length() / 2) + real.get(random.nextInt(real.size())).substring(line.length() / 3 % 10);
        default -> line.replace("company_number", random.nextBoolean() ? "company_numbr" : "company_number");
      }).append('\n');
    }
    long[] seen = {0, 0};
    List<Long> rejectedLines = new ArrayList<>();
    new PscSnapshotReader().read(new BufferedReader(new StringReader(lines.toString())), "generated.jsonl",
        new PscSnapshotReader.Sink() {
          public void accept(PscLine line) {
            seen[0]++;
          }

          public void reject(long lineNumber, String reason, String raw) {
            assertThat(reason).isNotBlank();
            rejectedLines.add(lineNumber);
            seen[1]++;
          }
        });
    long nonBlank = lines.toString().lines().filter(l -> !l.isBlank()).count();
    assertThat(seen[0] + seen[1]).as("every line accounted for (seed %d)", SEED).isEqualTo(nonBlank);
    assertThat(rejectedLines).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(2L, (long) generated + 1));
  }

  private static String value(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x2FFF));
      }
      return s.toString();
    }
    return ODD[random.nextInt(ODD.length)];
  }

  private static String jsonValue(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> "null";
      case 1 -> "[1,2,3]";
      case 2 -> "{\"x\":{}}";
      case 3 -> String.valueOf(random.nextLong());
      case 4 -> "true";
      default -> "\"\\u0000\\ud800\"";
    };
  }
}
