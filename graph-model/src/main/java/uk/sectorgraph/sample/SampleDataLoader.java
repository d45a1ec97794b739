package uk.sectorgraph.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.sectorgraph.model.geography.AreaSectorAggregates;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.store.GraphStore;

/**
 * Writes the sample region once (a {@code Dataset} node remembers it), after the reference data it
 * hangs on. Every node it creates carries {@code sample: true} and {@code source: 'sample'}.
 */
public final class SampleDataLoader {

  public static final int VERSION = 1;
  static final String DATASET = "sample-tees-valley";
  static final String SOURCE = "sample";
  private static final Logger log = LoggerFactory.getLogger(SampleDataLoader.class);

  private SampleDataLoader() {}

  public static boolean loadIfNeeded(GraphStore store) {
    try (Session session = store.session()) {
      boolean loaded = session.executeRead(tx -> tx.run(
          "MATCH (d:Dataset {name: $name}) WHERE d.version >= $version RETURN count(d) > 0 AS loaded",
          Map.of("name", DATASET, "version", VERSION)).single().get("loaded").asBoolean());
      if (loaded) {
        return false;
      }
      long started = System.nanoTime();
      List<String> background = session.executeRead(tx -> tx.run("""
          MATCH (a:LocalAuthority)-[:IN_LEP]->(l:Lep) WHERE l.code <> $lep
          RETURN DISTINCT a.code AS code ORDER BY code
          """, Map.of("lep", SampleRegion.LEP)).list(r -> r.get("code").asString()));
      if (background.isEmpty()) {
        throw new IllegalStateException("Reference geography must be loaded before the sample region");
      }
      SampleData data = SampleRegion.build(background);
      write(session, data);
      session.executeWrite(tx -> tx.run(
          "MERGE (d:Dataset {name: $name}) SET d.version = $version, d.loadedAt = datetime(), d.sample = true",
          Map.of("name", DATASET, "version", VERSION)).consume());
      AreaSectorAggregates.refresh(store);
      log.info("Loaded the Tees Valley sample region (synthetic, labelled sample) in {} ms: {} organisations",
          (System.nanoTime() - started) / 1_000_000, data.organisations().size());
      return true;
    }
  }

  private static void write(Session session, SampleData data) {
    List<Map<String, Object>> organisations = new ArrayList<>();
    for (SampleOrganisation o : data.organisations()) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", o.id());
      row.put("name", o.name());
      row.put("kind", o.kind());
      row.put("companyNumber", o.companyNumber());
      row.put("status", o.status());
      row.put("incorporatedOn", o.incorporatedOn() == null ? null : o.incorporatedOn().toString());
      row.put("postcode", o.postcode());
      row.put("la", o.localAuthority());
      row.put("sics", o.sicCodes());
      row.put("employees", o.employees());
      organisations.add(row);
    }
    Map<String, Object> p = new HashMap<>();
    p.put("source", SOURCE);
    p.put("organisations", organisations);
    p.put("links", data.supplierLinks());
    p.put("people", data.people());
    p.put("roles", data.officerRoles());
    p.put("control", data.control());
    p.put("streams", data.fundingStreams());
    p.put("awards", data.awards());
    p.put("partnerships", data.partnerships());
    p.put("members", data.members());
    p.put("groupings", data.groupings());
    session.executeWrite(tx -> {
      tx.run("""
          UNWIND $organisations AS row
          MERGE (o:Organisation {id: row.id})
          SET o.name = row.name, o.kind = row.kind, o.companyNumber = row.companyNumber, o.status = row.status,
              o.incorporatedOn = CASE WHEN row.incorporatedOn IS NULL THEN null ELSE date(row.incorporatedOn) END,
              o.postcode = row.postcode, o.employees = row.employees, o.previousNames = [],
              o.sample = true, o.source = $source, o.asOf = date()
          WITH o, row
          OPTIONAL MATCH (a:LocalAuthority {code: row.la})
          FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END |
            MERGE (o)-[r:LOCATED_IN]->(a) SET r.source = $source, r.asOf = date())
          WITH o, row
          UNWIND range(0, size(row.sics) - 1) AS i
          MATCH (s:Sector {code: row.sics[i]})
          MERGE (o)-[r:OPERATES_IN]->(s)
          SET r.primary = (i = 0), r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("UNWIND $organisations AS row MATCH (o:Organisation {id: row.id}) " + DistrictSectorKeys.refresh("o"), p)
          .consume();
      tx.run("""
          UNWIND $links AS row
          MATCH (s:Organisation {id: row.supplier}), (c:Organisation {id: row.customer})
          MERGE (s)-[r:SUPPLIES]->(c)
          SET r.what = row.what, r.valueGbp = row.valueGbp, r.evidence = row.evidence, r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $people AS row
          MERGE (x:Person {id: row.id})
          SET x.name = row.name, x.kind = 'INDIVIDUAL', x.sample = true, x.source = $source, x.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $roles AS row
          MATCH (x:Person {id: row.person}), (o:Organisation {id: row.organisation})
          MERGE (x)-[r:OFFICER_OF]->(o)
          SET r.role = row.role, r.appointedOn = date(row.appointedOn), r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $control AS row
          MATCH (owner:Organisation {id: row.owner}), (owned:Organisation {id: row.owned})
          MERGE (owner)-[r:CONTROLS]->(owned)
          SET r.naturesOfControl = row.natures, r.sharesMin = row.min, r.sharesMax = row.max,
              r.notifiedOn = date(row.notifiedOn), r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $streams AS row
          MERGE (f:FundingStream {id: row.id})
          SET f.funder = row.funder, f.funderId = row.funderId, f.programme = row.programme, f.amountGbp = row.amountGbp,
              f.opensOn = date(row.opensOn), f.closesOn = date(row.closesOn),
              f.eligibleSectors = row.eligibleSectors, f.eligibleAreas = row.eligibleAreas,
              f.sample = true, f.source = $source, f.asOf = date()
          WITH f, row
          OPTIONAL MATCH (funder:Organisation {id: row.funderId})
          FOREACH (_ IN CASE WHEN funder IS NULL THEN [] ELSE [1] END |
            MERGE (funder)-[r:FUNDS]->(f) SET r.source = $source, r.asOf = date())
          """, p).consume();
      tx.run("""
          UNWIND $awards AS row
          MATCH (o:Organisation {id: row.organisation}), (f:FundingStream {id: row.stream})
          MERGE (o)-[r:RECEIVED {id: row.id}]->(f)
          SET r.amountGbp = row.amountGbp, r.awardedOn = date(row.awardedOn), r.title = row.title,
              r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $partnerships AS row
          MERGE (x:Partnership {id: row.id})
          SET x.name = row.name, x.description = row.description, x.focusSectors = row.focusSectors,
              x.areaCode = row.areaCode, x.sample = true, x.source = $source, x.asOf = date()
          WITH x, row
          OPTIONAL MATCH (area) WHERE (area:Lep OR area:LocalAuthority) AND area.code = row.areaCode
          FOREACH (_ IN CASE WHEN area IS NULL THEN [] ELSE [1] END | MERGE (x)-[:COVERS]->(area))
          WITH x, row
          UNWIND row.focusSectors AS code
          MATCH (s:Sector {code: code})
          MERGE (x)-[:FOCUSES_ON]->(s)
          """, p).consume();
      tx.run("""
          UNWIND $members AS row
          MATCH (o:Organisation {id: row.organisation}), (x:Partnership {id: row.partnership})
          MERGE (o)-[r:MEMBER_OF]->(x)
          SET r.role = row.role, r.since = date(row.since), r.source = $source, r.asOf = date()
          """, p).consume();
      tx.run("""
          UNWIND $groupings AS row
          MERGE (g:SectorGrouping {id: row.id})
          SET g.name = row.name, g.description = row.description, g.sample = true, g.source = $source, g.asOf = date()
          WITH g, row
          UNWIND row.sectors AS code
          MATCH (s:Sector {code: code})
          MERGE (g)-[:INCLUDES]->(s)
          """, p).consume();
      return null;
    });
  }
}
