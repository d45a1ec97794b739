package uk.sectorgraph.importer.psc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.Checkpoint;
import uk.sectorgraph.importer.batch.CountingInputStream;
import uk.sectorgraph.importer.batch.CsvInput;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.Progress;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.psc.Controller.CompanyController;
import uk.sectorgraph.importer.psc.Controller.PersonController;
import uk.sectorgraph.importer.psc.PscLine.Control;
import uk.sectorgraph.importer.psc.PscLine.Totals;
import uk.sectorgraph.store.GraphStore;

/**
 * Imports a Companies House PSC snapshot: one {@code CONTROLS} relationship per person or company with
 * significant control. Statements and exemptions are counted and reported, not stored (the graph has
 * no place for "nobody controls this company", and inventing one is not this importer's call).
 */
public final class PscImport {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PscImport.class);

  public static final String SOURCE = "psc";

  /**
   * @param source provenance label written as {@code source}; @param asOf the snapshot date
   * @param dataDirectory where checkpoints go, so that a killed import resumes; null for none
   */
  public record Options(String source, LocalDate asOf, int batchSize, Path dataDirectory) {
    public Options(String source, LocalDate asOf) {
      this(source, asOf, BatchWriter.DEFAULT_BATCH_SIZE, null);
    }
  }

  /** Test hook: runs after each checkpoint is written (a test throws from it to simulate a kill). */
  Runnable afterCheckpoint = () -> {};

  /** The summary plus what a PSC snapshot has besides controls. */
  public record Result(ImportSummary summary, long statements, long exemptions, List<Totals> totals, List<String> notes) {}

  // Counts created/updated/unchanged by comparing the relationship's properties before and after SET.
  static final String OUTCOME = """
      WITH r, row, r.source IS NULL AS isNew, properties(r) AS before
      SET r += row.rel
      WITH isNew, before = properties(r) AS same
      RETURN count(CASE WHEN isNew THEN 1 END) AS created,
             count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
             count(CASE WHEN NOT isNew AND same THEN 1 END) AS unchanged
      """;

  private static final String CONTROLLED_COMPANY = """
      UNWIND $rows AS row
      MERGE (c:Organisation {id: row.companyId})
        ON CREATE SET c.companyNumber = row.companyNumber, c.kind = 'COMPANY', c.source = row.source, c.asOf = row.asOf
      """;

  static final String PERSON_CONTROLS = CONTROLLED_COMPANY + """
      MERGE (p:Person {id: row.personId})
      SET p += row.person
      MERGE (p)-[r:CONTROLS]->(c)
      """ + OUTCOME;

  static final String COMPANY_CONTROLS = CONTROLLED_COMPANY + """
      MERGE (o:Organisation {id: row.controllerId})
        ON CREATE SET o.companyNumber = row.controllerNumber, o.kind = 'COMPANY', o.name = row.controllerName,
                      o.source = row.source, o.asOf = row.asOf
      MERGE (o)-[r:CONTROLS]->(c)
      """ + OUTCOME;

  private final GraphStore store;

  public PscImport(GraphStore store) {
    this.store = store;
  }

  /** Snapshot parts (JSON lines), or saved API PSC lists ({@code /company/{n}/persons-with-significant-control}). */
  public Result run(List<Path> files, Options options, RejectsFile rejects) {
    Map<Path, String> apiLists = new HashMap<>();
    for (Path file : files) {
      PscApiList.asSnapshotLines(file).ifPresentOrElse(lines -> apiLists.put(file, lines), () -> checkFormat(file));
    }
    Run run = new Run(options, rejects);
    long totalBytes = 0;
    for (Path file : files) {
      totalBytes += new CsvInput(file).size();
    }
    try (Progress progress = Progress.start(SOURCE, totalBytes)) {
      run.progress = progress;
      for (Path file : files) {
        String name = file.getFileName().toString();
        Checkpoint checkpoint = options.dataDirectory() == null ? null : Checkpoint.of(options.dataDirectory(), SOURCE, file);
        if (checkpoint != null && checkpoint.committedPosition() > 0) {
          log.info("Resuming {} after line {} (checkpoint {})", file, checkpoint.committedPosition(), checkpoint.file());
        }
        try (CountingInputStream in = new CountingInputStream(apiLists.containsKey(file)
            ? new java.io.ByteArrayInputStream(apiLists.get(file).getBytes(StandardCharsets.UTF_8))
            : Files.newInputStream(file))) {
          run.read(in, apiLists.containsKey(file) ? name + " (API list: line N is item N)" : name, checkpoint);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        run.bytesBefore += new CsvInput(file).size();
        if (checkpoint != null) {
          checkpoint.completed();
        }
      }
    }
    return run.finish(files.size());
  }

  /** For uploads: one snapshot part as a stream. */
  public Result run(InputStream in, String name, Options options, RejectsFile rejects) {
    Run run = new Run(options, rejects);
    run.read(new CountingInputStream(in), name, null);
    return run.finish(1);
  }

  /** Fails before anything is written when the first line is not a PSC snapshot record. */
  private static void checkFormat(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      new PscSnapshotReader().read(new BufferedReader(new java.io.StringReader(firstLine(in))),
          file.getFileName().toString(), new PscSnapshotReader.Sink() {
            public void accept(PscLine line) {}

            public void reject(long lineNumber, String reason, String raw) {}
          });
    } catch (PscSnapshotReader.NotAPscSnapshotException e) {
      throw new BadFileException(file.toString(), e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(BufferedReader in) throws IOException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }

  private final class Run implements PscSnapshotReader.Sink {
    private final Options options;
    private final RejectsFile rejects;
    private final BatchWriter<Control> people;
    private final BatchWriter<Control> companies;
    private final long started = System.nanoTime();
    private final List<Totals> totals = new ArrayList<>();
    private String file;
    private Progress progress;
    private CountingInputStream input;
    private Checkpoint checkpoint;
    private long bytesBefore;
    private long linesSinceFlush;
    private long read;
    private long statements;
    private long exemptions;
    private long rejected;

    Run(Options options, RejectsFile rejects) {
      this.options = options;
      this.rejects = rejects;
      this.people = BatchWriter.<Control>builder(store.driver(), store.database(), PERSON_CONTROLS, this::personRow)
          .batchSize(options.batchSize()).dedupeBy(c -> ((PersonController) c.controller()).id()).build();
      this.companies = BatchWriter.<Control>builder(store.driver(), store.database(), COMPANY_CONTROLS, this::companyRow)
          .batchSize(options.batchSize())
          .dedupeBy(c -> ((CompanyController) c.controller()).organisationId() + ">" + c.companyNumber()).build();
    }

    void read(CountingInputStream in, String name, Checkpoint resumeFrom) {
      file = name;
      input = in;
      checkpoint = resumeFrom;
      try {
        new PscSnapshotReader().read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name, this);
      } catch (PscSnapshotReader.NotAPscSnapshotException e) {
        throw new BadFileException(name, e.getMessage());
      }
      flushBoth(Long.MAX_VALUE);
    }

    /**
     * Lines go to two writers (person and company controllers), so a checkpoint is only safe when
     * both have written everything up to the line: flush them together every batch of lines.
     */
    private void afterLine(long lineNumber) {
      if (++linesSinceFlush >= options.batchSize()) {
        flushBoth(lineNumber);
      }
      if (progress != null && read % 1000 == 0) {
        progress.update(read, bytesBefore + input.count());
      }
    }

    private void flushBoth(long lineNumber) {
      people.flush();
      companies.flush();
      linesSinceFlush = 0;
      if (checkpoint != null && lineNumber != Long.MAX_VALUE) {
        checkpoint.committed(lineNumber, file, lineNumber);
        afterCheckpoint.run();
      }
    }

    private boolean alreadyCommitted(long lineNumber) {
      return checkpoint != null && checkpoint.isCommitted(lineNumber);
    }

    @Override
    public void accept(PscLine line) {
      if (alreadyCommitted(line.lineNumber())) {
        return;
      }
      try {
        record(line);
      } finally {
        afterLine(line.lineNumber());
      }
    }

    private void record(PscLine line) {
      if (line instanceof Totals t) {
        totals.add(t); // a summary line, not a record
        return;
      }
      read++;
      switch (line) {
        case Control c when c.controller() instanceof PersonController -> people.add(c, c.lineNumber());
        case Control c -> companies.add(c, c.lineNumber());
        case PscLine.Statement s -> statements++;
        case PscLine.Exemption e -> exemptions++;
        case Totals t -> { }
      }
    }

    @Override
    public void reject(long lineNumber, String reason, String raw) {
      if (alreadyCommitted(lineNumber)) {
        return;
      }
      read++;
      rejected++;
      rejects.reject(file, lineNumber, reason, raw);
      afterLine(lineNumber);
    }

    Result finish(int files) {
      people.close();
      companies.close();
      BatchCounts counts = people.totals().plus(companies.totals());
      List<String> notes = new ArrayList<>();
      long controls = read - statements - exemptions - rejected;
      notes.add(String.format("%d controls, %d statements (counted, not stored), %d exemptions (counted, not stored)",
          controls, statements, exemptions));
      for (Totals t : totals) {
        boolean whole = t.pscCount() == controls + rejected && t.statementsCount() == statements;
        notes.add(String.format("totals line (generated %s): %d PSCs, %d statements, %d exemptions in the whole snapshot; %s",
            t.generatedAt(), t.pscCount(), t.statementsCount(), t.exemptionsCount(),
            whole ? "matches what was read" : "this import read only part of it, so the totals are not compared"));
      }
      ImportSummary summary = ImportSummary.of(SOURCE, files, read, counts, rejected,
          Duration.ofNanos(System.nanoTime() - started));
      return new Result(summary, statements, exemptions, List.copyOf(totals), notes);
    }

    private Map<String, Object> common(Control c) {
      Map<String, Object> row = new HashMap<>();
      row.put("companyId", CompanyNumbers.organisationId(c.companyNumber()));
      row.put("companyNumber", c.companyNumber());
      row.put("source", options.source());
      row.put("asOf", options.asOf());
      Map<String, Object> rel = new HashMap<>();
      rel.put("naturesOfControl", c.naturesOfControl());
      rel.put("sharesMin", c.shares() == null ? null : c.shares().min());
      rel.put("sharesMax", c.shares() == null ? null : c.shares().max());
      rel.put("notifiedOn", c.notifiedOn());
      rel.put("ceasedOn", c.ceasedOn());
      rel.put("source", options.source());
      rel.put("asOf", options.asOf());
      row.put("rel", rel);
      return row;
    }

    private Map<String, Object> personRow(Control c) {
      PersonController p = (PersonController) c.controller();
      Map<String, Object> row = common(c);
      row.put("personId", p.id());
      Map<String, Object> person = new HashMap<>();
      person.put("name", p.name());
      person.put("kind", p.kind());
      person.put("nationality", p.nationality());
      person.put("countryOfResidence", p.countryOfResidence());
      person.put("birthYear", p.birthYear());
      person.put("birthMonth", p.birthMonth());
      person.put("source", options.source());
      person.put("asOf", options.asOf());
      row.put("person", person);
      return row;
    }

    private Map<String, Object> companyRow(Control c) {
      CompanyController o = (CompanyController) c.controller();
      Map<String, Object> row = common(c);
      row.put("controllerId", o.organisationId());
      row.put("controllerNumber", o.companyNumber());
      row.put("controllerName", o.name());
      return row;
    }
  }
}
