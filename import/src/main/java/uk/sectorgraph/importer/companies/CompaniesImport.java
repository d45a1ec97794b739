package uk.sectorgraph.importer.companies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.Checkpoint;
import uk.sectorgraph.importer.batch.CsvInput;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.Progress;
import uk.sectorgraph.importer.batch.ReadAhead;
import uk.sectorgraph.importer.batch.RejectsFile;

/**
 * Imports Companies House BasicCompanyData files (CSV, or zips of CSV parts) into Organisation nodes,
 * streaming and in batches; resumable per file through {@link Checkpoint}.
 */
public final class CompaniesImport {

  public static final String NAME = "companies";
  private static final Logger log = LoggerFactory.getLogger(CompaniesImport.class);
  private static final Pattern DATE_IN_NAME = Pattern.compile("BasicCompanyData.*?(\\d{4}-\\d{2}-\\d{2})");

  /**
   * @param asOf         snapshot date; null means the date in the file name, else today
   * @param fullSnapshot the files are a complete register: mark companies they lack as missingFromSnapshot
   */
  public record Options(Path dataDirectory, Path rejectsDirectory, int batchSize, LocalDate asOf, boolean fullSnapshot) {}

  private final Driver driver;
  private final String database;
  private final Options options;
  private final List<BatchWriter.Listener> extraListeners = new ArrayList<>();
  private boolean skipKnownRows = true;

  // Where the reader is; when a batch commits, its last row is the one read last.
  private String currentPart = "";
  private long currentLine;

  public CompaniesImport(Driver driver, String database, Options options) {
    this.driver = driver;
    this.database = database;
    this.options = options;
  }

  /** Runs after each committed batch, before the checkpoint is written (tests use it to simulate a crash). */
  public CompaniesImport onBatchCommitted(BatchWriter.Listener listener) {
    extraListeners.add(listener);
    return this;
  }

  /**
   * Whether to read what the graph holds for every company first ({@link KnownCompanies}) and skip the
   * rows it already holds. On by default; off where a few rows go into a large graph, as initial-load's
   * deferred rows do, and the one scan would cost more than the lookups it saves.
   */
  public CompaniesImport skipKnownRows(boolean skip) {
    this.skipKnownRows = skip;
    return this;
  }

  public ImportSummary run(List<Path> files) {
    long started = System.nanoTime();
    files.forEach(CompaniesImport::checkHeader); // every file is checked before anything is written
    Set<String> sectorCodes = sectorCodes();
    KnownCompanies known = knownCompanies();
    long totalBytes = files.stream().mapToLong(f -> new CsvInput(f).size()).sum();
    long read = 0;
    long bytesBefore = 0;
    BatchCounts counts = BatchCounts.ZERO;
    LocalDate runAsOf = null;
    try (RejectsFile rejects = RejectsFile.in(options.rejectsDirectory(), NAME);
         Progress progress = Progress.start(NAME, totalBytes)) {
      for (Path file : files) {
        LocalDate asOf = asOf(file);
        runAsOf = runAsOf == null || asOf.isAfter(runAsOf) ? asOf : runAsOf;
        FileResult result = importFile(file, asOf, sectorCodes, known, rejects, progress, read, bytesBefore);
        read += result.read();
        counts = counts.plus(result.counts());
        bytesBefore += new CsvInput(file).size();
      }
      if (options.fullSnapshot()) {
        markMissing(runAsOf);
      }
      rejects.path().ifPresent(p -> log.warn("{} row(s) rejected, {} problem(s) reported: see {}",
          rejects.rejected(), rejects.reported(), p));
      return ImportSummary.of(NAME, files.size(), read, counts, rejects.rejected(),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private record FileResult(long read, BatchCounts counts) {}

  private FileResult importFile(Path file, LocalDate asOf, Set<String> sectorCodes, KnownCompanies known, RejectsFile rejects,
      Progress progress, long readBefore, long bytesBefore) {
    Checkpoint checkpoint = Checkpoint.of(options.dataDirectory(), NAME, file);
    if (checkpoint.committedPosition() > 0) {
      log.info("Resuming {} after data row {} (checkpoint {})", file, checkpoint.committedPosition(), checkpoint.file());
    }
    String source = source(asOf);
    CsvInput input = new CsvInput(file);
    BatchWriter.Builder<CompanyRow> builder = BatchWriter.<CompanyRow>builder(driver, database, new CompanyBatch(),
            CompanyRow::toParameters)
        .batchSize(options.batchSize())
        .dedupeBy(CompanyRow::id);
    extraListeners.forEach(builder::onCommitted);
    builder.onCommitted((position, rows, c) -> checkpoint.committed(position, currentPart, currentLine));
    BatchWriter<CompanyRow> writer = builder.build();
    long[] position = {0};
    long[] read = {0};
    long[] skipped = {0};
    try {
      input.forEachPart((part, reader) -> {
        CsvTable table = CsvTable.open(part, reader);
        CompanyRowParser parser = new CompanyRowParser(BasicCompanyDataColumns.of(table), sectorCodes, source, asOf);
        try (ReadAhead<CsvTable.Row> rows = table.readAhead()) {
          for (CsvTable.Row row : rows) {
            position[0]++;
            if (checkpoint.isCommitted(position[0])) {
              continue;
            }
            read[0]++;
            currentPart = part;
            currentLine = row.line();
            switch (parser.parse(row)) {
              case CompanyRowParser.Rejected rejected -> rejects.reject(part, row.line(), rejected.reason(), row.raw());
              case CompanyRowParser.Accepted accepted -> {
                for (String problem : accepted.problems()) {
                  rejects.report(part, row.line(), problem, row.raw());
                }
                if (known.holds(accepted.row())) {
                  skipped[0]++;
                } else {
                  known.forget(accepted.row());
                  writer.add(accepted.row(), position[0]);
                }
              }
            }
            if (read[0] % 1000 == 0) {
              progress.update(readBefore + read[0], bytesBefore + input.bytesRead());
            }
          }
        }
      });
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    progress.update(readBefore + read[0], bytesBefore + input.bytesRead());
    checkpoint.completed();
    return new FileResult(read[0], writer.totals().plus(new BatchCounts(0, 0, skipped[0])));
  }

  /** Reads only the header (of the first part of a zip) and fails if it is not BasicCompanyData. */
  public static void checkHeader(Path file) {
    CsvInput.checkFirstHeader(file, BasicCompanyDataColumns::of);
  }

  LocalDate asOf(Path file) {
    return asOf(file, options.asOf());
  }

  /** The snapshot date of a file: the one given, else the date in its name, else today. */
  static LocalDate asOf(Path file, LocalDate given) {
    if (given != null) {
      return given;
    }
    Matcher m = DATE_IN_NAME.matcher(file.getFileName().toString());
    return m.find() ? LocalDate.parse(m.group(1)) : LocalDate.now();
  }

  /** What the graph records as the source of a snapshot of this date. */
  static String source(LocalDate asOf) {
    return "companies-house-basic-" + asOf.toString().substring(0, 7);
  }

  private Set<String> sectorCodes() {
    Set<String> codes = new HashSet<>();
    try (Session session = driver.session(sessionConfig())) {
      session.run(CompanyCypher.SECTOR_CODES).forEachRemaining(r -> codes.add(r.get("code").asString()));
    }
    if (codes.isEmpty()) {
      log.warn("No Sector nodes in the graph: companies will get no OPERATES_IN (load the SIC reference data first)");
    }
    return codes;
  }

  private KnownCompanies knownCompanies() {
    if (!skipKnownRows) {
      return KnownCompanies.NONE;
    }
    long started = System.nanoTime();
    KnownCompanies known = KnownCompanies.read(driver, database);
    log.info("Read what the graph holds for {} companies in {} ms: rows it already holds are skipped", known.size(),
        (System.nanoTime() - started) / 1_000_000);
    return known;
  }

  private void markMissing(LocalDate asOf) {
    try (Session session = driver.session(sessionConfig())) {
      long marked = session.run(CompanyCypher.MARK_MISSING, Map.of("asOf", asOf)).single().get("marked").asLong();
      log.info("Full snapshot {}: {} companies not in it marked missingFromSnapshot", asOf, marked);
    }
  }

  private SessionConfig sessionConfig() {
    return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
  }
}
