package uk.sectorgraph.model.geography;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.store.GraphStore;

/**
 * Companies per (local authority, sector) and per (local authority, industry), kept as
 * {@code HAS_FIRMS} / {@code HAS_FIRMS_IN} relationships. Location quotients and sector profiles read
 * these instead of counting millions of companies at query time; importers refresh them when they finish.
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
        WITH s, count(o) AS companies, count(CASE WHEN o.status STARTS WITH 'Active' THEN 1 END) AS active
        MERGE (la)-[r:HAS_FIRMS]->(s)
        SET r.companies = companies, r.active = active
      } IN TRANSACTIONS OF 10 ROWS
      """;

  private static final String BY_INDUSTRY = """
      MATCH (la:LocalAuthority)
      CALL (la) {
        MATCH (la)-[f:HAS_FIRMS]->(:Sector)-[:MAPS_TO]->(i:Industry)
        WITH i, sum(f.companies) AS companies, sum(f.active) AS active
        MERGE (la)-[r:HAS_FIRMS_IN]->(i)
        SET r.companies = companies, r.active = active
      } IN TRANSACTIONS OF 50 ROWS
      """;

  private AreaSectorAggregates() {}

  /** Recomputes both aggregates from the organisations now in the graph. */
  public static void refresh(GraphStore store) {
    long started = System.nanoTime();
    try (var session = store.session()) {
      session.run(CLEAR).consume();
      session.run(BY_SECTOR).consume();
      session.run(BY_INDUSTRY).consume();
    }
    log.info("Refreshed companies per local authority and sector in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

}
