package uk.sectorgraph.importer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neo4j.driver.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.companies.CompaniesImport;
import uk.sectorgraph.importer.companies.InitialLoad;
import uk.sectorgraph.importer.postcodes.PostcodesImport;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/**
 * Imports N synthetic companies into a fresh embedded store, re-imports them (the unchanged path), loads
 * them with {@code initial-load} into another fresh store, then imports the same file with a plain
 * LOAD CSV ... CALL {} IN TRANSACTIONS into a third and prints the ratios. Peak heap includes the embedded Neo4j, which runs in this JVM.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark the companies import on synthetic data in fresh temporary embedded stores.")
public final class BenchCommand implements Callable<Integer> {

  private static final String PASSWORD = "bench-password-123";
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

  @Option(names = "--rows", defaultValue = "200000", description = "Synthetic companies to import (default ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--work-dir", description = "Where files and stores go (default: a new temp dir)")
  Path workDir;

  // Named in the negative: picocli sets a negatable option to the opposite of its default when its
  // declared name is given, so "--initial-load" declared with default true meant "skip it".
  @Option(names = "--no-initial-load", negatable = true, defaultValue = "true",
      description = "Skip timing initial-load (Neo4j's bulk importer); it is timed by default")
  boolean initialLoad;

  /** Whether this run times initial-load too (after parsing the options). */
  public boolean initialLoad() {
    return initialLoad;
  }

  @Option(names = "--page-cache", defaultValue = "256m", description = "Embedded page cache (default ${DEFAULT-VALUE})")
  String pageCache;

  /** The baseline: what one would write by hand with LOAD CSV, same graph shape. */
  static final String LOAD_CSV = """
      LOAD CSV WITH HEADERS FROM $url AS row
      CALL (row) {
        WITH row, trim(row.` CompanyNumber`) AS number
        MERGE (o:Organisation {id: 'GB-COH-' + number})
        SET o.kind = 'COMPANY', o.companyNumber = number, o.name = row.CompanyName, o.status = row.CompanyStatus,
            o.category = row.CompanyCategory, o.postcode = row.`RegAddress.PostCode`,
            o.incorporatedOn = CASE WHEN row.IncorporationDate <> '' THEN date({year: toInteger(substring(row.IncorporationDate, 6, 4)),
                month: toInteger(substring(row.IncorporationDate, 3, 2)), day: toInteger(substring(row.IncorporationDate, 0, 2))}) END,
            o.previousNames = [n IN [row.` PreviousName_1.CompanyName`] WHERE n <> ''],
            o.source = 'companies-house-basic-loadcsv', o.asOf = $asOf
        WITH o, row
        CALL (o) { MATCH (o)-[old:OPERATES_IN]->() DELETE old }
        CALL (o, row) {
          UNWIND [i IN range(1, 4) WHERE row['SICCode.SicText_' + i] <> '' | [i, left(row['SICCode.SicText_' + i], 5)]] AS sic
          MATCH (s:Sector {code: sic[1]})
          MERGE (o)-[r:OPERATES_IN]->(s) SET r.primary = sic[0] = 1
        }
        CALL (o) {
          MATCH (p:Postcode {code: o.postcode})
          MATCH (la:LocalAuthority {code: p.laCode})
          MERGE (o)-[:LOCATED_IN]->(la)
        }
        %s
      } IN TRANSACTIONS OF 10000 ROWS
      """.formatted(DistrictSectorKeys.refresh("o"));

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("sector-graph-bench-");
    Path companies = dir.resolve("BasicCompanyData-2025-01-01-synthetic.csv");
    Path postcodes = dir.resolve("synthetic-postcodes.csv");
    long t0 = System.nanoTime();
    SyntheticData.writeCompanies(companies, rows, 42);
    SyntheticData.writePostcodes(postcodes);
    out.printf(Locale.ROOT, "machine: %d cpus, max heap %d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    out.printf(Locale.ROOT, "generated %,d rows (%,d MB) in %.1f s: %s%n", rows, Files.size(companies) >> 20,
        (System.nanoTime() - t0) / 1e9, companies);

    double importer;
    double importerCpu;
    try (GraphStore store = fresh(dir.resolve("store-importer"))) {
      reference(store, dir, postcodes);
      ImportSummary first = measure(out, "import (fresh store)", () -> companiesImport(store, dir).run(List.of(companies)));
      importerCpu = lastCpuSeconds;
      measure(out, "re-import (all unchanged)", () -> companiesImport(store, dir).run(List.of(companies)));
      importer = first.elapsed().toNanos() / 1e9;
    }
    double bulk = Double.NaN;
    double bulkCpu = Double.NaN;
    if (initialLoad) {
      Path storeDir = dir.resolve("store-initial-load");
      try (GraphStore store = fresh(storeDir)) {
        reference(store, dir, postcodes);
      }
      ImportSummary loaded = measure(out, "initial-load (fresh store, Neo4j bulk importer; store start, index build and"
          + " aggregate refresh included)", () -> new InitialLoad(new InitialLoad.Options(
              new StoreSettings(storeDir, 0, PASSWORD, null, null, null, pageCache), dir.resolve("rejects"),
              BatchWriter.DEFAULT_BATCH_SIZE, AS_OF, List.of(), AS_OF, "2G")).run(List.of(companies)));
      bulk = loaded.elapsed().toNanos() / 1e9;
      bulkCpu = lastCpuSeconds;
    }
    try (GraphStore store = fresh(dir.resolve("store-loadcsv"))) {
      reference(store, dir, postcodes);
      resetPeaks();
      double load = loadAverage();
      double cpu = cpuSeconds();
      long started = System.nanoTime();
      try (Session session = store.driver().session()) {
        session.run(LOAD_CSV, Map.of("url", companies.toUri().toString(), "asOf", AS_OF)).consume();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      cpu = cpuSeconds() - cpu;
      out.printf(Locale.ROOT, "LOAD CSV IN TRANSACTIONS OF 10000 ROWS: %,d rows in %.1f s = %,.0f rows/s, peak heap %d MB;"
              + " process CPU %.1f s = %,.0f rows per CPU-second; load average %.1f -> %.1f%n",
          rows, seconds, rows / seconds, peakHeapMb(), cpu, rows / cpu, load, loadAverage());
      out.printf(Locale.ROOT, "ratio importer/LOAD CSV rows/s: %.2f (per CPU-second: %.2f)%n", seconds / importer, cpu / importerCpu);
      if (initialLoad) {
        out.printf(Locale.ROOT, "ratio initial-load/LOAD CSV rows/s: %.2f (per CPU-second: %.2f)%n", seconds / bulk, cpu / bulkCpu);
      }
    }
    return 0;
  }

  private static double lastCpuSeconds;

  private interface Run {
    ImportSummary run();
  }

  private static ImportSummary measure(PrintStream out, String label, Run run) {
    resetPeaks();
    double load = loadAverage();
    double cpu = cpuSeconds();
    ImportSummary summary = run.run();
    cpu = cpuSeconds() - cpu;
    lastCpuSeconds = cpu;
    out.printf(Locale.ROOT, "%s: %,d rows in %.1f s = %,.0f rows/s (created %,d, updated %,d, unchanged %,d), peak heap %d MB;"
            + " process CPU %.1f s = %,.0f rows per CPU-second; load average %.1f -> %.1f%n",
        label, summary.read(), summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond(), summary.created(),
        summary.updated(), summary.unchanged(), peakHeapMb(), cpu, summary.read() / cpu, load, loadAverage());
    return summary;
  }

  /**
   * CPU time of this whole process (importer and embedded Neo4j): on a machine shared with other
   * builds, rows per CPU-second says more about the code than rows per wall-clock second.
   */
  static double cpuSeconds() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e9 : Double.NaN;
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private CompaniesImport companiesImport(GraphStore store, Path dir) {
    return new CompaniesImport(store.driver(), store.database(), new CompaniesImport.Options(
        dir.resolve("data"), dir.resolve("rejects"), BatchWriter.DEFAULT_BATCH_SIZE, AS_OF, false));
  }

  private GraphStore fresh(Path storeDir) {
    return GraphStore.open(new StoreSettings(storeDir, 0, PASSWORD, null, null, null, pageCache));
  }

  /** Sectors for the synthetic SIC codes, local authorities, and the postcode file through the importer. */
  private static void reference(GraphStore store, Path dir, Path postcodes) {
    try (Session session = store.driver().session()) {
      session.run("UNWIND $codes AS code MERGE (s:Sector {code: code}) SET s.level = 'SUBCLASS', s.source = 'bench-synthetic', s.asOf = $asOf",
          Map.of("codes", SyntheticData.SIC.stream().map(s -> s.substring(0, 5)).toList(), "asOf", AS_OF)).consume();
      session.run("UNWIND range(0, $n - 1) AS i MERGE (la:LocalAuthority {code: 'E06' + right('000000' + toString(900 + i), 6)})"
          + " SET la.name = 'SYNTHETIC LA ' + i, la.source = 'bench-synthetic', la.asOf = $asOf",
          Map.of("n", SyntheticData.LOCAL_AUTHORITIES, "asOf", AS_OF)).consume();
    }
    new PostcodesImport(store.driver(), store.database(), new PostcodesImport.Options(
        dir.resolve("data"), dir.resolve("rejects"), BatchWriter.DEFAULT_BATCH_SIZE, AS_OF)).run(List.of(postcodes));
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum() >> 20;
  }
}
