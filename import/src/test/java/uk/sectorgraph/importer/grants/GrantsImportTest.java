package uk.sectorgraph.importer.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.testing.GraphCleanup;

class GrantsImportTest {

  private static final String SOURCE = "test-grants";
  private static final Path JSON = Path.of("src/test/resources/grants/360giving_grants_sample.json");
  private static final Path CSV = Path.of("src/test/resources/grants/360giving_grants_sample.csv");
  @TempDir Path temp;

  @AfterEach
  void cleanUp() {
    GraphCleanup.deleteSource(SOURCE);
  }

  private ImportSummary importFiles(Path... files) {
    try (RejectsFile rejects = RejectsFile.in(temp, "grants")) {
      return new GrantsImport(GraphCleanup.store())
          .run(List.of(files), new GrantsImport.Options(SOURCE, LocalDate.of(2019, 5, 15), 50), rejects);
    }
  }

  @Test
  void theRealJsonSampleImportsEveryGrantAndASecondImportChangesNothing() {
    ImportSummary first = importFiles(JSON);
    assertThat(first.read()).isEqualTo(130);
    assertThat(first.rejected()).isZero();
    assertThat(first.created()).isEqualTo(130);

    ImportSummary second = importFiles(JSON);
    assertThat(second.created()).isZero();
    assertThat(second.updated()).isZero();
    assertThat(second.unchanged()).isEqualTo(130);

    try (Session s = GraphCleanup.session()) {
      Record stream = s.run("MATCH (funder:Organisation)-[:FUNDS]->(f:FundingStream {id: 'GB-CHC-327114/invest-south'}) "
          + "RETURN f.amountGbp AS total, f.opensOn AS opens, f.closesOn AS closes, f.funder AS funder, funder.kind AS kind, "
          + "COUNT { ()-[:RECEIVED]->(f) } AS grants").single();
      assertThat(stream.get("grants").asLong()).isEqualTo(15);
      assertThat(stream.get("total").asDouble()).isEqualTo(962_747.0);
      assertThat(stream.get("opens").asLocalDate()).isEqualTo(LocalDate.of(2014, 8, 13));
      assertThat(stream.get("closes").asLocalDate()).isEqualTo(LocalDate.of(2015, 11, 11));
      assertThat(stream.get("funder").asString()).isEqualTo("Lloyds Bank Foundation for England and Wales");
      assertThat(stream.get("kind").asString()).isEqualTo("CHARITY");
      Record received = s.run("MATCH (o:Organisation {id: 'GB-COH-IP28755R'})-[r:RECEIVED {id: '360G-ptc-gr-01653'}]->"
          + "(f:FundingStream) RETURN o.kind AS kind, o.name AS name, r.amountGbp AS amount, r.awardedOn AS on, f.id AS f").single();
      assertThat(received.get("kind").asString()).isEqualTo("COMPANY");
      assertThat(received.get("name").asString()).isEqualTo("Hyde Park Source");
      assertThat(received.get("amount").asDouble()).isEqualTo(3239.34);
      assertThat(received.get("on").asLocalDate()).isEqualTo(LocalDate.of(2015, 6, 1));
      assertThat(received.get("f").asString()).isEqualTo("GB-CHC-1159982/cb-leadership-cbl");
    }
  }

  @Test
  void theCsvLayoutCarriesTheSameGrants() {
    ImportSummary fromCsv = importFiles(CSV);
    assertThat(fromCsv.read()).isEqualTo(130);
    assertThat(fromCsv.rejected()).isZero();
    assertThat(fromCsv.created()).isEqualTo(130);
    ImportSummary thenJson = importFiles(JSON);
    assertThat(thenJson.created()).isZero();
  }

  @Test
  void anExistingOrganisationKeepsItsNameAndBadGrantsAreRejectedWithReasons() throws Exception {
    GraphCleanup.run("MERGE (o:Organisation {id: 'GB-COH-IP28755R'}) SET o.name = 'HYDE PARK SOURCE LTD', o.source = $s",
        Map.of("s", SOURCE));
    Path bad = temp.resolve("bad.csv");
    List<String> lines = Files.readAllLines(CSV);
    Files.write(bad, List.of(lines.get(0), lines.get(1), lines.get(2).replace(",GBP,", ",EUR,"),
        lines.get(3).replaceFirst("^[^,]+,", ",")));
    ImportSummary summary = importFiles(bad);
    assertThat(summary.read()).isEqualTo(3);
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(GraphCleanup.count("MATCH (o:Organisation {id: 'GB-COH-IP28755R', name: 'HYDE PARK SOURCE LTD'}) RETURN count(o)",
        Map.of())).isEqualTo(1);

    Path notGrants = temp.resolve("x.json");
    Files.writeString(notGrants, "{\"items\": []}");
    assertThatThrownBy(() -> importFiles(notGrants)).isInstanceOf(BadFileException.class).hasMessageContaining("grants");
  }
}
