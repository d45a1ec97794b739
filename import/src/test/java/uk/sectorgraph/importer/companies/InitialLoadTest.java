package uk.sectorgraph.importer.companies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import picocli.CommandLine;
import uk.sectorgraph.importer.GraphFixtures;
import uk.sectorgraph.importer.batch.ImportRefusedException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.bench.SyntheticCommand;
import uk.sectorgraph.importer.postcodes.PostcodesImport;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/**
 * The bulk path must give exactly the graph the ordinary imports give: same files into two stores, one
 * through {@code postcodes} + {@code companies}, one through {@code initial-load}, then every company,
 * relationship, postcode and aggregate compared.
 */
class InitialLoadTest {

  static final LocalDate POSTCODES_AS_OF = LocalDate.of(2024, 8, 1);

  @TempDir
  static Path shared;
  static List<Path> companyFiles;
  static Path postcodes;
  static List<String> ordinaryGraph;
  static ImportSummary ordinarySummary;

  @TempDir
  Path dir;

  @BeforeAll
  static void inputsAndTheOrdinaryImport() throws IOException {
    Path in = shared.resolve("in");
    int exit = new CommandLine(new SyntheticCommand()).execute("--companies", "3000", "--part-size", "1500",
        "--out", in.toString());
    assertThat(exit).isZero();
    postcodes = in.resolve("NSPL-SYNTHETIC.csv");
    try (Stream<Path> files = Files.list(in)) {
      companyFiles = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("BasicCompanyData")).sorted().toList());
    }
    companyFiles.add(laterSnapshot(in, companyFiles.getFirst()));

    try (GraphStore store = GraphStore.open(settings(shared.resolve("ordinary")))) {
      ReferenceData.loadIfNeeded(store);
      new PostcodesImport(store.driver(), null, new PostcodesImport.Options(shared.resolve("ordinary"),
          shared.resolve("ordinary-rejects"), 1000, POSTCODES_AS_OF)).run(List.of(postcodes));
      ordinarySummary = new CompaniesImport(store.driver(), null, new CompaniesImport.Options(shared.resolve("ordinary"),
          shared.resolve("ordinary-rejects"), 1000, null, false)).run(companyFiles);
      AreaSectorAggregates.refresh(store);
      ordinaryGraph = graph(store);
      assertThat(staleKeys(store)).isEmpty();
    }
  }

  /**
   * A later snapshot: the five real sample rows (one company twice, a legacy SIC code), a synthetic
   * company again with another status, two new companies the bulk format cannot hold (a name with a
   * line break, a previous name with its list delimiter), and a row with a bad date.
   */
  static Path laterSnapshot(Path in, Path firstPart) throws IOException {
    List<String> synthetic = Files.readAllLines(firstPart, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(GraphFixtures.resource("basic_company_data_sample.csv").lines().toList());
    lines.add(synthetic.get(1).replace("\"Active\"", "\"Liquidation\""));
    lines.add(synthetic.get(2).replaceFirst("^\"[^\"]*\",\"[^\"]*\"", "\"TWO LINE\nNAME (SYNTHETIC)\",\"ZZ000001\""));
    lines.add(withField(synthetic.getFirst(), synthetic.get(3), " PreviousName_1.CompanyName", "OLD\u001FNAME")
        .replaceFirst("^(\"[^\"]*\"),\"[^\"]*\"", "$1,\"ZZ000002\""));
    lines.add(synthetic.get(4).replaceAll("\"\\d\\d/\\d\\d/\\d{4}\"", "\"31/02/2020\""));
    Path file = in.resolve("BasicCompanyData-2025-06-01-later.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** The CSV line with one field (named as in the header line) set to a value. */
  static String withField(String header, String line, String column, String value) throws IOException {
    List<String> names = org.apache.commons.csv.CSVParser.parse(header, uk.sectorgraph.importer.batch.CsvTable.FORMAT)
        .getRecords().getFirst().toList();
    List<String> values = new ArrayList<>(org.apache.commons.csv.CSVParser.parse(line,
        uk.sectorgraph.importer.batch.CsvTable.FORMAT).getRecords().getFirst().toList());
    assertThat(names).contains(column);
    values.set(names.indexOf(column), value);
    return uk.sectorgraph.importer.batch.CsvTable.FORMAT.format(values.toArray());
  }

  static StoreSettings settings(Path data) {
    return new StoreSettings(data, 0, "initial-load-test", null, null, null, "64m");
  }

  InitialLoad initialLoad(Path data) {
    return new InitialLoad(new InitialLoad.Options(settings(data), dir.resolve("rejects"), 1000, null,
        List.of(postcodes), POSTCODES_AS_OF, "256m"));
  }

  /** Every company, its relationships, every postcode and the per-area aggregates, as sorted text. */
  static List<String> graph(GraphStore store) {
    List<String> lines = new ArrayList<>();
    try (Session session = store.session()) {
      session.run("""
          MATCH (o:Organisation {kind: 'COMPANY'})
          RETURN o.id AS key, o {.*, previousNames: coalesce(o.previousNames, [])} AS value,
                 COLLECT { MATCH (o)-[r:OPERATES_IN]->(s) RETURN r {.*, to: s.code} } AS operatesIn,
                 COLLECT { MATCH (o)-[r:LOCATED_IN]->(a) RETURN r {.*, to: a.code} } AS locatedIn
          UNION ALL
          MATCH (p:Postcode) RETURN 'postcode ' + p.code AS key, p {.*} AS value, [] AS operatesIn, [] AS locatedIn
          UNION ALL
          MATCH (a:LocalAuthority)-[r:HAS_FIRMS]->(s:Sector)
          RETURN 'firms ' + a.code + ' ' + s.code AS key, r {.companies, .active} AS value, [] AS operatesIn, [] AS locatedIn
          UNION ALL
          MATCH (s:Sector) WHERE s.companies > 0
          RETURN 'sector ' + s.code AS key, s {.companies} AS value, [] AS operatesIn, [] AS locatedIn
          UNION ALL
          MATCH (n:Sector|LocalAuthority|Lep|Industry)
          RETURN 'reference ' + labels(n)[0] + ' ' + n.code AS key, n {.name} AS value, [] AS operatesIn, [] AS locatedIn
          """).forEachRemaining(r -> lines.add(r.get("key").asString() + " " + sorted(r.get("value").asObject())
          + " " + sorted(r.get("operatesIn").asObject()) + " " + sorted(r.get("locatedIn").asObject())));
    }
    lines.sort(null);
    return lines;
  }

  static List<String> staleKeys(GraphStore store) {
    try (Session session = store.session()) {
      return DistrictSectorKeys.stale(session, null);
    }
  }

  /** Maps with sorted keys and lists of maps in a fixed order, so that equal graphs print equally. */
  static Object sorted(Object value) {
    return switch (value) {
      case java.util.Map<?, ?> map -> {
        java.util.TreeMap<String, Object> tree = new java.util.TreeMap<>();
        map.forEach((k, v) -> tree.put(String.valueOf(k), sorted(v)));
        yield tree;
      }
      case List<?> list -> list.stream().map(InitialLoadTest::sorted).map(String::valueOf).sorted().toList();
      default -> value;
    };
  }

  @Test
  void givesExactlyTheGraphOfTheOrdinaryImports() {
    Path data = dir.resolve("bulk");
    List<InitialLoadState> states = new ArrayList<>();
    ImportSummary summary = initialLoad(data).afterPhase(states::add).run(companyFiles);

    // staged: 3,000 synthetic and 4 real companies; applied by the ordinary import: the real company's
    // second row, the synthetic company's later row and the two rows the bulk format cannot hold
    assertThat(states.getFirst().staged().companies()).isEqualTo(3004);
    assertThat(states.getFirst().staged().deferredCompanies()).isEqualTo(4);
    assertThat(summary.read()).isEqualTo(ordinarySummary.read());
    assertThat(summary.rejected()).isEqualTo(ordinarySummary.rejected()).isEqualTo(1);
    assertThat(summary.created()).isEqualTo(ordinarySummary.created());
    assertThat(Files.exists(data.resolve(InitialLoad.NAME))).as("staging removed").isFalse();
    try (GraphStore store = GraphStore.open(settings(data))) {
      List<String> bulk = graph(store);
      assertThat(bulk).hasSizeGreaterThan(3000);
      assertThat(bulk).containsExactlyElementsOf(ordinaryGraph);
      try (Session session = store.session()) {
        // the indexes the API relies on were built by the migrations after the bulk import
        assertThat(session.run("CALL db.index.fulltext.queryNodes('organisation_names', 'SYNTHETIC') YIELD node "
            + "RETURN count(node) AS n").single().get("n").asLong()).isGreaterThan(0);
        // the district-sector keys were staged for the bulk importer: the same keys (compared above) and indexed
        long keyed = session.run("MATCH (o:Organisation) WHERE o.districtSectors IS NOT NULL RETURN count(o) AS n")
            .single().get("n").asLong();
        assertThat(keyed).isGreaterThan(1000);
        assertThat(session.run("MATCH (o:Organisation) WHERE o.districtSectors IS NOT NULL WITH o LIMIT 1 "
            + "CALL db.index.fulltext.queryNodes('organisation_district_sectors', '\"' + o.districtSectors[0] + '\"') "
            + "YIELD node WHERE node = o RETURN count(node) AS n").single().get("n").asLong()).isEqualTo(1);
      }
      assertThat(staleKeys(store)).isEmpty();
    }
  }

  @Test
  void aKillAfterTheDatabaseWasReplacedResumesToTheSameGraph() {
    Path data = dir.resolve("resumed");
    InitialLoad first = initialLoad(data);
    first.afterPhase(state -> {
      if (state.phase() == InitialLoadState.Phase.IMPORTED) {
        throw new IllegalStateException("simulated kill");
      }
    });
    assertThatThrownBy(() -> first.run(companyFiles)).hasMessageContaining("simulated kill");
    assertThat(Files.exists(data.resolve(InitialLoad.NAME).resolve("state.properties"))).isTrue();

    ImportSummary resumed = initialLoad(data).run(companyFiles);

    assertThat(resumed.created()).isEqualTo(ordinarySummary.created());
    try (GraphStore store = GraphStore.open(settings(data))) {
      assertThat(graph(store)).containsExactlyElementsOf(ordinaryGraph);
    }
  }

  @Test
  void refusesAStoreHoldingMoreThanReferenceAndSampleDataAndLeavesItAlone() {
    Path data = dir.resolve("curated");
    try (GraphStore store = GraphStore.open(settings(data)); Session session = store.session()) {
      session.run("CREATE (:Partnership {id: 'p-1', name: 'Curated'})").consume();
    }

    assertThatThrownBy(() -> initialLoad(data).run(companyFiles))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("1 Partnership").hasMessageContaining("backup-curated");

    try (GraphStore store = GraphStore.open(settings(data)); Session session = store.session()) {
      assertThat(session.run("MATCH (p:Partnership {id: 'p-1'}) RETURN count(p) AS n").single().get("n").asLong()).isEqualTo(1);
    }
  }
}
