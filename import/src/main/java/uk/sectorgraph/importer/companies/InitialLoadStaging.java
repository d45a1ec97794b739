package uk.sectorgraph.importer.companies;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import uk.sectorgraph.importer.batch.CsvInput;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.batch.Progress;
import uk.sectorgraph.importer.batch.ReadAhead;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.bulk.AdminImportCsv;
import uk.sectorgraph.importer.bulk.KeyIndex;
import uk.sectorgraph.importer.bulk.KeySet;
import uk.sectorgraph.importer.postcodes.PostcodeRow;
import uk.sectorgraph.importer.postcodes.PostcodeRowParser;
import uk.sectorgraph.model.geography.DistrictSectorKeys;

/**
 * Turns the input files into the node and relationship files of Neo4j's bulk importer, with exactly the
 * values the {@code companies} and {@code postcodes} imports would write (same parsers, same rejects).
 *
 * <p>The bulk importer cannot update: it needs each node once. So only the first row of each company
 * (and postcode) is staged; a later row of the same company, and a row the one-line format cannot hold
 * (a line break in a value), is copied verbatim to a "deferred" file in the input's own format, which
 * the ordinary import applies afterwards, in input order, with its usual rules (a later snapshot wins).
 * In a real register these are a handful of rows.
 */
final class InitialLoadStaging {

  /** Rows read, records staged, rows deferred to the ordinary import, rows rejected. */
  record Counts(long read, long companies, long operatesIn, long locatedIn, long postcodes,
      long deferredCompanies, long deferredPostcodes, long rejected) {}

  /** The postcodes the graph already holds (before the initial load replaces it). */
  interface StoredPostcodes {
    void forEach(Consumer<PostcodeRow> row);
  }

  static final String SECTORS = "sectors.csv";
  static final String LOCAL_AUTHORITIES = "local-authorities.csv";
  static final String POSTCODES = "postcodes.csv";
  static final String COMPANIES = "companies.csv";
  static final String OPERATES_IN = "operates-in.csv";
  static final String LOCATED_IN = "located-in.csv";

  static List<String> nodeFiles() {
    return List.of(SECTORS, LOCAL_AUTHORITIES, POSTCODES, COMPANIES);
  }

  static List<String> relationshipFiles() {
    return List.of(OPERATES_IN, LOCATED_IN);
  }

  static Path deferredPostcodes(Path staging, int file) {
    return staging.resolve("deferred-postcodes-" + file + ".csv");
  }

  static Path deferredCompanies(Path staging, int file) {
    return staging.resolve("deferred-companies-" + file + ".csv");
  }

  private final Path staging;
  private final Map<String, List<String>> sectorLineages;
  private final Set<String> localAuthorityCodes;
  private final RejectsFile rejects;
  private final Runnable diskCheck;

  private final KeySet postcodesSeen = new KeySet();
  private final KeyIndex postcodeAuthority = new KeyIndex();
  private final KeySet companiesSeen = new KeySet();
  private long read;
  private long postcodes;
  private long companies;
  private long operatesIn;
  private long locatedIn;
  private long deferredCompanies;
  private long deferredPostcodes;

  /**
   * @param sectorLineages every sector code, with its own code and its ancestors' ({@link DistrictSectorKeys#LINEAGES})
   * @param diskCheck runs every 100,000 rows and may throw to stop before the disk fills
   */
  InitialLoadStaging(Path staging, Map<String, List<String>> sectorLineages, Set<String> localAuthorityCodes,
      RejectsFile rejects, Runnable diskCheck) {
    this.diskCheck = diskCheck;
    this.staging = staging;
    this.sectorLineages = sectorLineages;
    this.localAuthorityCodes = localAuthorityCodes;
    this.rejects = rejects;
  }

  Counts stage(List<Path> postcodeFiles, LocalDate postcodesAsOf, StoredPostcodes stored, List<Path> companyFiles,
      LocalDate asOfOption) throws IOException {
    writeKeys(SECTORS, "code:ID(Sector)", "Sector", sectorLineages.keySet());
    writeKeys(LOCAL_AUTHORITIES, "code:ID(LocalAuthority)", "LocalAuthority", localAuthorityCodes);
    try (AdminImportCsv out = new AdminImportCsv(staging.resolve(POSTCODES),
        "code:ID(Postcode)", ":LABEL", "laCode", "lepCodes:string[]", "source", "asOf:date")) {
      for (int i = 0; i < postcodeFiles.size(); i++) {
        stagePostcodeFile(i, postcodeFiles.get(i), postcodesAsOf, out);
      }
      // Postcodes loaded earlier stay, as the postcodes import never deletes; the files' values win.
      stored.forEach(row -> {
        if (postcodesSeen.add(row.code())) {
          writePostcode(row, out);
        }
      });
    }
    try (AdminImportCsv nodes = new AdminImportCsv(staging.resolve(COMPANIES), "id:ID(Organisation)", ":LABEL",
            "kind", "name", "companyNumber", "status", "category", "incorporatedOn:date", "dissolvedOn:date", "postcode",
            "previousNames:string[]", "previousNamesText", "source", "asOf:date", "rowHash", "statusHistory:string[]",
            DistrictSectorKeys.PROPERTY + ":string[]");
         AdminImportCsv operates = new AdminImportCsv(staging.resolve(OPERATES_IN),
            ":START_ID(Organisation)", ":END_ID(Sector)", ":TYPE", "primary:boolean", "source", "asOf:date");
         AdminImportCsv located = new AdminImportCsv(staging.resolve(LOCATED_IN),
            ":START_ID(Organisation)", ":END_ID(LocalAuthority)", ":TYPE", "source", "asOf:date");
         Progress progress = Progress.start(InitialLoad.NAME, companyFiles.stream().mapToLong(f -> new CsvInput(f).size()).sum())) {
      long bytesBefore = 0;
      for (int i = 0; i < companyFiles.size(); i++) {
        Path file = companyFiles.get(i);
        stageCompanyFile(i, file, CompaniesImport.asOf(file, asOfOption), nodes, operates, located, progress, bytesBefore);
        bytesBefore += new CsvInput(file).size();
      }
    }
    return new Counts(read, companies, operatesIn, locatedIn, postcodes, deferredCompanies, deferredPostcodes,
        rejects.rejected());
  }

  private void writeKeys(String name, String idColumn, String label, Set<String> codes) {
    try (AdminImportCsv out = new AdminImportCsv(staging.resolve(name), idColumn, ":LABEL")) {
      codes.stream().sorted().forEach(code -> out.write(code, label));
    }
  }

  private void stagePostcodeFile(int index, Path file, LocalDate asOf, AdminImportCsv out) throws IOException {
    try (Deferred deferred = new Deferred(deferredPostcodes(staging, index))) {
      new CsvInput(file).forEachPart((part, reader) -> {
        CsvTable table = CsvTable.open(part, reader);
        PostcodeRowParser parser = PostcodeRowParser.of(table, asOf);
        try (ReadAhead<CsvTable.Row> rows = table.readAhead()) {
          for (CsvTable.Row row : rows) {
            switch (parser.parse(row)) {
              case PostcodeRowParser.Rejected rejected -> rejects.reject(part, row.line(), rejected.reason(), row.raw());
              case PostcodeRowParser.Accepted accepted -> {
                PostcodeRow p = accepted.row();
                if (postcodesSeen.add(p.code())) {
                  writePostcode(p, out);
                } else {
                  deferred.write(table, row);
                  deferredPostcodes++;
                }
              }
            }
          }
        }
      });
    }
  }

  private void writePostcode(PostcodeRow p, AdminImportCsv out) {
    out.write(p.code(), "Postcode", p.laCode(), p.lepCodes(), p.source(), p.asOf());
    postcodeAuthority.put(p.code(), p.laCode());
    postcodes++;
  }

  private void stageCompanyFile(int index, Path file, LocalDate asOf, AdminImportCsv nodes, AdminImportCsv operates,
      AdminImportCsv located, Progress progress, long bytesBefore) throws IOException {
    String source = CompaniesImport.source(asOf);
    CsvInput input = new CsvInput(file);
    try (Deferred deferred = new Deferred(deferredCompanies(staging, index))) {
      input.forEachPart((part, reader) -> {
        CsvTable table = CsvTable.open(part, reader);
        CompanyRowParser parser = new CompanyRowParser(BasicCompanyDataColumns.of(table), sectorLineages.keySet(), source, asOf);
        try (ReadAhead<CsvTable.Row> rows = table.readAhead()) {
          for (CsvTable.Row row : rows) {
            read++;
            switch (parser.parse(row)) {
              case CompanyRowParser.Rejected rejected -> rejects.reject(part, row.line(), rejected.reason(), row.raw());
              case CompanyRowParser.Accepted accepted -> {
                for (String problem : accepted.problems()) {
                  rejects.report(part, row.line(), problem, row.raw());
                }
                CompanyRow c = accepted.row();
                // add() first: once a company is deferred, its later rows must follow it.
                if (companiesSeen.add(c.companyNumber()) && representable(c)) {
                  writeCompany(c, nodes, operates, located);
                } else {
                  deferred.write(table, row);
                  deferredCompanies++;
                }
              }
            }
            if (read % 10_000 == 0) {
              progress.update(read, bytesBefore + input.bytesRead());
              if (read % 100_000 == 0) {
                diskCheck.run();
              }
            }
          }
        }
      });
    }
    progress.update(read, bytesBefore + input.size());
  }

  private static boolean representable(CompanyRow c) {
    return AdminImportCsv.representable(c.name()) && AdminImportCsv.representable(c.status())
        && AdminImportCsv.representable(c.category()) && AdminImportCsv.representable(c.previousNames());
  }

  /** The values {@link CompanyCypher#CREATE} writes for a new company, relationships and keys included. */
  private void writeCompany(CompanyRow c, AdminImportCsv nodes, AdminImportCsv operates, AdminImportCsv located) {
    String authority = c.postcode() == null ? null : postcodeAuthority.get(c.postcode());
    boolean isLocated = authority != null && localAuthorityCodes.contains(authority);
    List<String> keys = isLocated
        ? DistrictSectorKeys.keys(List.of(authority), c.sectors().stream().map(CompanyRow.SectorLink::code).toList(),
            sectorLineages)
        : null;
    nodes.write(c.id(), "Organisation", "COMPANY", c.name(), c.companyNumber(), c.status(), c.category(),
        c.incorporatedOn(), c.dissolvedOn(), c.postcode(), c.previousNames(),
        c.previousNames().isEmpty() ? null : String.join(" | ", c.previousNames()), c.source(), c.asOf(), c.hash(),
        c.status() == null ? null : List.of(c.asOf() + ":" + c.status()), keys);
    companies++;
    for (CompanyRow.SectorLink link : c.sectors()) {
      operates.write(c.id(), link.code(), "OPERATES_IN", link.primary(), c.source(), c.asOf());
      operatesIn++;
    }
    if (isLocated) {
      located.write(c.id(), authority, "LOCATED_IN", c.source(), c.asOf());
      locatedIn++;
    }
  }

  /** Rows copied verbatim (re-quoted) under their file's header; the file exists only if a row was. */
  private static final class Deferred implements AutoCloseable {
    private final Path file;
    private BufferedWriter out;

    Deferred(Path file) {
      this.file = file;
    }

    void write(CsvTable table, CsvTable.Row row) {
      try {
        if (out == null) {
          out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          out.write(CsvTable.FORMAT.format(table.header().toArray()));
          out.write("\r\n");
        }
        out.write(row.raw());
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
    }

    @Override
    public void close() throws IOException {
      if (out != null) {
        out.close();
      }
    }
  }
}
