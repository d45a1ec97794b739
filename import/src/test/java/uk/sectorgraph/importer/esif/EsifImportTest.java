package uk.sectorgraph.importer.esif;

import static org.assertj.core.api.Assertions.assertThat;

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
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.testing.GraphCleanup;

class EsifImportTest {

  private static final String SOURCE = "test-esif";
  private static final Path FILE = Path.of("src/test/resources/esif/england_esif_2014_2020_beneficiaries_oct2016.csv");
  @TempDir Path temp;

  @AfterEach
  void cleanUp() {
    GraphCleanup.deleteSource(SOURCE);
  }

  private ImportSummary importFile(Path file, RejectsFile rejects) {
    return new EsifImport(GraphCleanup.store()).run(file, new EsifImport.Options(SOURCE, LocalDate.of(2016, 10, 1), 100), rejects);
  }

  @Test
  void everyProjectRowIsImportedOnceAndAgainChangesNothing() {
    try (RejectsFile rejects = RejectsFile.in(temp, "esif")) {
      ImportSummary first = importFile(FILE, rejects);
      assertThat(first.read()).isEqualTo(394);
      assertThat(first.rejected()).isZero();
      assertThat(first.created()).isEqualTo(394);
      ImportSummary second = importFile(FILE, rejects);
      assertThat(second.created()).isZero();
      assertThat(second.updated()).isZero();
    }
    try (Session s = GraphCleanup.session()) {
      Record tees = s.run("MATCH (f:FundingStream {id: 'esif-2014-2020/ESF/E37000034'}) RETURN f.eligibleAreas AS areas, "
          + "f.funder AS funder, f.programme AS programme, f.amountGbp AS total").single();
      assertThat(tees.get("areas").asList()).containsExactly("E37000034");
      assertThat(tees.get("funder").asString()).isEqualTo("European Structural and Investment Funds");
      assertThat(tees.get("total").asDouble()).isPositive();
      Record uclan = s.run("MATCH (o:Organisation {id: 'GB-ESIF-university-of-central-lancashire'})-[r:RECEIVED {title: 'Uclan Innovation Clinic'}]->"
          + "(f:FundingStream) RETURN o.kind AS kind, r.amountGbp AS amount, r.awardedOn AS on, f.id AS f").single();
      assertThat(uclan.get("kind").asString()).isEqualTo("UNIVERSITY");
      assertThat(uclan.get("amount").asDouble()).isEqualTo(1_434_364.0);
      assertThat(uclan.get("on").asLocalDate()).isEqualTo(LocalDate.of(2015, 11, 1));
      assertThat(uclan.get("f").asString()).isEqualTo("esif-2014-2020/ERDF/E37000019");
      assertThat(s.run("MATCH (f:FundingStream {national: true}) WHERE f.id STARTS WITH 'esif-2014-2020/' "
          + "RETURN count(f) > 0 AND all(x IN collect(f.eligibleAreas) WHERE size(x) = 0)").single().get(0).asBoolean()).isTrue();
    }
  }

  @Test
  void anUnknownLepSpellingIsReportedNotGuessed() throws Exception {
    List<String> lines = Files.readAllLines(FILE);
    Path changed = temp.resolve("changed.csv");
    Files.write(changed, List.of(lines.get(0), lines.get(1).replace(" Lancashire , England", " Mercia , England")));
    try (RejectsFile rejects = RejectsFile.in(temp, "esif")) {
      ImportSummary summary = importFile(changed, rejects);
      assertThat(summary.rejected()).isEqualTo(1);
      assertThat(Files.readString(rejects.path().orElseThrow())).contains("LEP area 'Mercia' is not in esif/lep_aliases.csv");
    }
    assertThat(GraphCleanup.count("MATCH (o:Organisation {source: $s}) RETURN count(o)", Map.of("s", SOURCE))).isZero();
  }
}
