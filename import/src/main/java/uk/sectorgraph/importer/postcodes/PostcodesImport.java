package uk.sectorgraph.importer.postcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.neo4j.driver.Driver;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.Checkpoint;
import uk.sectorgraph.importer.batch.CsvInput;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.Progress;
import uk.sectorgraph.importer.batch.ReadAhead;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.model.geography.DistrictSectorKeys;

/**
 * ONS postcode directory rows into {@code (:Postcode {code, laCode, lepCodes})}; companies at a postcode
 * whose local authority changed (or that is new) are re-linked to it. Terminated postcodes are loaded
 * too: companies keep registered offices at them.
 */
public final class PostcodesImport {

  public static final String NAME = "postcodes";

  public record Options(Path dataDirectory, Path rejectsDirectory, int batchSize, LocalDate asOf) {}

  static final String UPSERT = """
      UNWIND $rows AS row
      MERGE (p:Postcode {code: row.code})
      WITH p, row,
        CASE
          WHEN p.source IS NULL THEN 'created'
          WHEN coalesce(p.laCode, '') = coalesce(row.laCode, '') AND coalesce(p.lepCodes, []) = coalesce(row.lepCodes, [])
            THEN 'unchanged'
          ELSE 'updated'
        END AS outcome
      CALL (p, row, outcome) {
        WITH p, row WHERE outcome <> 'unchanged'
        SET p.laCode = row.laCode, p.lepCodes = row.lepCodes, p.source = row.source, p.asOf = row.asOf
        WITH p, row
        OPTIONAL MATCH (la:LocalAuthority {code: row.laCode})
        MATCH (o:Organisation {postcode: p.code})
        WHERE o.kind = 'COMPANY'
        CALL (o, la) {
          MATCH (o)-[old:LOCATED_IN]->(other:LocalAuthority)
          WHERE la IS NULL OR other <> la
          DELETE old
        }
        CALL (o, la, row) {
          WITH o, la, row WHERE la IS NOT NULL
          MERGE (o)-[r:LOCATED_IN]->(la)
          SET r.source = row.source, r.asOf = row.asOf
        }
        %s
      }
      RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created,
             count(CASE outcome WHEN 'updated' THEN 1 END) AS updated,
             count(CASE outcome WHEN 'unchanged' THEN 1 END) AS unchanged
      """.formatted(DistrictSectorKeys.refresh("o"));

  private final Driver driver;
  private final String database;
  private final Options options;
  private String currentPart = "";
  private long currentLine;

  public PostcodesImport(Driver driver, String database, Options options) {
    this.driver = driver;
    this.database = database;
    this.options = options;
  }

  public ImportSummary run(List<Path> files) {
    long started = System.nanoTime();
    for (Path file : files) {
      checkHeader(file);
    }
    LocalDate asOf = options.asOf() != null ? options.asOf() : LocalDate.now();
    long totalBytes = files.stream().mapToLong(f -> new CsvInput(f).size()).sum();
    long[] read = {0};
    long bytesBefore = 0;
    BatchCounts counts = BatchCounts.ZERO;
    try (RejectsFile rejects = RejectsFile.in(options.rejectsDirectory(), NAME);
         Progress progress = Progress.start(NAME, totalBytes)) {
      for (Path file : files) {
        Checkpoint checkpoint = Checkpoint.of(options.dataDirectory(), NAME, file);
        CsvInput input = new CsvInput(file);
        BatchWriter<PostcodeRow> writer = BatchWriter.<PostcodeRow>builder(driver, database, UPSERT, PostcodeRow::toParameters)
            .batchSize(options.batchSize())
            .dedupeBy(PostcodeRow::code)
            .onCommitted((position, rows, c) -> checkpoint.committed(position, currentPart, currentLine))
            .build();
        long[] position = {0};
        long bytes = bytesBefore;
        input.forEachPart((part, reader) -> {
          CsvTable table = CsvTable.open(part, reader);
          PostcodeRowParser parser = PostcodeRowParser.of(table, asOf);
          try (ReadAhead<CsvTable.Row> rows = table.readAhead()) {
            for (CsvTable.Row row : rows) {
              if (checkpoint.isCommitted(++position[0])) {
                continue;
              }
              read[0]++;
              currentPart = part;
              currentLine = row.line();
              switch (parser.parse(row)) {
                case PostcodeRowParser.Rejected rejected -> rejects.reject(part, row.line(), rejected.reason(), row.raw());
                case PostcodeRowParser.Accepted accepted -> writer.add(accepted.row(), position[0]);
              }
              if (read[0] % 1000 == 0) {
                progress.update(read[0], bytes + input.bytesRead());
              }
            }
          }
        });
        writer.flush();
        checkpoint.completed();
        counts = counts.plus(writer.totals());
        bytesBefore += input.size();
      }
      return ImportSummary.of(NAME, files.size(), read[0], counts, rejects.rejected(),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads only the header (of the first part of a zip) and fails if it is not a postcode directory. */
  public static void checkHeader(Path file) {
    CsvInput.checkFirstHeader(file, PostcodeColumns::of);
  }
}
