package uk.sectorgraph.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import uk.sectorgraph.analysis.io.IoTable;
import uk.sectorgraph.analysis.io.SicIndustryMapping;

/**
 * The 105 ONS input–output industries, the whole table as one {@code IoTable} node (what the Leontief
 * model reads), its non-zero domestic-use coefficients as {@code SUPPLIES} relationships (what people
 * browse), and {@code MAPS_TO} from every five-digit SIC code to its industry.
 */
public final class IndustryLoader {

  public static String sourceFor(int year) {
    return "ons-ioat-" + year;
  }

  /** Writes (or rewrites) one year's table; used for the shipped 2020 table and by the io-table importer. */
  public static int writeTable(Session session, IoTable table, String source) {
    int n = table.size();
    List<Map<String, Object>> industries = new ArrayList<>();
    List<Map<String, Object>> supplies = new ArrayList<>();
    double[][] a = table.coefficients();
    double[][] z = table.flowsGbpMillion();
    List<Double> flattened = new ArrayList<>(n * n);
    for (int i = 0; i < n; i++) {
      industries.add(Map.of("code", table.industryCodes().get(i), "name", table.industryNames().get(i)));
      for (int j = 0; j < n; j++) {
        flattened.add(a[i][j]);
        if (a[i][j] > 0) {
          supplies.add(Map.of("from", table.industryCodes().get(i), "to", table.industryCodes().get(j),
              "coefficient", a[i][j], "flow", z[i][j]));
        }
      }
    }
    Map<String, Object> params = Map.of(
        "year", table.year(), "source", source, "industries", industries, "supplies", supplies,
        "codes", table.industryCodes(), "coefficients", flattened,
        "output", toList(table.outputGbpMillion()), "finalDemand", toList(table.finalDemandGbpMillion()),
        "compensation", toList(table.compensationOfEmployees()));
    session.executeWrite(tx -> {
      tx.run("""
          UNWIND $industries AS row
          MERGE (i:Industry {code: row.code})
          SET i.name = row.name, i.source = $source, i.asOf = date({year: $year, month: 12, day: 31})
          """, params).consume();
      tx.run("""
          MERGE (t:IoTable {year: $year})
          SET t.industryCodes = $codes, t.coefficients = $coefficients, t.output = $output,
              t.finalDemand = $finalDemand, t.compensation = $compensation,
              t.source = $source, t.asOf = date({year: $year, month: 12, day: 31}),
              t.version = randomUUID()
          """, params).consume();
      tx.run("MATCH (:Industry)-[r:SUPPLIES {year: $year}]->(:Industry) DELETE r", params).consume();
      tx.run("""
          UNWIND $supplies AS row
          MATCH (s:Industry {code: row.from}), (b:Industry {code: row.to})
          CREATE (s)-[:SUPPLIES {coefficient: row.coefficient, flowGbpMillion: row.flow, year: $year,
                                 source: $source, asOf: date({year: $year, month: 12, day: 31})}]->(b)
          """, params).consume();
      return null;
    });
    return industries.size();
  }

  static int mapSectors(Session session, SicIndustryMapping mapping) {
    List<String> codes = session.executeRead(tx -> tx.run(
        "MATCH (s:Sector {level: 'SUBCLASS'}) RETURN s.code AS code").list(r -> r.get("code").asString()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String code : codes) {
      mapping.industryFor(code).ifPresent(industry -> rows.add(Map.of("sector", code, "industry", industry)));
    }
    session.executeWrite(tx -> tx.run("""
        UNWIND $rows AS row
        MATCH (s:Sector {code: row.sector}), (i:Industry {code: row.industry})
        MERGE (s)-[r:MAPS_TO]->(i)
        SET r.source = 'sector-graph-sic-to-ioat', r.asOf = date('2020-12-31')
        """, Map.of("rows", rows)).consume());
    return rows.size();
  }

  private static List<Double> toList(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
