package uk.sectorgraph.importer.psc;

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
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.testing.GraphCleanup;

class PscImportTest {

  private static final String SOURCE = "test-psc";
  private static final Path SAMPLE = Path.of("src/test/resources/psc/psc_snapshot_sample.jsonl");
  @TempDir Path temp;

  @AfterEach
  void cleanUp() {
    GraphCleanup.deleteSource(SOURCE);
  }

  private PscImport.Result importSample(Path file) {
    try (RejectsFile rejects = RejectsFile.in(temp, "psc")) {
      return new PscImport(GraphCleanup.store())
          .run(List.of(file), new PscImport.Options(SOURCE, LocalDate.of(2024, 11, 22)), rejects);
    }
  }

  @Test
  void everyLineOfTheRealSampleIsAccountedForAndASecondImportChangesNothing() {
    PscImport.Result first = importSample(SAMPLE);

    // 21 lines: 19 controls + 1 statement + the totals line, which is a summary and not a record.
    assertThat(first.summary().read()).isEqualTo(20);
    assertThat(first.summary().rejected()).isZero();
    assertThat(first.statements()).isEqualTo(1);
    assertThat(first.summary().created()).isEqualTo(19);
    assertThat(first.totals()).singleElement().satisfies(t -> assertThat(t.pscCount()).isEqualTo(12_799_821));
    assertThat(first.notes()).anyMatch(n -> n.contains("not compared"));

    PscImport.Result second = importSample(SAMPLE);
    assertThat(second.summary().created()).isZero();
    assertThat(second.summary().updated()).isZero();
    assertThat(second.summary().unchanged()).isEqualTo(19);
    assertThat(GraphCleanup.count("MATCH ()-[r:CONTROLS {source: $s}]->() RETURN count(r)", Map.of("s", SOURCE)))
        .isEqualTo(19);
  }

  @Test
  void aSavedApiPscListImportsLikeSnapshotLines() {
    PscImport.Result first = importSample(Path.of("src/test/resources/psc/psc_list_03977902_google_uk.json"));

    assertThat(first.summary().read()).isEqualTo(1);
    assertThat(first.summary().rejected()).isZero();
    assertThat(first.summary().created()).isEqualTo(1);
    // Registered in Delaware, so not a Companies House company: a corporate Person controls Google UK.
    assertThat(GraphCleanup.count("""
        MATCH (p:Person {kind: 'CORPORATE', name: 'Alphabet, Inc.'})-[r:CONTROLS]->(:Organisation {id: 'GB-COH-03977902'})
        WHERE r.sharesMin = 75.0 AND r.sharesMax = 100.0 AND size(r.naturesOfControl) = 3 AND r.notifiedOn = date('2016-04-06')
        RETURN count(r)""", Map.of())).isEqualTo(1);
    assertThat(importSample(Path.of("src/test/resources/psc/psc_list_03977902_google_uk.json")).summary().unchanged()).isEqualTo(1);
  }

  @Test
  void ukRegisteredCorporatePscsControlFromTheirCompanyAndOthersFromAPerson() {
    importSample(SAMPLE);
    try (Session s = GraphCleanup.session()) {
      Record r = s.run("MATCH (o:Organisation {id: 'GB-COH-00686734'})-[r:CONTROLS]->(c:Organisation {id: 'GB-COH-07434180'}) "
          + "RETURN o.kind AS kind, r.sharesMin AS min, r.sharesMax AS max").single();
      assertThat(r.get("kind").asString()).isEqualTo("COMPANY");
      Record wpp = s.run("MATCH (p:Person)-[r:CONTROLS]->(:Organisation {id: 'GB-COH-06452920'}) "
          + "RETURN p.kind AS kind, r.sharesMin AS min, r.sharesMax AS max").single();
      assertThat(wpp.get("kind").asString()).isEqualTo("CORPORATE");
      assertThat(wpp.get("min").asInt()).isEqualTo(75);
      assertThat(wpp.get("max").asInt()).isEqualTo(100);
      Record individual = s.run("MATCH (p:Person)-[r:CONTROLS]->(:Organisation {id: 'GB-COH-09145694'}) "
          + "RETURN p.id AS id, p.birthYear AS year, r.ceasedOn AS ceased").single();
      assertThat(individual.get("id").asString()).isEqualTo("psc:09145694:3b8caf795c03af63921e381f7bb8300a51ebb73d");
      assertThat(individual.get("year").asInt()).isEqualTo(1977);
      assertThat(individual.get("ceased").asLocalDate()).isEqualTo(LocalDate.of(2018, 5, 14));
      assertThat(s.run("MATCH (p:Person {kind: 'SUPER_SECURE'})-[:CONTROLS]->(:Organisation {id: 'GB-COH-02443921'}) RETURN count(p)")
          .single().get(0).asLong()).isEqualTo(1);
    }
  }

  @Test
  void anImportKilledMidFileResumesFromItsCheckpointAndEndsWithTheGraphOfACleanRun() {
    importSample(SAMPLE);
    String clean = canonicalControls();
    GraphCleanup.deleteSource(SOURCE);

    PscImport.Options options = new PscImport.Options(SOURCE, LocalDate.of(2024, 11, 22), 4, temp.resolve("data"));
    PscImport dying = new PscImport(GraphCleanup.store());
    int[] checkpoints = {0};
    dying.afterCheckpoint = () -> {
      if (++checkpoints[0] == 2) {
        throw new IllegalStateException("killed after the second checkpoint");
      }
    };
    try (RejectsFile rejects = RejectsFile.in(temp, "psc")) {
      assertThatThrownBy(() -> dying.run(List.of(SAMPLE), options, rejects)).hasMessageContaining("killed");
    }
    try (RejectsFile rejects = RejectsFile.in(temp, "psc")) {
      PscImport.Result resumed = new PscImport(GraphCleanup.store()).run(List.of(SAMPLE), options, rejects);
      assertThat(resumed.summary().read()).as("lines after the checkpoint at line 8").isEqualTo(20 - 8);
    }
    assertThat(canonicalControls()).isEqualTo(clean);
    assertThat(temp.resolve("data").resolve(uk.sectorgraph.importer.batch.Checkpoint.DIRECTORY)).isEmptyDirectory();
  }

  private static String canonicalControls() {
    try (Session s = GraphCleanup.session()) {
      return s.run("""
          MATCH (x)-[r:CONTROLS {source: $s}]->(c:Organisation)
          RETURN x.id + '>' + c.id + ' ' + reduce(t = '', n IN r.naturesOfControl | t + n + ';') + ' ' + toString(r.sharesMin) + '-' + toString(r.sharesMax)
                 + ' ' + toString(r.notifiedOn) + ' ' + toString(r.ceasedOn) AS line ORDER BY line""", Map.of("s", SOURCE))
          .list(r -> r.get("line").asString()).toString();
    }
  }

  @Test
  void badLinesAreRejectedWithTheirLineNumberAndAFileThatIsNotASnapshotFailsAtOnce() throws Exception {
    Path mixed = temp.resolve("mixed.jsonl");
    Files.writeString(mixed, Files.readAllLines(SAMPLE).getFirst() + "\n{not json\n"
        + "{\"company_number\":\"01234567\",\"data\":{\"kind\":\"mystery\"}}\n");
    PscImport.Result result = importSample(mixed);
    assertThat(result.summary().read()).isEqualTo(3);
    assertThat(result.summary().rejected()).isEqualTo(2);

    Path csv = temp.resolve("companies.csv");
    Files.writeString(csv, "CompanyName, CompanyNumber\n\"X\",\"1\"\n");
    assertThatThrownBy(() -> importSample(csv)).isInstanceOf(BadFileException.class).hasMessageContaining("not JSON");
  }
}
