package uk.sectorgraph.importer.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.sectorgraph.importer.GraphFixtures.SAMPLE_IDS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import uk.sectorgraph.importer.GraphFixtures;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.DiskRoom;
import uk.sectorgraph.importer.batch.ImportRefusedException;
import uk.sectorgraph.importer.batch.ImportSummary;

class CompaniesImportTest {

  static final LocalDate AS_OF = LocalDate.of(2024, 11, 1);
  static final String HARROGATE = "E07000165";

  @TempDir
  Path dir;

  @BeforeEach
  void referenceData() {
    GraphFixtures.sectors("70229", "78300", "99999", "47710");
    GraphFixtures.localAuthority(HARROGATE);
    GraphFixtures.postcode("HG1 1ND", HARROGATE);
  }

  @AfterEach
  void cleanUp() {
    GraphFixtures.cleanUp(SAMPLE_IDS);
  }

  CompaniesImport importer(int batchSize) {
    return new CompaniesImport(GraphFixtures.driver(), null,
        new CompaniesImport.Options(dir.resolve("data"), dir.resolve("rejects"), batchSize, AS_OF, false));
  }

  Path sample() throws IOException {
    return write("BasicCompanyData-sample.csv", GraphFixtures.resource("basic_company_data_sample.csv"));
  }

  Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  static List<String> lines() {
    return GraphFixtures.resource("basic_company_data_sample.csv").lines().toList();
  }

  static Record organisation(String id) {
    try (var session = GraphFixtures.driver().session()) {
      return session.run("""
          MATCH (o:Organisation {id: $id})
          OPTIONAL MATCH (o)-[:LOCATED_IN]->(la:LocalAuthority)
          RETURN o, [(o)-[r:OPERATES_IN]->(s) | s.code + ':' + r.primary] AS sectors, la.code AS la
          """, Map.of("id", id)).single();
    }
  }

  @Test
  void theFiveRealRowsImportAndTheLaterSnapshotOfACompanyWins() throws IOException {
    ImportSummary summary = importer(10_000).run(List.of(sample()));

    assertThat(summary.read()).isEqualTo(5);
    assertThat(summary.created()).isEqualTo(4);
    assertThat(summary.updated() + summary.unchanged()).isEqualTo(1); // the earlier row of 08209948, superseded
    assertThat(summary.rejected()).isZero();
    assertThat(summary.exitCode()).isZero();

    var obac = organisation("GB-COH-07687209");
    var o = obac.get("o").asNode();
    assertThat(o.get("name").asString()).isEqualTo("!OBAC UK LIMITED");
    assertThat(o.get("kind").asString()).isEqualTo("COMPANY");
    assertThat(o.get("companyNumber").asString()).isEqualTo("07687209");
    assertThat(o.get("status").asString()).isEqualTo("Active");
    assertThat(o.get("category").asString()).isEqualTo("Private Limited Company");
    assertThat(o.get("incorporatedOn").asLocalDate()).isEqualTo(LocalDate.of(2011, 6, 29));
    assertThat(o.get("dissolvedOn").isNull()).isTrue();
    assertThat(o.get("postcode").asString()).isEqualTo("RG26 5AT");
    assertThat(o.get("previousNames").asList()).containsExactly("!OBAC FITTINGS LIMITED");
    assertThat(o.get("previousNamesText").asString()).isEqualTo("!OBAC FITTINGS LIMITED");
    assertThat(o.get("statusHistory").asList()).containsExactly("2024-11-01:Active");
    assertThat(o.get("source").asString()).isEqualTo("companies-house-basic-2024-11");
    assertThat(o.get("asOf").asLocalDate()).isEqualTo(AS_OF);
    assertThat(obac.get("sectors").asList()).containsExactly("70229:true");

    var moved = organisation("GB-COH-08209948");
    assertThat(moved.get("o").asNode().get("postcode").asString()).isEqualTo("HG1 1ND");
    assertThat(moved.get("la").asString()).isEqualTo(HARROGATE);
    assertThat(moved.get("sectors").asList()).containsExactly("99999:true");
    assertThat(organisation("GB-COH-12778855").get("o").asNode().get("postcode").asString()).isEqualTo("S35 2PH");
    assertThat(moved.get("o").asNode().get("districtSectors").asList()).contains(HARROGATE + "/99999");
    assertThat(obac.get("o").asNode().get("districtSectors").isNull()).as("no district: no keys").isTrue();
    GraphFixtures.assertDistrictSectorKeysCurrent(SAMPLE_IDS);
  }

  /** A company that moves district and changes sector gets the keys of where it is now, by both write paths. */
  @Test
  void districtSectorKeysFollowACompanysMoveAndNewSectors() throws IOException {
    GraphFixtures.localAuthority("E06000001");
    GraphFixtures.postcode("TS24 7BT", "E06000001");
    List<String> lines = lines();
    String moved = lines.stream().filter(l -> l.contains("08209948")).reduce((a, b) -> b).orElseThrow();
    Path first = write("BasicCompanyData-first.csv", lines.get(0) + "\n" + moved + "\n");
    for (boolean skip : List.of(false, true)) {
      importer(10_000).skipKnownRows(skip).run(List.of(first));
      assertThat(keys("GB-COH-08209948")).contains(HARROGATE + "/99999").allMatch(k -> k.startsWith(HARROGATE + "/"));

      String elsewhere = moved.replace("HG1 1ND", "TS24 7BT").replace("99999 - Dormant Company", "47710 - Retail sale of clothing");
      assertThat(elsewhere).contains("TS24 7BT").contains("47710");
      importer(10_000).skipKnownRows(skip).run(List.of(write("BasicCompanyData-second.csv", lines.get(0) + "\n" + elsewhere + "\n")));
      assertThat(keys("GB-COH-08209948")).contains("E06000001/47710").noneMatch(k -> k.startsWith(HARROGATE + "/"))
          .noneMatch(k -> k.endsWith("/99999"));
      GraphFixtures.assertDistrictSectorKeysCurrent(SAMPLE_IDS);
      GraphFixtures.cleanUp(SAMPLE_IDS);
      referenceData();
      GraphFixtures.localAuthority("E06000001");
      GraphFixtures.postcode("TS24 7BT", "E06000001");
    }
  }

  static List<String> keys(String id) {
    return organisation(id).get("o").asNode().get("districtSectors").asList(v -> v.asString());
  }

  @Test
  void importingTheSameFileTwiceChangesNothing() throws IOException {
    Path file = sample();
    importer(10_000).run(List.of(file));
    String first = GraphFixtures.dump(SAMPLE_IDS);

    int[] sent = {0};
    ImportSummary second = importer(10_000).onBatchCommitted((position, rows, counts) -> sent[0] += rows).run(List.of(file));

    // The graph holds every row but the earlier snapshot of 08209948 (the later one won), so only that
    // company's two rows go to the graph; the other three are skipped without asking it.
    assertThat(sent[0]).isEqualTo(2);
    assertThat(GraphFixtures.dump(SAMPLE_IDS)).isEqualTo(first);
    assertThat(second.read()).isEqualTo(5);
    assertThat(second.unchanged()).isEqualTo(5);
    assertThat(second.created()).isZero();
    assertThat(second.updated()).isZero();
  }

  /**
   * Skipping the rows the graph already holds (KnownCompanies) must give exactly what asking the graph
   * for every row gives: the same graph and the same counts after each of a series of imports that
   * change, repeat, revert, drop from a full snapshot, bring back and predate companies.
   */
  @Test
  void skippingRowsTheGraphHoldsGivesTheSameGraphAndCountsAsAskingForEveryRow() throws IOException {
    List<String> lines = lines();
    String header = lines.get(0);
    String obac = lines.get(1);
    String obacRenamed = obac.replace("!OBAC UK LIMITED", "!OBAC UK RENAMED LIMITED");
    String other = lines.get(2);
    String otherRenamed = other.replace("\"! LIMITED\"", "\"! RENAMED LIMITED\"");
    LocalDate december = LocalDate.of(2024, 12, 1);
    record Step(String content, LocalDate asOf, boolean full) {}
    List<Step> steps = List.of(
        new Step(GraphFixtures.resource("basic_company_data_sample.csv"), AS_OF, false),
        // one company changed; another changed and then, later in the same file, back as it was
        new Step(String.join("\n", header, obacRenamed, otherRenamed, lines.get(3), other), AS_OF, false),
        new Step(String.join("\n", header, obacRenamed, other), AS_OF, false), // unchanged: skipped
        new Step(String.join("\n", header, obac), december, true),            // the rest go missing
        new Step(GraphFixtures.resource("basic_company_data_sample.csv"), december, false), // and come back
        new Step(GraphFixtures.resource("basic_company_data_sample.csv"), AS_OF, false));   // an older snapshot

    List<String> asked = new ArrayList<>();
    List<String> skipping = new ArrayList<>();
    for (boolean skip : List.of(false, true)) {
      List<String> record = skip ? skipping : asked;
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        Path file = write("BasicCompanyData-step" + i + ".csv", step.content() + "\n");
        ImportSummary summary = new CompaniesImport(GraphFixtures.driver(), null, new CompaniesImport.Options(
            dir.resolve("data"), dir.resolve("rejects"), 2, step.asOf(), step.full())).skipKnownRows(skip).run(List.of(file));
        record.add("step " + i + ": created " + summary.created() + ", updated " + summary.updated() + ", unchanged "
            + summary.unchanged() + "\n" + GraphFixtures.dump(SAMPLE_IDS));
        GraphFixtures.assertDistrictSectorKeysCurrent(SAMPLE_IDS);
      }
      GraphFixtures.cleanUp(SAMPLE_IDS);
      referenceData();
    }

    assertThat(skipping).isEqualTo(asked);
    assertThat(asked.get(2)).startsWith("step 2: created 0, updated 0, unchanged 2");
  }

  @Test
  void badRowsAreRejectedWithTheirLineNumberAndTheRestImport() throws IOException {
    List<String> lines = new ArrayList<>(lines());
    lines.set(2, lines.get(2).replace("\"S35 2PH\",", "")); // line 3: one column short
    lines.set(4, lines.get(4).replace("\"05/06/2018\"", "\"31/02/2018\"")); // line 5: no such date
    Path file = write("bad-rows.csv", String.join("\n", lines) + "\n");

    ImportSummary summary = importer(10_000).run(List.of(file));

    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.exitCode()).isEqualTo(ImportSummary.EXIT_REJECTED_ROWS);
    assertThat(summary.created()).isEqualTo(2);
    try (var stream = Files.list(dir.resolve("rejects"))) {
      Path rejects = stream.findFirst().orElseThrow();
      assertThat(rejects.getFileName().toString()).startsWith("companies-").endsWith(".rejects.csv");
      List<String> rejected = Files.readAllLines(rejects);
      assertThat(rejected.get(0)).isEqualTo("file,line,reason,raw");
      assertThat(rejected.get(1)).startsWith("bad-rows.csv,3,\"expected 55 columns, found 54\",");
      assertThat(rejected.get(2)).startsWith("bad-rows.csv,5,bad IncorporationDate '31/02/2018'");
    }
    try (var session = GraphFixtures.driver().session()) {
      assertThat(session.run("MATCH (o:Organisation) WHERE o.id IN $ids RETURN o.id AS id ORDER BY id",
          Map.of("ids", SAMPLE_IDS)).list(r -> r.get("id").asString()))
          .containsExactly("GB-COH-07687209", "GB-COH-08209948");
    }
  }

  @Test
  void aWrongHeaderFailsAtOnceAndWritesNothing() throws IOException {
    Path good = sample();
    Path wrong = write("not-companies.csv", "CompanyName,Number,Postcode\n\"X LTD\",\"12778855\",\"S35 2PH\"\n");

    assertThatThrownBy(() -> importer(10_000).run(List.of(good, wrong)))
        .isInstanceOf(BadFileException.class)
        .hasMessageContaining("not-companies.csv")
        .hasMessageContaining("CompanyNumber")
        .hasMessageContaining("SICCode.SicText_1");

    assertThat(GraphFixtures.dump(SAMPLE_IDS)).isEmpty();
  }

  @Test
  void crlfByteOrderMarkAndUnquotedEmptyFieldsAreAccepted() throws IOException {
    String crlf = "\uFEFF" + String.join("\r\n", lines()).replace("\"\"", "") + "\r\n";
    Path file = write("crlf.csv", crlf);

    ImportSummary summary = importer(10_000).run(List.of(file));

    assertThat(summary.rejected()).isZero();
    assertThat(summary.created()).isEqualTo(4);
    assertThat(organisation("GB-COH-07687209").get("o").asNode().get("name").asString()).isEqualTo("!OBAC UK LIMITED");
    assertThat(organisation("GB-COH-08209948").get("o").asNode().get("postcode").asString()).isEqualTo("HG1 1ND");
  }

  @Test
  void aZipOfTwoPartsImports() throws IOException {
    List<String> lines = lines();
    Path zip = dir.resolve("BasicCompanyData-2024-11-01.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "BasicCompanyData-2024-11-01-part1_2.csv", String.join("\n", lines.subList(0, 4)) + "\n");
      entry(out, "BasicCompanyData-2024-11-01-part2_2.csv",
          String.join("\n", List.of(lines.get(0), lines.get(4), lines.get(5))) + "\n");
    }

    ImportSummary summary = importer(10_000).run(List.of(zip));

    assertThat(summary.read()).isEqualTo(5);
    assertThat(summary.created()).isEqualTo(4);
    assertThat(summary.unchanged()).isEqualTo(1); // 08209948 again in part 2: same batch, the later row wins
    assertThat(organisation("GB-COH-08209948").get("o").asNode().get("postcode").asString()).isEqualTo("HG1 1ND");
  }

  private static void entry(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  /** The graph a clean import of {@code file} gives, as a dump; the graph is then emptied for a second try. */
  String cleanImportThenEmpty(Path file) {
    importer(2).run(List.of(file));
    String clean = GraphFixtures.dump(SAMPLE_IDS);
    GraphFixtures.cleanUp(SAMPLE_IDS);
    referenceData();
    return clean;
  }

  @Test
  void anImportKilledMidFileEndsEqualToACleanImport() throws IOException {
    Path file = sample();
    String clean = cleanImportThenEmpty(file);

    int[] batches = {0};
    CompaniesImport crashing = importer(2).onBatchCommitted((position, rows, counts) -> {
      if (++batches[0] == 2) {
        throw new IllegalStateException("simulated crash after the second batch committed, before its checkpoint");
      }
    });
    assertThatThrownBy(() -> crashing.run(List.of(file))).hasMessageContaining("simulated crash");
    try (var stream = Files.list(dir.resolve("data").resolve("import-checkpoints"))) {
      assertThat(stream.toList()).hasSize(1);
    }

    ImportSummary rerun = importer(2).run(List.of(file));

    assertThat(rerun.read()).isEqualTo(3); // rows 1-2 were committed and checkpointed; 3-4 are written again
    assertThat(GraphFixtures.dump(SAMPLE_IDS)).isEqualTo(clean);
    try (var stream = Files.list(dir.resolve("data").resolve("import-checkpoints"))) {
      assertThat(stream.toList()).isEmpty();
    }
  }

  @Test
  void aDiskBelowTheThresholdStopsTheImportBetweenBatchesAndTheRerunResumes() throws IOException {
    Path file = sample();
    String clean = cleanImportThenEmpty(file);

    // The disk "fills" after the first batch: the threshold is set beyond any real disk.
    DiskRoom full = new DiskRoom(dir.resolve("data"), Long.MAX_VALUE);
    int[] batches = {0};
    BatchWriter.beforeEachBatch(() -> {
      if (++batches[0] > 1) {
        full.check("Free some space and run the same command again.");
      }
    });
    try {
      assertThatThrownBy(() -> importer(2).run(List.of(file)))
          .isInstanceOf(ImportRefusedException.class)
          .hasMessageContaining(dir.resolve("data").toAbsolutePath().toString())
          .hasMessageContaining(DiskRoom.MIN_FREE_DISK).hasMessageContaining("run the same command again");
    } finally {
      BatchWriter.beforeEachBatch(() -> {});
    }
    assertThat(GraphFixtures.dump(SAMPLE_IDS)).isNotEqualTo(clean); // only the first batch is in

    ImportSummary rerun = importer(2).run(List.of(file));

    assertThat(rerun.read()).isEqualTo(3); // rows 1-2 were committed and checkpointed
    assertThat(GraphFixtures.dump(SAMPLE_IDS)).isEqualTo(clean);
  }

  @Test
  void aFullSnapshotMarksCompaniesItLacksAndNeverDeletesThem() throws IOException {
    importer(10_000).run(List.of(sample()));
    List<String> lines = lines();
    Path newer = write("BasicCompanyData-2024-12-01.csv", lines.get(0) + "\n" + lines.get(1) + "\n");

    new CompaniesImport(GraphFixtures.driver(), null, new CompaniesImport.Options(
        dir.resolve("data"), dir.resolve("rejects"), 10_000, null, true)).run(List.of(newer));

    var kept = organisation("GB-COH-07687209").get("o").asNode();
    assertThat(kept.get("missingFromSnapshot").isNull()).isTrue();
    assertThat(kept.get("asOf").asLocalDate()).isEqualTo(LocalDate.of(2024, 12, 1));
    var missing = organisation("GB-COH-12778855").get("o").asNode();
    assertThat(missing.get("missingFromSnapshot").asLocalDate()).isEqualTo(LocalDate.of(2024, 12, 1));
  }
}
