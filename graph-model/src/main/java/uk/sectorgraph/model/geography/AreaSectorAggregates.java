package uk.sectorgraph.model.geography;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.store.GraphStore;

/**
 * Companies per (local authority, sector) and per (local authority, industry), kept as
 * {@code HAS_FIRMS} / {@code HAS_FIRMS_IN} relationships (with incorporations per year as parallel lists
 * {@code incorporationYears} / {@code incorporations}), with each sector's national total as
 * {@code Sector.companies} and national incorporations per year on the sectors that have firms, and on
 * {@code HAS_FIRMS_IN} what supply-chain impact allocates to (current companies, their size weight and
 * the largest of them). Location quotients, sector profiles and impacts read these instead of counting
 * millions of companies at query time; importers refresh them when they finish.
 */
public final class AreaSectorAggregates {

  private static final Logger log = LoggerFactory.getLogger(AreaSectorAggregates.class);

  private static final String CLEAR = """
      MATCH (:LocalAuthority)-[r:HAS_FIRMS|HAS_FIRMS_IN]->()
      CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
      """;

  private static final String BY_SECTOR = """
      MATCH (la:LocalAuthority)
      CALL (la) {
        MATCH (la)<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})-[op:OPERATES_IN {primary: true}]->(s:Sector)
        WITH s, o.incorporatedOn.year AS year, count(o) AS companies,
             count(CASE WHEN o.status STARTS WITH 'Active' THEN 1 END) AS active
        ORDER BY year
        WITH s, sum(companies) AS companies, sum(active) AS active,
             collect(CASE WHEN year IS NOT NULL THEN [year, companies] END) AS byYear
        MERGE (la)-[r:HAS_FIRMS]->(s)
        SET r.companies = companies, r.active = active,
            r.incorporationYears = [y IN byYear | y[0]], r.incorporations = [y IN byYear | y[1]]
      } IN TRANSACTIONS OF 10 ROWS
      """;

  // National incorporations per year on every sector (empty lists where no firms are), so that a
  // profile reads ~700 sectors instead of counting a million companies.
  private static final String SECTOR_INCORPORATIONS = """
      MATCH (s:Sector)
      CALL (s) {
        MATCH (s)<-[f:HAS_FIRMS]-(:LocalAuthority)
        UNWIND range(0, size(f.incorporationYears) - 1) AS i
        WITH f.incorporationYears[i] AS year, sum(f.incorporations[i]) AS n
        ORDER BY year
        WITH collect(year) AS years, collect(n) AS counts
        SET s.incorporationYears = years, s.incorporations = counts
      } IN TRANSACTIONS OF 100 ROWS
      """;

  private static final String BY_INDUSTRY = """
      MATCH (la:LocalAuthority)
      CALL (la) {
        MATCH (la)-[f:HAS_FIRMS]->(:Sector)-[:MAPS_TO]->(i:Industry)
        WITH i, sum(f.companies) AS companies, sum(f.active) AS active
        MERGE (la)-[r:HAS_FIRMS_IN]->(i)
        SET r.companies = companies, r.active = active,
            r.current = 0, r.currentWeight = 0.0, r.topFirms = [], r.topWeights = []
      } IN TRANSACTIONS OF 50 ROWS
      """;

  /** How many of each district's largest current firms per industry {@link #CURRENT_FIRMS} keeps. */
  public static final int TOP_FIRMS = 50;

  // What supply-chain impact allocates to (current companies: primary SIC, not dissolved; size weight
  // = employees, else 1): per district and industry their number, total weight and the TOP_FIRMS
  // largest (ties by id), so that an analysis lists the firms that gain most without reading every
  // company of the area.
  private static final String CURRENT_FIRMS = """
      MATCH (la:LocalAuthority)
      CALL (la) {
        MATCH (la)<-[:LOCATED_IN]-(o:Organisation {kind: 'COMPANY'})
              -[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(i:Industry)
        WHERE o.dissolvedOn IS NULL
        WITH i, o.id AS id, toFloat(coalesce(o.employees, 1)) AS w
        ORDER BY w DESC, id ASC
        WITH i, count(*) AS current, sum(w) AS weight, collect(id)[0..$top] AS ids, collect(w)[0..$top] AS weights
        MERGE (la)-[r:HAS_FIRMS_IN]->(i)
        SET r.current = current, r.currentWeight = weight, r.topFirms = ids, r.topWeights = weights
      } IN TRANSACTIONS OF 10 ROWS
      """;

  // National totals per industry, read by every analysis instead of ~33,000 district rows.
  private static final String INDUSTRY_TOTALS = """
      MATCH (i:Industry)
      CALL (i) {
        OPTIONAL MATCH (i)<-[f:HAS_FIRMS_IN]-(:LocalAuthority)
        WITH i, coalesce(sum(f.companies), 0) AS companies, coalesce(sum(f.active), 0) AS active
        SET i.companies = companies, i.active = active
      }
      """;

  // Aggregates written by an older version lack the national totals added since.
  private static final String STALE = """
      RETURN EXISTS { MATCH (i:Industry) WHERE i.companies IS NULL }
          OR EXISTS { MATCH (s:Sector) WHERE s.companies IS NULL OR s.incorporationYears IS NULL }
          OR EXISTS { MATCH (:LocalAuthority)-[f:HAS_FIRMS_IN]->(:Industry) WHERE f.topFirms IS NULL }
          OR NOT EXISTS { MATCH (:Dataset {name: 'area-sector-aggregates'}) }
          OR EXISTS { MATCH (d:Dataset {name: 'area-sector-aggregates'}) WHERE d.changesPending } AS stale""";

  /** Name of the Dataset node whose {@code version} changes with every refresh (readers cache by it). */
  public static final String DATASET = "area-sector-aggregates";

  private static final String STAMP = """
      MERGE (d:Dataset {name: $name}) SET d.version = randomUUID(), d.refreshedAt = datetime(), d.changesPending = null""";

  // An import sets changesPending before it writes and the refresh clears it, so an import killed before
  // its refresh leaves it set: the next import (or server start) then refreshes even if it changes nothing.
  // Never refreshed (no Dataset node) counts as pending.
  private static final String BEGIN_CHANGES = """
      OPTIONAL MATCH (d:Dataset {name: $name})
      WITH d, d IS NULL OR coalesce(d.changesPending, false) AS pending
      SET d.changesPending = true
      RETURN pending""";

  private static final String NO_CHANGES = "MATCH (d:Dataset {name: $name}) SET d.changesPending = null";

  private static final String OWN_TOTALS = """
      MATCH (:LocalAuthority)-[f:HAS_FIRMS]->(s:Sector) RETURN s.code AS code, sum(f.companies) AS companies""";
  private static final String TREE = "MATCH (child:Sector)-[:PART_OF]->(parent:Sector) RETURN child.code AS child, parent.code AS parent";
  private static final String WRITE_TOTALS = """
      MATCH (s:Sector) SET s.companies = coalesce($totals[s.code], 0)""";

  private AreaSectorAggregates() {}

  /** Recomputes both aggregates from the organisations now in the graph. */
  public static void refresh(GraphStore store) {
    refresh(store, TOP_FIRMS);
  }

  /** As {@link #refresh(GraphStore)}, keeping {@code topFirms} largest firms per district and industry. */
  public static void refresh(GraphStore store, int topFirms) {
    long started = System.nanoTime();
    StepTimes steps = new StepTimes();
    try (var session = store.session()) {
      steps.time("clear", () -> session.run(CLEAR).consume());
      steps.time("by sector", () -> session.run(BY_SECTOR).consume());
      steps.time("by industry", () -> session.run(BY_INDUSTRY).consume());
      steps.time("current firms", () -> session.run(CURRENT_FIRMS, Map.of("top", topFirms)).consume());
      steps.time("incorporations", () -> session.run(SECTOR_INCORPORATIONS).consume());
      steps.time("totals", () -> {
        session.run(INDUSTRY_TOTALS).consume();
        session.run(WRITE_TOTALS, Map.of("totals", sectorTotals(session))).consume();
      });
      session.run(STAMP, Map.of("name", DATASET)).consume();
    }
    log.info("Refreshed companies per local authority and sector in {} ms ({})", (System.nanoTime() - started) / 1_000_000, steps);
  }

  /**
   * Call before an import writes anything; pass the answer to {@link #refreshAfterImport}.
   *
   * @return whether changes from an earlier import are still waiting for a refresh
   */
  public static boolean beginChanges(GraphStore store) {
    try (var session = store.session()) {
      return session.run(BEGIN_CHANGES, Map.of("name", DATASET)).single().get("pending").asBoolean();
    }
  }

  /**
   * Refreshes after an import that changed something, or when an earlier import's changes were never
   * refreshed. An import that changed nothing (a re-import of an unchanged snapshot) skips the refresh,
   * which at national scale takes about a minute.
   *
   * @return whether a refresh ran
   */
  public static boolean refreshAfterImport(GraphStore store, boolean earlierChangesPending, boolean changed) {
    if (earlierChangesPending || changed) {
      refresh(store);
      return true;
    }
    try (var session = store.session()) {
      session.run(NO_CHANGES, Map.of("name", DATASET)).consume();
    }
    log.info("The import changed nothing the per-area aggregates count: they were not refreshed");
    return false;
  }

  /**
   * Refreshes when the stored aggregates predate what this version keeps (a store from an older
   * version, or one whose last import was killed before its refresh); a no-op otherwise.
   *
   * @return whether a refresh ran
   */
  public static boolean refreshIfStale(GraphStore store) {
    boolean stale;
    try (var session = store.session()) {
      stale = session.run(STALE).single().get("stale").asBoolean();
    }
    if (stale) {
      refresh(store);
    }
    return stale;
  }

  /**
   * Each sector's national total: its own companies plus its sub-sectors'. Summed up the SIC tree here
   * rather than in Cypher, where a variable-length match from each of ~1,000 sectors took 35 s at
   * national scale; this is three short statements.
   */
  static Map<String, Long> sectorTotals(Session session) {
    Map<String, Long> totals = new HashMap<>();
    session.run(OWN_TOTALS).forEachRemaining(r -> totals.put(r.get("code").asString(), r.get("companies").asLong()));
    Map<String, String> parentOf = new HashMap<>();
    session.run(TREE).forEachRemaining(r -> parentOf.put(r.get("child").asString(), r.get("parent").asString()));
    Map<String, Long> withDescendants = new HashMap<>();
    totals.forEach((code, own) -> {
      Set<String> seen = new HashSet<>(); // the SIC tree has no cycles; this only guards against bad data
      for (String s = code; s != null && seen.add(s); s = parentOf.get(s)) {
        withDescendants.merge(s, own, Long::sum);
      }
    });
    return withDescendants;
  }

  /** Milliseconds per step, for the log line: at national scale the refresh takes minutes, and which step grows matters. */
  private static final class StepTimes {
    private final StringBuilder text = new StringBuilder();

    void time(String step, Runnable work) {
      long started = System.nanoTime();
      work.run();
      text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append((System.nanoTime() - started) / 1_000_000).append(" ms");
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
