package uk.sectorgraph.analysis.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import uk.sectorgraph.analysis.area.Area;
import uk.sectorgraph.analysis.area.AreaIndustryCounts;
import uk.sectorgraph.analysis.area.CountMeasure;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.analysis.area.NationalTable;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.store.GraphStore;

/**
 * An area's sector profile: companies, location quotient and incorporations per year, per IOAT industry
 * and per SIC section. Companies and incorporations (by {@code incorporatedOn} year) come from the
 * precomputed aggregates: companies located in a district, by primary SIC code, weighted by district
 * share for the area; the nation is every located company.
 *
 * @param industries per IOAT industry with at least one company in the nation, in table order
 * @param sections   per SIC section (A … U), in code order
 */
public record SectorProfile(Area area, int ioTableYear, double areaCompanies, double nationCompanies,
    List<SectorProfileRow> industries, List<SectorProfileRow> sections) {

  public SectorProfile {
    industries = List.copyOf(industries);
    sections = List.copyOf(sections);
  }

  /** The profile of an area against the nation. */
  public static SectorProfile of(GraphStore store, Area area) {
    GraphReads reads = new GraphReads(store);
    NationalTable table = NationalTable.load(reads, null);
    AreaIndustryCounts counts = AreaIndustryCounts.of(reads, area, table.industryCodes(), CountMeasure.COMPANIES);
    Map<String, Double> shares = area.shares();

    National national = national(reads);
    Map<String, String> industryOf = national.industryOf();
    Map<String, String> sectionOf = national.sectionOf();
    Map<String, String> sectionNames = national.sectionNames();

    // Companies and incorporations per section and industry. The area: its districts' per-subclass
    // aggregates, weighted by district share. The nation: per-subclass totals kept on the Sector nodes.
    // Both are precomputed (AreaSectorAggregates), so a profile never counts companies one by one; the
    // national part is the same for every area and is read once per refresh of the aggregates.
    Map<String, double[]> sectionCounts = new TreeMap<>();
    national.sectionNation().forEach((section, n) -> sectionCounts.put(section, new double[] {0, n}));
    Map<String, Map<Integer, double[]>> industryYears = copy(national.industryYears());
    Map<String, Map<Integer, double[]>> sectionYears = copy(national.sectionYears());
    for (Record r : reads.read("""
        MATCH (a:LocalAuthority)-[f:HAS_FIRMS]->(s:Sector) WHERE a.code IN $las
        RETURN a.code AS la, s.code AS sector, f.companies AS companies,
               f.incorporationYears AS years, f.incorporations AS counts
        """, Map.of("las", area.localAuthorityCodes()))) {
      String sector = r.get("sector").asString();
      double share = shares.getOrDefault(r.get("la").asString(), 0.0);
      String section = sectionOf.get(sector);
      if (section != null) {
        sectionCounts.computeIfAbsent(section, k -> new double[2])[0] += r.get("companies").asNumber().doubleValue() * share;
      }
      forEachYear(r, (year, n) -> {
        addYear(industryYears, industryOf.get(sector), year, n * share, 0);
        addYear(sectionYears, section, year, n * share, 0);
      });
    }

    double areaTotal = counts.region().length == 0 ? 0 : sum(counts.region());
    double nationTotal = sum(counts.nation());
    List<SectorProfileRow> industries = new ArrayList<>();
    double[] region = counts.region();
    double[] nation = counts.nation();
    for (int i = 0; i < region.length; i++) {
      if (nation[i] == 0) {
        continue;
      }
      String code = table.industryCodes().get(i);
      industries.add(row(code, table.industryNames().get(i), region[i], nation[i], areaTotal, nationTotal,
          industryYears.get(code)));
    }
    double sectionArea = sectionCounts.values().stream().mapToDouble(c -> c[0]).sum();
    double sectionNation = sectionCounts.values().stream().mapToDouble(c -> c[1]).sum();
    List<SectorProfileRow> sections = new ArrayList<>();
    for (var e : sectionCounts.entrySet()) {
      sections.add(row(e.getKey(), sectionNames.get(e.getKey()), e.getValue()[0], e.getValue()[1], sectionArea,
          sectionNation, sectionYears.get(e.getKey())));
    }
    return new SectorProfile(area, table.year(), areaTotal, nationTotal, industries, sections);
  }

  /**
   * What every profile shares: the SIC tree (subclass → section and industry) and the national counts
   * per section, and per industry and section by year. Kept until the aggregates or the reference data
   * are reloaded (their Dataset stamps change); a store without stamps is read every time.
   */
  private record National(String key, Map<String, String> industryOf, Map<String, String> sectionOf,
      Map<String, String> sectionNames, Map<String, Double> sectionNation,
      Map<String, Map<Integer, double[]>> industryYears, Map<String, Map<Integer, double[]>> sectionYears) {}

  private static final java.util.concurrent.atomic.AtomicReference<National> NATIONAL =
      new java.util.concurrent.atomic.AtomicReference<>();

  private static National national(GraphReads reads) {
    Record stamps = reads.read("""
        OPTIONAL MATCH (a:Dataset {name: $aggregates})
        OPTIONAL MATCH (r:Dataset {name: 'reference'})
        RETURN a.version AS aggregates, toString(r.loadedAt) AS reference
        """, Map.of("aggregates", AreaSectorAggregates.DATASET)).getFirst();
    String key = stamps.get("aggregates").isNull() || stamps.get("reference").isNull() ? null
        : stamps.get("aggregates").asString() + "/" + stamps.get("reference").asString();
    National cached = NATIONAL.get();
    if (key != null && cached != null && key.equals(cached.key())) {
      return cached;
    }
    Map<String, String> industryOf = new HashMap<>();
    Map<String, String> sectionOf = new HashMap<>();
    Map<String, String> sectionNames = new TreeMap<>();
    for (Record r : reads.read("""
        MATCH (s:Sector {level: 'SUBCLASS'})-[:PART_OF*1..4]->(sec:Sector {level: 'SECTION'})
        OPTIONAL MATCH (s)-[:MAPS_TO]->(i:Industry)
        RETURN s.code AS code, i.code AS industry, sec.code AS section, sec.name AS sectionName
        """, Map.of())) {
      String code = r.get("code").asString();
      sectionOf.put(code, r.get("section").asString());
      sectionNames.put(r.get("section").asString(), r.get("sectionName").asString(""));
      if (!r.get("industry").isNull()) {
        industryOf.put(code, r.get("industry").asString());
      }
    }
    Map<String, Double> sectionNation = new TreeMap<>();
    Map<String, Map<Integer, double[]>> industryYears = new HashMap<>();
    Map<String, Map<Integer, double[]>> sectionYears = new HashMap<>();
    for (Record r : reads.read("""
        MATCH (s:Sector {level: 'SUBCLASS'}) WHERE s.companies > 0
        RETURN s.code AS sector, s.companies AS companies, s.incorporationYears AS years, s.incorporations AS counts
        """, Map.of())) {
      String sector = r.get("sector").asString();
      String section = sectionOf.get(sector);
      if (section != null) {
        sectionNation.merge(section, r.get("companies").asNumber().doubleValue(), Double::sum);
      }
      forEachYear(r, (year, n) -> {
        addYear(industryYears, industryOf.get(sector), year, 0, n);
        addYear(sectionYears, section, year, 0, n);
      });
    }
    National fresh = new National(key, Map.copyOf(industryOf), Map.copyOf(sectionOf),
        java.util.Collections.unmodifiableMap(sectionNames), java.util.Collections.unmodifiableMap(sectionNation),
        industryYears, sectionYears);
    if (key != null) {
      NATIONAL.set(fresh);
    }
    return fresh;
  }

  /** A deep copy: the cached national counts are never written to. */
  private static Map<String, Map<Integer, double[]>> copy(Map<String, Map<Integer, double[]>> byCode) {
    Map<String, Map<Integer, double[]>> copy = new HashMap<>();
    byCode.forEach((code, years) -> {
      Map<Integer, double[]> y = new TreeMap<>();
      years.forEach((year, c) -> y.put(year, c.clone()));
      copy.put(code, y);
    });
    return copy;
  }

  private interface YearCount {
    void accept(int year, long count);
  }

  /** The parallel lists {@code years} / {@code counts} of an aggregate row (absent before the first refresh). */
  private static void forEachYear(Record r, YearCount action) {
    if (r.get("years").isNull() || r.get("counts").isNull()) {
      return;
    }
    List<Object> years = r.get("years").asList();
    List<Object> counts = r.get("counts").asList();
    for (int i = 0; i < Math.min(years.size(), counts.size()); i++) {
      action.accept(((Number) years.get(i)).intValue(), ((Number) counts.get(i)).longValue());
    }
  }

  private static void addYear(Map<String, Map<Integer, double[]>> byCode, String code, int year, double area, double nation) {
    if (code == null) {
      return;
    }
    double[] c = byCode.computeIfAbsent(code, k -> new TreeMap<>()).computeIfAbsent(year, k -> new double[2]);
    c[0] += area;
    c[1] += nation;
  }

  private static SectorProfileRow row(String code, String name, double area, double nation, double areaTotal,
      double nationTotal, Map<Integer, double[]> years) {
    double lq = areaTotal == 0 || nation == 0 ? 0 : (area / areaTotal) / (nation / nationTotal);
    List<IncorporationYear> incorporations = new ArrayList<>();
    if (years != null) {
      years.forEach((year, c) -> incorporations.add(new IncorporationYear(year, c[0], (long) c[1])));
    }
    return new SectorProfileRow(code, name, area, nation, lq, incorporations);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
