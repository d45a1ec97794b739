package uk.sectorgraph.analysis.impact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import uk.sectorgraph.analysis.area.GraphReads;

/**
 * The area's current companies (primary SIC, not dissolved) per district and industry, as the aggregates
 * keep them on {@code HAS_FIRMS_IN} ({@code AreaSectorAggregates}): how many, their total size weight, and the largest (weight, then
 * id) with their weights. Enough to share each industry's output change by weight and to find the
 * non-members who gain most without reading every company of the area: within one cell gains follow the
 * stored order, so the best {@code k} overall are among each cell's best {@code k} non-members. A cell
 * whose stored list runs out before {@code k} non-members is read in full instead.
 */
final class FirmCells {

  /** One district × industry. */
  record Cell(String la, String industry, long current, double weight, List<String> top, List<Double> topWeights) {}

  /** A firm that may be listed, with its weight (already times the district's share). */
  record Candidate(String id, String la, String industry, double weight) {}

  private final GraphReads reads;
  private final List<Cell> cells;

  private FirmCells(GraphReads reads, List<Cell> cells) {
    this.reads = reads;
    this.cells = cells;
  }

  static FirmCells read(GraphReads reads, Collection<String> localAuthorities, Collection<String> industries) {
    List<Cell> cells = new ArrayList<>();
    for (Record r : reads.read("""
        MATCH (a:LocalAuthority)-[f:HAS_FIRMS_IN]->(i:Industry)
        WHERE a.code IN $las AND i.code IN $industries AND f.current > 0
        RETURN a.code AS la, i.code AS industry, f.current AS current, f.currentWeight AS weight,
               f.topFirms AS top, f.topWeights AS topWeights
        ORDER BY la, industry
        """, Map.of("las", List.copyOf(localAuthorities), "industries", List.copyOf(industries)))) {
      cells.add(new Cell(r.get("la").asString(), r.get("industry").asString(), r.get("current").asLong(),
          r.get("weight").asDouble(), r.get("top").asList(Value::asString), r.get("topWeights").asList(Value::asDouble)));
    }
    return new FirmCells(reads, cells);
  }

  /** Total weight per industry, each district's weight times its share of the area. */
  Map<String, Double> industryWeights(Map<String, Double> shares) {
    Map<String, Double> weights = new HashMap<>();
    for (Cell c : cells) {
      weights.merge(c.industry(), c.weight() * shares.getOrDefault(c.la(), 1.0), Double::sum);
    }
    return weights;
  }

  /**
   * The best {@code k} firms by {@code gain} (then id), leaving out {@code excluded}, from cells whose
   * industry may gain ({@code mayGain}).
   */
  List<Candidate> best(int k, Map<String, Double> shares, Set<String> excluded, Set<String> mayGain,
      ToDoubleFunction<Candidate> gain) {
    List<Candidate> candidates = new ArrayList<>();
    if (k == 0) {
      return candidates;
    }
    for (Cell c : cells) {
      if (!mayGain.contains(c.industry())) {
        continue;
      }
      List<String> ids = c.top();
      List<Double> weights = c.topWeights();
      boolean truncated = ids.size() < c.current();
      if (truncated && ids.stream().filter(id -> !excluded.contains(id)).count() < k) {
        ids = new ArrayList<>();
        weights = new ArrayList<>();
        allOf(c, ids, weights);
      }
      takeBest(ids, weights, k, excluded, c, shares.getOrDefault(c.la(), 1.0), candidates);
    }
    Comparator<Candidate> byGain = Comparator.comparingDouble(gain).reversed().thenComparing(Candidate::id);
    return candidates.stream().sorted(byGain).limit(k).toList();
  }

  private static void takeBest(List<String> ids, List<Double> weights, int k, Set<String> excluded, Cell c, double share,
      List<Candidate> into) {
    int taken = 0;
    for (int j = 0; j < ids.size() && taken < k; j++) {
      if (!excluded.contains(ids.get(j))) {
        into.add(new Candidate(ids.get(j), c.la(), c.industry(), weights.get(j) * share));
        taken++;
      }
    }
  }

  /** Every current firm of one cell, in the stored order (weight, then id). */
  private void allOf(Cell c, List<String> ids, List<Double> weights) {
    for (Record r : reads.read("""
        MATCH (:LocalAuthority {code: $la})<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})
              -[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(:Industry {code: $industry})
        WHERE o.dissolvedOn IS NULL
        WITH o.id AS id, toFloat(coalesce(o.employees, 1)) AS w
        RETURN id, w ORDER BY w DESC, id ASC
        """, Map.of("la", c.la(), "industry", c.industry()))) {
      ids.add(r.get("id").asString());
      weights.add(r.get("w").asDouble());
    }
  }

  /** The listed firms as rows shaped like the member rows: id, name, kind, la, industry, employees. */
  List<Record> rows(List<Candidate> firms) {
    if (firms.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> params = firms.stream()
        .map(f -> Map.<String, Object>of("id", f.id(), "la", f.la(), "industry", f.industry())).toList();
    return reads.read("""
        UNWIND $firms AS f
        MATCH (o:Organisation {id: f.id})
        RETURN o.id AS id, o.name AS name, o.kind AS kind, f.la AS la, f.industry AS industry, o.employees AS employees
        """, Map.of("firms", params));
  }
}
