package uk.sectorgraph.importer.grants;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.psc.CompanyNumbers;
import uk.sectorgraph.store.GraphStore;

/**
 * 360Giving grants (JSON or the spreadsheet CSV) → {@code (recipient)-[:RECEIVED]->(FundingStream)<-[:FUNDS]-(funder)}.
 * A FundingStream is one funder's programme; its total and open/close dates are recomputed from all
 * its RECEIVED relationships after each import, so re-importing or adding files keeps them right.
 */
public final class GrantsImport {

  public static final String SOURCE = "grants";

  public enum Format { JSON, CSV }

  public record Options(String source, LocalDate asOf, int batchSize) {}

  static final String CYPHER = """
      UNWIND $rows AS row
      MERGE (funder:Organisation {id: row.funderId})
        ON CREATE SET funder.kind = row.funderKind, funder.source = row.source, funder.asOf = row.asOf
      SET funder.name = coalesce(funder.name, row.funderName)
      MERGE (f:FundingStream {id: row.streamId})
        ON CREATE SET f.source = row.source, f.asOf = row.asOf
      SET f.funder = row.funderName, f.funderId = row.funderId, f.programme = row.programme
      MERGE (funder)-[fu:FUNDS]->(f)
        ON CREATE SET fu.source = row.source, fu.asOf = row.asOf
      MERGE (o:Organisation {id: row.recipientId})
        ON CREATE SET o.kind = row.recipientKind, o.companyNumber = row.companyNumber,
                      o.source = row.source, o.asOf = row.asOf
      SET o.name = coalesce(o.name, row.recipientName)
      MERGE (o)-[r:RECEIVED {id: row.grantId}]->(f)
      WITH r, row, r.source IS NULL AS isNew, properties(r) AS before
      SET r += row.rel
      WITH isNew, before = properties(r) AS same
      RETURN count(CASE WHEN isNew THEN 1 END) AS created,
             count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
             count(CASE WHEN NOT isNew AND same THEN 1 END) AS unchanged
      """;

  /** A funding stream's total and dates follow from its awards; the ESIF importer recomputes them the same way. */
  public static final String RECOMPUTE_STREAMS = """
      UNWIND $ids AS id
      MATCH (f:FundingStream {id: id})
      OPTIONAL MATCH ()-[r:RECEIVED]->(f)
      WITH f, sum(r.amountGbp) AS total, min(r.awardedOn) AS opens, max(r.awardedOn) AS closes
      SET f.amountGbp = total, f.opensOn = opens, f.closesOn = closes
      """;

  private final GraphStore store;

  public GrantsImport(GraphStore store) {
    this.store = store;
  }

  /** Files ending .json are 360Giving JSON, anything else the CSV layout. */
  public ImportSummary run(List<Path> files, Options options, RejectsFile rejects) {
    Run run = new Run(options, rejects);
    for (Path file : files) {
      Format format = file.getFileName().toString().toLowerCase().endsWith(".json") ? Format.JSON : Format.CSV;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        run.read(in, file.toString(), format);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run.finish(files.size());
  }

  /** For uploads through the API. */
  public ImportSummary run(InputStream in, String name, Format format, Options options, RejectsFile rejects) {
    Run run = new Run(options, rejects);
    run.read(in, name, format);
    return run.finish(1);
  }

  private final class Run implements GrantSink {
    private final Options options;
    private final RejectsFile rejects;
    private final GrantValidator validator = new GrantValidator();
    private final BatchWriter<Grant> writer;
    private final Set<String> streams = new LinkedHashSet<>();
    private final long started = System.nanoTime();
    private final long rejectedBefore;
    private String file;
    private long read;

    Run(Options options, RejectsFile rejects) {
      this.options = options;
      this.rejects = rejects;
      this.rejectedBefore = rejects.rejected();
      this.writer = BatchWriter.<Grant>builder(store.driver(), store.database(), CYPHER, this::parameters)
          .batchSize(options.batchSize()).dedupeBy(Grant::id).build();
    }

    void read(InputStream in, String name, Format format) {
      file = name;
      if (format == Format.JSON) {
        new GrantJsonReader().read(in, name, this);
      } else {
        new GrantCsvReader().read(new InputStreamReader(in, StandardCharsets.UTF_8), name, this);
      }
    }

    @Override
    public void accept(RawGrant raw) {
      read++;
      switch (validator.validate(raw)) {
        case GrantValidator.Valid(Grant g) -> {
          if (!OrganisationKinds.registered(g.recipientId())) {
            rejects.report(file, g.line(), "recipient " + g.recipientId()
                + " has no registered identifier; imported as an Organisation of kind CHARITY", null);
          }
          streams.add(streamId(g));
          writer.add(g, g.line());
        }
        case GrantValidator.Invalid(String reason) -> rejects.reject(file, raw.line(), reason, raw.raw());
      }
    }

    @Override
    public void reject(long line, String reason, String raw) {
      read++;
      rejects.reject(file, line, reason, raw);
    }

    ImportSummary finish(int files) {
      writer.close();
      try (Session session = store.session()) {
        session.executeWrite(tx -> tx.run(RECOMPUTE_STREAMS, Map.of("ids", List.copyOf(streams))).consume());
      }
      return ImportSummary.of(SOURCE, files, read, writer.totals(), rejects.rejected() - rejectedBefore,
          Duration.ofNanos(System.nanoTime() - started));
    }

    private Map<String, Object> parameters(Grant g) {
      Map<String, Object> row = new HashMap<>();
      row.put("funderId", g.funderId());
      row.put("funderName", g.funderName());
      row.put("funderKind", OrganisationKinds.of(g.funderId()));
      row.put("streamId", streamId(g));
      row.put("programme", g.programmeTitle() != null ? g.programmeTitle() : g.programmeCode());
      row.put("recipientId", g.recipientId());
      row.put("recipientName", g.recipientName());
      row.put("recipientKind", OrganisationKinds.of(g.recipientId()));
      row.put("companyNumber", g.recipientId().startsWith("GB-COH-")
          ? CompanyNumbers.normalise(g.recipientId().substring(7)) : null);
      row.put("grantId", g.id());
      row.put("source", options.source());
      row.put("asOf", options.asOf());
      Map<String, Object> rel = new HashMap<>();
      rel.put("amountGbp", g.amountGbp().doubleValue());
      rel.put("awardedOn", g.awardedOn());
      rel.put("title", g.title());
      rel.put("source", options.source());
      rel.put("asOf", options.asOf());
      row.put("rel", rel);
      return row;
    }
  }

  /** {@code <funder org id>/<programme code, or slug of its title, or 'general'>}. */
  static String streamId(Grant g) {
    String programme = g.programmeCode() != null && !g.programmeCode().isBlank() ? g.programmeCode().strip()
        : g.programmeTitle() != null ? GrantValidator.slug(g.programmeTitle()) : "general";
    return g.funderId() + "/" + programme;
  }
}
