package uk.sectorgraph.importer.supplylinks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import uk.sectorgraph.importer.batch.BadFileException;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.BatchWriter;
import uk.sectorgraph.importer.batch.CsvTable;
import uk.sectorgraph.importer.batch.ImportSummary;
import uk.sectorgraph.importer.batch.RejectsFile;
import uk.sectorgraph.store.GraphStore;

/**
 * Curated supply links ({@code supplier_id,customer_id,what,value_gbp,source}). A link is only written
 * between two organisations already in the graph: creating organisations from a hand-made list would
 * let a typo invent a company, so an unknown id is a reject that names the id.
 */
public final class SupplyLinksImport {

  public static final String SOURCE = "supply-links";
  public static final List<String> COLUMNS = List.of("supplier_id", "customer_id", "what", "value_gbp", "source");

  public record Options(String source, LocalDate asOf, int batchSize) {}

  static final String CYPHER = """
      UNWIND $rows AS row
      MATCH (s:Organisation {id: row.supplierId})
      MATCH (c:Organisation {id: row.customerId})
      MERGE (s)-[r:SUPPLIES {what: row.what}]->(c)
      WITH r, row, r.source IS NULL AS isNew, properties(r) AS before
      SET r += row.rel
      WITH isNew, before = properties(r) AS same
      RETURN count(CASE WHEN isNew THEN 1 END) AS created,
             count(CASE WHEN NOT isNew AND NOT same THEN 1 END) AS updated,
             count(CASE WHEN NOT isNew AND same THEN 1 END) AS unchanged
      """;

  private final GraphStore store;

  public SupplyLinksImport(GraphStore store) {
    this.store = store;
  }

  public ImportSummary run(List<Path> files, Options options, RejectsFile rejects) {
    long started = System.nanoTime();
    long read = 0;
    BatchCounts counts = BatchCounts.ZERO;
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        long[] r = new long[1];
        counts = counts.plus(importTable(CsvTable.open(file.toString(), reader), options, rejects, r));
        read += r[0];
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ImportSummary.of(SOURCE, files.size(), read, counts, rejects.rejected(),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** For uploads through the API: one CSV as a stream. */
  public ImportSummary run(InputStream in, String name, Options options, RejectsFile rejects) {
    long started = System.nanoTime();
    long[] read = new long[1];
    BatchCounts counts = importTable(CsvTable.open(name, new InputStreamReader(in, StandardCharsets.UTF_8)),
        options, rejects, read);
    return ImportSummary.of(SOURCE, 1, read[0], counts, rejects.rejected(), Duration.ofNanos(System.nanoTime() - started));
  }

  private BatchCounts importTable(CsvTable table, Options options, RejectsFile rejects, long[] read) {
    List<String> missing = table.missing(COLUMNS);
    if (!missing.isEmpty()) {
      throw new BadFileException(table.name(), "is not a supply-links CSV: missing column(s) " + missing
          + " (expected " + String.join(",", COLUMNS) + ")");
    }
    int supplier = table.column("supplier_id").orElseThrow();
    int customer = table.column("customer_id").orElseThrow();
    int what = table.column("what").orElseThrow();
    int value = table.column("value_gbp").orElseThrow();
    int evidence = table.column("source").orElseThrow();
    BatchWriter<SupplyLink> writer = BatchWriter.<SupplyLink>builder(store.driver(), store.database(), CYPHER,
            link -> parameters(link, options))
        .batchSize(options.batchSize()).dedupeBy(l -> l.supplierId() + ">" + l.customerId() + ">" + l.what()).build();
    List<SupplyLink> pending = new ArrayList<>();
    for (CsvTable.Row row : table) {
      read[0]++;
      String s = row.get(supplier).strip();
      String c = row.get(customer).strip();
      if (s.isEmpty() || c.isEmpty()) {
        rejects.reject(table.name(), row.line(), "supplier_id and customer_id are both required", row.raw());
        continue;
      }
      BigDecimal gbp;
      try {
        gbp = parseValue(row.get(value));
      } catch (NumberFormatException e) {
        rejects.reject(table.name(), row.line(), "value_gbp '" + row.get(value) + "' is not a non-negative amount", row.raw());
        continue;
      }
      pending.add(new SupplyLink(row.line(), s, c, row.get(what).strip(), gbp, blankToNull(row.get(evidence)), row.raw()));
      if (pending.size() >= options.batchSize()) {
        writeKnown(pending, writer, table.name(), rejects);
      }
    }
    writeKnown(pending, writer, table.name(), rejects);
    writer.close();
    return writer.totals();
  }

  /** Rejects links naming an organisation the graph does not have, then writes the rest. */
  private void writeKnown(List<SupplyLink> links, BatchWriter<SupplyLink> writer, String file, RejectsFile rejects) {
    Set<String> ids = new HashSet<>();
    links.forEach(l -> {
      ids.add(l.supplierId());
      ids.add(l.customerId());
    });
    Set<String> known = new HashSet<>();
    try (Session session = store.session()) {
      session.run("UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN o.id AS id", Map.of("ids", List.copyOf(ids)))
          .forEachRemaining(r -> known.add(r.get("id").asString()));
    }
    for (SupplyLink link : links) {
      List<String> unknown = new ArrayList<>();
      if (!known.contains(link.supplierId())) {
        unknown.add("supplier_id " + link.supplierId());
      }
      if (!known.contains(link.customerId())) {
        unknown.add("customer_id " + link.customerId());
      }
      if (unknown.isEmpty()) {
        writer.add(link, link.line());
      } else {
        rejects.reject(file, link.line(), "unknown organisation: " + String.join(", ", unknown), link.raw());
      }
    }
    links.clear();
  }

  static BigDecimal parseValue(String text) {
    String s = text.strip().replace(",", "").replace("£", "");
    if (s.isEmpty()) {
      return null;
    }
    BigDecimal value = new BigDecimal(s);
    if (value.signum() < 0) {
      throw new NumberFormatException("negative");
    }
    return value;
  }

  private static Map<String, Object> parameters(SupplyLink link, Options options) {
    Map<String, Object> rel = new HashMap<>();
    rel.put("valueGbp", link.valueGbp() == null ? null : link.valueGbp().doubleValue());
    rel.put("evidence", link.evidence());
    rel.put("source", options.source());
    rel.put("asOf", options.asOf());
    Map<String, Object> row = new HashMap<>();
    row.put("supplierId", link.supplierId());
    row.put("customerId", link.customerId());
    row.put("what", link.what());
    row.put("rel", rel);
    return row;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
