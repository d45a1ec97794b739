package uk.sectorgraph.importer.esif;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Session;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.importer.grants.GrantsImport;
import uk.sectorgraph.store.GraphStore;

/**
 * England ESIF 2014–2020 beneficiaries: one FundingStream per (fund, LEP area) and one RECEIVED per
 * project row. The file has no company numbers, so recipients get {@code GB-ESIF-<slug of name>} ids
 * and a kind guessed from the name ({@link #kindOf}); they are not merged with Companies House records.
 */
public final class EsifImport {

  public static final String SOURCE = "esif";
  public static final String FUNDER_ID = "esif-2014-2020";
  public static final String FUNDER = "European Structural and Investment Funds";

  static final String RECIPIENT = "Recipient of funds";
  static final String PROJECT = "Name of Project";
  static final String FUND = "Type of fund";
  static final String START = "Start date";
  static final String AMOUNT = "ERDF/ESF investment £m";
  static final String LEP = "Local Enterprise Partnership area";
  static final List<String> REQUIRED = List.of(RECIPIENT, PROJECT, FUND, START, AMOUNT, LEP);

  public record Options(String source, LocalDate asOf, int batchSize) {}

  /** A project row ready to write. */
  record Award(long line, String grantId, String recipientId, String recipientName, String recipientKind,
      String streamId, String fund, List<String> lepCodes, boolean national, BigDecimal amountGbp,
      LocalDate awardedOn, String title) {}

  static final String CYPHER = """
      UNWIND $rows AS row
      MERGE (f:FundingStream {id: row.streamId})
        ON CREATE SET f.source = row.source, f.asOf = row.asOf
      SET f.funder = row.funder, f.funderId = row.funderId, f.programme = row.fund,
          f.eligibleAreas = row.lepCodes, f.national = row.national
      MERGE (o:Organisation {id: row.recipientId})
        ON CREATE SET o.kind = row.recipientKind, o.source = row.source, o.asOf = row.asOf
      SET o.name = coalesce(o.name, row.recipientName)
      MERGE (o)-[r:RECEIVED {id: row.grantId}]->(f)
      WITH r, row, r.source IS NULL AS isNew, properties(r) AS before
      SET r += row.rel
      WITH isNew, before = properties(r) AS same
      RETURN count(CASE WHEN isNew THEN 1 END) AS created,
             count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
             count(CASE WHEN NOT isNew AND same THEN 1 END) AS unchanged
      """;


  private final GraphStore store;
  private final LepAliases aliases;

  public EsifImport(GraphStore store) {
    this(store, LepAliases.load());
  }

  public EsifImport(GraphStore store, LepAliases aliases) {
    this.store = store;
    this.aliases = aliases;
  }

  public ImportSummary run(Path file, Options options, RejectsFile rejects) {
    try (InputStream in = Files.newInputStream(file)) {
      return run(in, file.toString(), options, rejects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ImportSummary run(InputStream in, String name, Options options, RejectsFile rejects) {
    long started = System.nanoTime();
    long rejectedBefore = rejects.rejected();
    CsvTable table = CsvTable.open(name, new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> missing = table.missing(REQUIRED);
    if (!missing.isEmpty()) {
      throw new BadFileException(name, "is not the ESIF beneficiaries list: missing column(s) " + missing);
    }
    Map<String, Integer> col = new HashMap<>();
    REQUIRED.forEach(c -> col.put(c, table.column(c).orElseThrow()));
    Map<String, Integer> seenIds = new HashMap<>();
    Set<String> streams = new LinkedHashSet<>();
    BatchWriter<Award> writer = BatchWriter.<Award>builder(store.driver(), store.database(), CYPHER,
        a -> parameters(a, options)).batchSize(options.batchSize()).dedupeBy(Award::grantId).build();
    long read = 0;
    for (CsvTable.Row row : table) {
      read++;
      String recipient = EsifValues.clean(row.get(col.get(RECIPIENT)));
      String project = EsifValues.clean(row.get(col.get(PROJECT)));
      String fund = fundCode(row.get(col.get(FUND)));
      String lepText = EsifValues.clean(row.get(col.get(LEP)));
      BigDecimal amount = EsifValues.pounds(row.get(col.get(AMOUNT)));
      LocalDate start = EsifValues.date(row.get(col.get(START)));
      String problem = recipient.isEmpty() ? "no recipient"
          : fund == null ? "unknown fund type '" + EsifValues.clean(row.get(col.get(FUND))) + "'"
          : amount == null ? "investment '" + EsifValues.clean(row.get(col.get(AMOUNT))) + "' is not an amount in pounds"
          : start == null ? "start date '" + EsifValues.clean(row.get(col.get(START))) + "' is not a date"
          : aliases.lookup(lepText).isEmpty() ? "LEP area '" + lepText + "' is not in " + LepAliases.RESOURCE
          : null;
      if (problem != null) {
        rejects.reject(name, row.line(), problem, row.raw());
        continue;
      }
      LepAliases.Area area = aliases.lookup(lepText).orElseThrow();
      String areaKey = area.national() ? "national" : String.join("+", area.lepCodes().stream().sorted().toList());
      String streamId = FUNDER_ID + "/" + fund + "/" + areaKey;
      // The file has no project ids: recipient + project + fund + area, numbered when repeated in the file.
      String base = FUNDER_ID + ":" + slug(recipient) + ":" + slug(project) + ":" + fund + ":" + areaKey;
      int n = seenIds.merge(base, 1, Integer::sum);
      String grantId = n == 1 ? base : base + "#" + n;
      streams.add(streamId);
      writer.add(new Award(row.line(), grantId, "GB-ESIF-" + slug(recipient), recipient, kindOf(recipient), streamId,
          fund, area.lepCodes(), area.national(), amount, start, project), row.line());
    }
    writer.close();
    try (Session session = store.session()) {
      session.executeWrite(tx -> tx.run(GrantsImport.RECOMPUTE_STREAMS, Map.of("ids", List.copyOf(streams))).consume());
    }
    return ImportSummary.of(SOURCE, 1, read, writer.totals(), rejects.rejected() - rejectedBefore,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** ERDF, ESF, or ESF-YEI for "ESF (inc YEI)" (Youth Employment Initiative money is a separate pot). */
  static String fundCode(String text) {
    String t = EsifValues.clean(text).toUpperCase(Locale.ROOT);
    if (t.equals("ERDF")) {
      return "ERDF";
    }
    if (t.startsWith("ESF")) {
      return t.contains("YEI") ? "ESF-YEI" : "ESF";
    }
    return null;
  }

  /**
   * The name is all there is: University → UNIVERSITY, College → COLLEGE, Council → LOCAL_AUTHORITY,
   * Limited/Ltd/LLP/PLC → COMPANY, anything else PUBLIC_BODY (most other ESIF beneficiaries are public
   * agencies, trusts and partnerships acting for them).
   */
  static String kindOf(String name) {
    String n = " " + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
    if (n.contains(" university ")) {
      return "UNIVERSITY";
    }
    if (n.contains(" college ")) {
      return "COLLEGE";
    }
    if (n.contains(" council ")) {
      return "LOCAL_AUTHORITY";
    }
    if (n.matches(".* (limited|ltd|llp|plc) .*")) {
      return "COMPANY";
    }
    return "PUBLIC_BODY";
  }

  static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug.isEmpty() ? "unnamed" : slug;
  }

  private static Map<String, Object> parameters(Award a, Options options) {
    Map<String, Object> row = new TreeMap<>();
    row.put("streamId", a.streamId());
    row.put("funder", FUNDER);
    row.put("funderId", FUNDER_ID);
    row.put("fund", a.fund());
    row.put("lepCodes", a.lepCodes());
    row.put("national", a.national());
    row.put("recipientId", a.recipientId());
    row.put("recipientName", a.recipientName());
    row.put("recipientKind", a.recipientKind());
    row.put("grantId", a.grantId());
    row.put("source", options.source());
    row.put("asOf", options.asOf());
    Map<String, Object> rel = new HashMap<>();
    rel.put("amountGbp", a.amountGbp().doubleValue());
    rel.put("awardedOn", a.awardedOn());
    rel.put("title", a.title());
    rel.put("source", options.source());
    rel.put("asOf", options.asOf());
    row.put("rel", rel);
    return row;
  }
}
