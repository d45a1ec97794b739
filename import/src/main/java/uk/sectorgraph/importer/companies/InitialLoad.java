package uk.sectorgraph.importer.companies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.CsvInput;
import uk.sectorgraph.importer.batch.DiskRoom;
import uk.sectorgraph.importer.batch.ImportRefusedException;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.bulk.Neo4jAdminImport;
import uk.sectorgraph.importer.postcodes.PostcodeRow;
import uk.sectorgraph.importer.postcodes.PostcodesImport;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/**
 * The first load of a whole register into the embedded store, through Neo4j's offline bulk importer
 * instead of transactions. In phases, each resumable after a kill:
 * <ol>
 *   <li><b>check and stage</b>: the store may hold only reference data and the sample region (which are
 *       loaded again afterwards), because the bulk importer replaces the whole database; the inputs are
 *       parsed by the ordinary importers' parsers into the bulk importer's files (see
 *       {@link InitialLoadStaging});</li>
 *   <li><b>replace</b> the database with {@code neo4j-admin database import full} (in this process);</li>
 *   <li><b>finish</b>: open the store (schema migrations build the indexes), load the reference data and
 *       sample onto the imported nodes, apply the deferred rows with the ordinary imports, refresh the
 *       per-area aggregates, and remove the staging directory.</li>
 * </ol>
 * Afterwards the graph is what {@code postcodes} then {@code companies} would have made of the same files.
 */
public final class InitialLoad {

  public static final String NAME = "initial-load";
  private static final Logger log = LoggerFactory.getLogger(InitialLoad.class);

  /** Nodes that reference data and the sample region make again; anything else would be lost. */
  private static final String FOREIGN_NODES = """
      MATCH (n)
      WHERE n.sample IS NULL
        AND NOT (n:Sector OR n:LocalAuthority OR n:Lep OR n:Industry OR n:IoTable OR n:Dataset
                 OR n:__SchemaMigration OR n:Postcode)
      RETURN labels(n)[0] AS label, count(*) AS n ORDER BY n DESC LIMIT 5
      """;

  /** Curated edits hung on sample nodes (the sample's own relationships say source 'sample' or none). */
  private static final String FOREIGN_RELATIONSHIPS = """
      MATCH (n {sample: true})-[r]-()
      WHERE r.source IS NOT NULL AND r.source <> 'sample'
      RETURN type(r) AS label, count(DISTINCT r) AS n ORDER BY n DESC LIMIT 5
      """;

  public record Options(StoreSettings store, Path rejectsDirectory, int batchSize, LocalDate asOf,
      List<Path> postcodeFiles, LocalDate postcodesAsOf, String importMemory) {}

  private final Options options;
  private java.util.function.Consumer<InitialLoadState> afterPhase = state -> {};

  public InitialLoad(Options options) {
    this.options = options;
  }

  /** Runs after each phase is recorded (tests use it to simulate a kill). */
  InitialLoad afterPhase(java.util.function.Consumer<InitialLoadState> hook) {
    this.afterPhase = hook;
    return this;
  }

  public ImportSummary run(List<Path> companyFiles) {
    long started = System.nanoTime();
    StoreSettings settings = options.store();
    refuseUnlessStoppedEmbedded(settings);
    companyFiles.forEach(CompaniesImport::checkHeader);
    options.postcodeFiles().forEach(PostcodesImport::checkHeader);
    DiskRoom room = DiskRoom.fromEnvironment(settings.dataDirectory(), System.getenv());
    String resume = "Free some space and run the same command again: it resumes from the last finished phase.";
    room.check(resume);
    try (DiskRoom.Guard diskGuard = room.guardEveryBatch(resume)) {
      return run(companyFiles, started, settings, () -> room.check(resume));
    }
  }

  private ImportSummary run(List<Path> companyFiles, long started, StoreSettings settings, Runnable diskCheck) {
    Path staging = settings.dataDirectory().resolve(NAME);
    String inputs = inputs(companyFiles);
    InitialLoadState state = InitialLoadState.read(staging).filter(s -> s.inputs().equals(inputs)).orElse(null);
    if (state == null) {
      InitialLoadState.read(staging).filter(s -> s.phase() == InitialLoadState.Phase.IMPORTED).ifPresent(other -> {
        throw new ImportRefusedException("an initial load of other files replaced the database in "
            + settings.dataDirectory() + " and was interrupted before it finished; run it again with the same files"
            + " (see " + staging.resolve("state.properties") + ")");
      });
      state = stage(staging, companyFiles, inputs, diskCheck);
      state.write(staging);
      afterPhase.accept(state);
    } else {
      log.info("Resuming the initial load after phase {} ({})", state.phase(), staging);
    }
    if (state.phase() == InitialLoadState.Phase.STAGED) {
      diskCheck.run();
      replaceDatabase(staging, settings);
      state = state.imported();
      state.write(staging);
      afterPhase.accept(state);
    }
    BatchCounts deferred = finish(staging, state, companyFiles);
    InitialLoadStaging.Counts c = state.staged();
    log.info("Initial load: {} companies, {} OPERATES_IN, {} LOCATED_IN and {} postcodes bulk-loaded; "
        + "{} company and {} postcode rows applied by the ordinary import", c.companies(), c.operatesIn(), c.locatedIn(),
        c.postcodes(), c.deferredCompanies(), c.deferredPostcodes());
    deleteRecursively(staging);
    BatchCounts counts = new BatchCounts(c.companies(), 0, 0).plus(deferred);
    return ImportSummary.of(NAME, companyFiles.size(), c.read(), counts, c.rejected(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void refuseUnlessStoppedEmbedded(StoreSettings settings) {
    if (!settings.embedded()) {
      throw new ImportRefusedException(NAME + " writes the embedded store's files, but " + StoreSettings.URI
          + " names an external Neo4j; load that one with 'companies' (or neo4j-admin database import on its server)");
    }
    OptionalInt server = GraphStore.runningServerPort(settings);
    if (server.isPresent()) {
      throw new ImportRefusedException("a Sector Graph server is running on " + settings.dataDirectory().toAbsolutePath()
          + " (Bolt on port " + server.getAsInt() + "); " + NAME + " replaces the database, so stop the server first");
    }
  }

  private String inputs(List<Path> companyFiles) {
    StringBuilder s = new StringBuilder();
    for (Path f : companyFiles) {
      s.append("companies:").append(f.toAbsolutePath()).append(':').append(new CsvInput(f).size()).append(';');
    }
    for (Path f : options.postcodeFiles()) {
      s.append("postcodes:").append(f.toAbsolutePath()).append(':').append(new CsvInput(f).size()).append(';');
    }
    return s.append("asOf:").append(options.asOf()).append(";postcodesAsOf:").append(options.postcodesAsOf()).toString();
  }

  private InitialLoadState stage(Path staging, List<Path> companyFiles, String inputs, Runnable diskCheck) {
    deleteRecursively(staging);
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + staging, e);
    }
    LocalDate postcodesAsOf = options.postcodesAsOf() != null ? options.postcodesAsOf() : LocalDate.now();
    try (GraphStore store = GraphStore.open(options.store())) {
      ReferenceData.loadIfNeeded(store);
      refuseUnlessReplaceable(store);
      boolean hadSample = count(store, "MATCH (d:Dataset {sample: true}) RETURN count(d) AS n") > 0;
      Map<String, List<String>> sectors = lineages(store);
      Set<String> authorities = codes(store, "MATCH (a:LocalAuthority) RETURN a.code AS code");
      long started = System.nanoTime();
      try (RejectsFile rejects = RejectsFile.in(options.rejectsDirectory(), NAME)) {
        InitialLoadStaging.Counts counts = new InitialLoadStaging(staging, sectors, authorities, rejects, diskCheck)
            .stage(options.postcodeFiles(), postcodesAsOf, sink -> storedPostcodes(store, sink), companyFiles, options.asOf());
        rejects.path().ifPresent(p -> log.warn("{} row(s) rejected, {} problem(s) reported: see {}",
            rejects.rejected(), rejects.reported(), p));
        log.info("Staged {} companies and {} postcodes for the bulk importer in {} s", counts.companies(),
            counts.postcodes(), (System.nanoTime() - started) / 1_000_000_000);
        return new InitialLoadState(InitialLoadState.Phase.STAGED, inputs, counts, hadSample);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void refuseUnlessReplaceable(GraphStore store) {
    List<String> found = new ArrayList<>();
    try (Session session = store.session()) {
      for (String query : List.of(FOREIGN_NODES, FOREIGN_RELATIONSHIPS)) {
        session.run(query).forEachRemaining(r -> found.add(r.get("n").asLong() + " " + r.get("label").asString()));
      }
    }
    if (!found.isEmpty()) {
      throw new ImportRefusedException(NAME + " replaces the whole database, and this one holds more than reference"
          + " data and the sample region (" + String.join(", ", found) + "). Load into it with 'companies', or save"
          + " curated data with 'backup-curated', move the data directory away, run " + NAME + " and 'restore-curated'");
    }
  }

  private static void storedPostcodes(GraphStore store, java.util.function.Consumer<PostcodeRow> sink) {
    try (Session session = store.session()) {
      session.run("MATCH (p:Postcode) RETURN p.code AS code, p.laCode AS la, p.lepCodes AS leps, p.source AS source,"
          + " p.asOf AS asOf").forEachRemaining((Record r) -> sink.accept(new PostcodeRow(r.get("code").asString(),
          r.get("la").isNull() ? null : r.get("la").asString(),
          r.get("leps").isNull() ? List.of() : r.get("leps").asList(v -> v.asString()),
          r.get("source").isNull() ? null : r.get("source").asString(),
          r.get("asOf").isNull() ? null : r.get("asOf").asLocalDate())));
    }
  }

  private void replaceDatabase(Path staging, StoreSettings settings) {
    long started = System.nanoTime();
    log.info("Replacing the database with Neo4j's bulk importer (neo4j-admin database import full)");
    Neo4jAdminImport.run(new Neo4jAdminImport.Request(settings.dataDirectory().resolve("neo4j"), "neo4j",
        InitialLoadStaging.nodeFiles().stream().map(staging::resolve).toList(),
        InitialLoadStaging.relationshipFiles().stream().map(staging::resolve).toList(),
        staging.resolve("import.report"), options.importMemory()), System.out, System.err);
    log.info("Bulk import done in {} s", (System.nanoTime() - started) / 1_000_000_000);
  }

  private BatchCounts finish(Path staging, InitialLoadState state, List<Path> companyFiles) {
    try (GraphStore store = GraphStore.open(options.store())) {
      ReferenceData.loadIfNeeded(store);
      if (state.hadSample()) {
        SampleDataLoader.loadIfNeeded(store);
      }
      Path scratch = staging.resolve("deferred-rejects"); // their rows were checked (and reported) when staged
      List<Path> postcodes = new ArrayList<>();
      for (int i = 0; i < options.postcodeFiles().size(); i++) {
        Path deferred = InitialLoadStaging.deferredPostcodes(staging, i);
        if (Files.exists(deferred)) {
          postcodes.add(deferred);
        }
      }
      if (!postcodes.isEmpty()) {
        new PostcodesImport(store.driver(), store.database(), new PostcodesImport.Options(staging, scratch,
            options.batchSize(), options.postcodesAsOf())).run(postcodes);
      }
      BatchCounts counts = BatchCounts.ZERO;
      for (int i = 0; i < companyFiles.size(); i++) {
        Path deferred = InitialLoadStaging.deferredCompanies(staging, i);
        if (Files.exists(deferred)) {
          ImportSummary s = new CompaniesImport(store.driver(), store.database(), new CompaniesImport.Options(staging,
              scratch, options.batchSize(), CompaniesImport.asOf(companyFiles.get(i), options.asOf()), false))
              .skipKnownRows(false)
              .run(List.of(deferred));
          counts = counts.plus(new BatchCounts(s.created(), s.updated(), s.unchanged()));
        }
      }
      AreaSectorAggregates.refresh(store);
      return counts;
    }
  }

  private static long count(GraphStore store, String query) {
    try (Session session = store.session()) {
      return session.run(query).single().get("n").asLong();
    }
  }

  private static Map<String, List<String>> lineages(GraphStore store) {
    Map<String, List<String>> lineages = new HashMap<>();
    try (Session session = store.session()) {
      session.run(DistrictSectorKeys.LINEAGES).forEachRemaining(r ->
          lineages.put(r.get("code").asString(), r.get("lineage").asList(v -> v.asString())));
    }
    return lineages;
  }

  private static Set<String> codes(GraphStore store, String query) {
    Set<String> codes = new HashSet<>();
    try (Session session = store.session()) {
      session.run(query).forEachRemaining(r -> codes.add(r.get("code").asString()));
    }
    return codes;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + dir, e);
    }
  }
}
