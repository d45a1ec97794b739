package uk.sectorgraph.importer.iotable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import uk.sectorgraph.analysis.io.IoTableCsvReader;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.cli.ImportCommand;
import uk.sectorgraph.store.TestGraph;

class IoTableCommandTest {

  @TempDir
  Path dir;

  @AfterEach
  void removeTheTestYear() {
    TestGraph.store().driver().executableQuery("""
        MATCH (t:IoTable {year: 1999}) DETACH DELETE t
        WITH 1 AS done MATCH (:Industry)-[r:SUPPLIES {year: 1999}]->(:Industry) DELETE r""").execute();
  }

  @Test
  void anotherYearsTableIsLoadedBesideTheShippedOne() throws Exception {
    Path iot = copy(IoTableCsvReader.DOMESTIC_USE_2020_FILE);
    Path a = copy(IoTableCsvReader.COEFFICIENTS_2020_FILE);

    int exit = run("io-table", "--year", "1999", "--iot", iot.toString(), "--coefficients", a.toString());

    assertThat(exit).isEqualTo(ImportSummary.EXIT_OK);
    var record = TestGraph.store().driver().executableQuery(
            "MATCH (t:IoTable {year: 1999}) RETURN size(t.industryCodes) AS n, size(t.coefficients) AS c")
        .execute().records().getFirst();
    assertThat(record.get("n").asInt()).isEqualTo(105);
    assertThat(record.get("c").asInt()).isEqualTo(105 * 105);
    long supplies = TestGraph.store().driver().executableQuery(
        "MATCH (:Industry)-[r:SUPPLIES {year: 1999}]->(:Industry) RETURN count(r) AS n").execute()
        .records().getFirst().get("n").asLong();
    assertThat(supplies).isGreaterThan(5000);
  }

  @Test
  void aFileThatIsNotAnIoTableWritesNothing() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.csv"), "row_code,row_label,A01\nA01,x,0.1\n");
    Path a = copy(IoTableCsvReader.COEFFICIENTS_2020_FILE);

    int exit = run("io-table", "--year", "1999", "--iot", wrong.toString(), "--coefficients", a.toString());

    assertThat(exit).isEqualTo(ImportSummary.EXIT_BAD_FILE);
    assertThat(TestGraph.store().driver().executableQuery("MATCH (t:IoTable {year: 1999}) RETURN count(t) AS n")
        .execute().records().getFirst().get("n").asLong()).isZero();
  }

  private int run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--neo4j-uri";
    all[args.length + 1] = TestGraph.store().uri();
    all[args.length + 2] = "--neo4j-password";
    all[args.length + 3] = TestGraph.PASSWORD;
    return ImportCommand.commandLine().execute(all);
  }

  private Path copy(String file) throws Exception {
    try (InputStream in = IoTableCsvReader.class.getResourceAsStream(IoTableCsvReader.BUNDLED_2020_FOLDER + file)) {
      Path target = dir.resolve(file);
      Files.copy(in, target);
      return target;
    }
  }
}
