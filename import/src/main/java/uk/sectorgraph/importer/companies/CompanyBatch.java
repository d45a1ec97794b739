package uk.sectorgraph.importer.companies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import uk.sectorgraph.importer.batch.BatchCounts;
import uk.sectorgraph.importer.batch.BatchWriter;

/**
 * Writes one batch of companies in its transaction: one read-only round trip fetches what the graph
 * holds for the batch's ids (hash, source, asOf); rows are then classified here exactly as
 * {@link CompanyCypher#UPSERT} would classify them, and
 * <ul>
 *   <li>new companies go to {@link CompanyCypher#CREATE} (relationships CREATEd, not MERGEd),</li>
 *   <li>unchanged and stale rows are not sent (a newer snapshot only moves asOf: {@link CompanyCypher#TOUCH}),</li>
 *   <li>changed rows (and any the classification is unsure of) go to the general {@link CompanyCypher#UPSERT}.</li>
 * </ul>
 * Read and writes share the transaction, so a retried or re-run batch is classified afresh.
 */
final class CompanyBatch implements BatchWriter.Statement {

  private static final TypeSystem TYPES = TypeSystem.getDefault();
  private static final BatchWriter.Statement UPSERT = BatchWriter.Statement.cypher(CompanyCypher.UPSERT);

  // odd: asOf is not a date (not written by us); UPSERT decides.
  private record Stored(String hash, String source, LocalDate asOf, boolean missing, boolean odd) {}

  @Override
  public BatchCounts write(TransactionContext tx, List<Map<String, Object>> rows) {
    List<Object> ids = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      ids.add(row.get("id"));
    }
    Map<String, Stored> stored = new HashMap<>(rows.size() * 2);
    tx.run(CompanyCypher.STORED, Map.of("ids", ids)).forEachRemaining(r -> stored.put(r.get("id").asString(),
        stored(r)));

    List<Map<String, Object>> fresh = new ArrayList<>();
    List<Map<String, Object>> changed = new ArrayList<>();
    List<Map<String, Object>> touch = new ArrayList<>();
    long unchanged = 0;
    for (Map<String, Object> row : rows) {
      Stored s = stored.get((String) row.get("id"));
      LocalDate asOf = (LocalDate) row.get("asOf");
      if (s == null) {
        fresh.add(row);
      } else if (s.source() == null || s.odd()) {
        changed.add(row); // a node we did not write: UPSERT decides
      } else if (s.source().startsWith("companies-house") && s.asOf() != null && s.asOf().isAfter(asOf)) {
        unchanged++; // stale: the graph holds a newer snapshot
      } else if (Objects.equals(s.hash(), row.get("hash"))) {
        unchanged++;
        if ((s.asOf() != null && !s.asOf().equals(asOf)) || s.missing()) {
          touch.add(Map.of("id", row.get("id"), "asOf", asOf, "source", row.get("source")));
        }
      } else {
        changed.add(row);
      }
    }

    BatchCounts counts = new BatchCounts(0, 0, unchanged);
    if (!fresh.isEmpty()) {
      Record r = tx.run(CompanyCypher.CREATE, Map.of("rows", fresh)).single();
      counts = counts.plus(new BatchCounts(r.get("created").asLong(), 0, 0));
      List<Object> existing = r.get("existing").asList();
      if (!existing.isEmpty()) {
        Set<Object> late = new HashSet<>(existing);
        for (Map<String, Object> row : fresh) {
          if (late.contains(row.get("id"))) {
            changed.add(row);
          }
        }
      }
    }
    if (!changed.isEmpty()) {
      counts = counts.plus(UPSERT.write(tx, changed));
    }
    if (!touch.isEmpty()) {
      tx.run(CompanyCypher.TOUCH, Map.of("rows", touch)).consume();
    }
    return counts;
  }

  private static Stored stored(Record r) {
    Value asOf = r.get("asOf");
    Value hash = r.get("hash");
    Value source = r.get("source");
    boolean odd = !(asOf.isNull() || asOf.hasType(TYPES.DATE())) || !(hash.isNull() || hash.hasType(TYPES.STRING()))
        || !(source.isNull() || source.hasType(TYPES.STRING()));
    return odd ? new Stored(null, null, null, false, true)
        : new Stored(string(hash), string(source), date(asOf), r.get("missing").asBoolean(), false);
  }

  private static String string(Value v) {
    return v.isNull() ? null : v.asString();
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }
}
