package uk.sectorgraph.analysis.area;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import uk.sectorgraph.analysis.io.LocationQuotients;

/**
 * Counts per IOAT industry for an area and for the nation (all local authorities), in the order of a
 * {@link NationalTable}. District counts are multiplied by the district's share of the area.
 *
 * @param area          the area counted
 * @param measure       companies or employees
 * @param industryCodes the industry order of both vectors
 * @param region        region counts r_i
 * @param nation        national counts n_i
 */
public record AreaIndustryCounts(Area area, CountMeasure measure, List<String> industryCodes, double[] region,
    double[] nation) {

  public AreaIndustryCounts {
    industryCodes = List.copyOf(industryCodes);
    region = region.clone();
    nation = nation.clone();
  }

  @Override
  public double[] region() {
    return region.clone();
  }

  @Override
  public double[] nation() {
    return nation.clone();
  }

  public double region(String industryCode) {
    int i = industryCodes.indexOf(industryCode);
    return i < 0 ? 0 : region[i];
  }

  public double nation(String industryCode) {
    int i = industryCodes.indexOf(industryCode);
    return i < 0 ? 0 : nation[i];
  }

  /** Location quotients of the area against the nation, with Flegg's δ. */
  public LocationQuotients locationQuotients(double delta) {
    return LocationQuotients.of(region, nation, delta);
  }

  // The area's districts only; the nation from the totals kept on each Industry (AreaSectorAggregates).
  // Reading every district's row instead took ~0.8 s at national scale, in every analysis.
  private static final String COMPANIES = """
      UNWIND $las AS code
      MATCH (a:LocalAuthority {code: code})-[f:HAS_FIRMS_IN]->(i:Industry)
      RETURN a.code AS la, i.code AS industry, f.companies AS count
      """;
  private static final String NATION_COMPANIES = "MATCH (i:Industry) RETURN i.code AS industry, coalesce(i.companies, 0) AS count";

  // Employees are not aggregated, so they are summed here; only companies with a primary SIC code
  // that maps to an industry count, as for COMPANIES.
  private static final String EMPLOYEES = """
      MATCH (a:LocalAuthority)<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})
            -[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
      WHERE o.employees IS NOT NULL
      RETURN a.code AS la, i.code AS industry, sum(o.employees) AS count
      """;

  /** Counts the area and the nation by the chosen measure. */
  public static AreaIndustryCounts of(GraphReads reads, Area area, List<String> industryCodes, CountMeasure measure) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < industryCodes.size(); i++) {
      index.put(industryCodes.get(i), i);
    }
    double[] region = new double[industryCodes.size()];
    double[] nation = new double[industryCodes.size()];
    Map<String, Double> shares = area.shares();
    if (measure == CountMeasure.COMPANIES) {
      for (Record r : reads.read(NATION_COMPANIES, Map.of())) {
        Integer i = index.get(r.get("industry").asString());
        if (i != null) {
          nation[i] = r.get("count").asNumber().doubleValue();
        }
      }
      for (Record r : reads.read(COMPANIES, Map.of("las", List.copyOf(shares.keySet())))) {
        Integer i = index.get(r.get("industry").asString());
        if (i != null) {
          region[i] += r.get("count").asNumber().doubleValue() * shares.get(r.get("la").asString());
        }
      }
      return new AreaIndustryCounts(area, measure, industryCodes, region, nation);
    }
    List<Record> rows = reads.read(EMPLOYEES, Map.of());
    for (Record r : rows) {
      Integer i = index.get(r.get("industry").asString());
      if (i == null) {
        continue;
      }
      double count = r.get("count").asNumber().doubleValue();
      nation[i] += count;
      Double share = shares.get(r.get("la").asString());
      if (share != null) {
        region[i] += count * share;
      }
    }
    return new AreaIndustryCounts(area, measure, industryCodes, region, nation);
  }
}
