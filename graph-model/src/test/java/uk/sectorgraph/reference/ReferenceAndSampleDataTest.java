package uk.sectorgraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.sample.SampleDataLoader;
import uk.sectorgraph.sample.SampleRegion;
import uk.sectorgraph.store.TestGraph;

class ReferenceAndSampleDataTest {

  static Driver driver;

  @BeforeAll
  static void load() {
    ReferenceData.loadIfNeeded(TestGraph.store());
    SampleDataLoader.loadIfNeeded(TestGraph.store());
    driver = TestGraph.store().driver();
  }

  long count(String cypher) {
    return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
  }

  @Test
  void sicTreeRunsFromSectionToFiveDigitCodes() {
    assertThat(count("MATCH (s:Sector {level: 'SECTION'}) RETURN count(s)")).isEqualTo(21);
    assertThat(count("MATCH (s:Sector {level: 'DIVISION'}) RETURN count(s)")).isEqualTo(88);
    assertThat(count("MATCH (s:Sector {level: 'SUBCLASS'}) RETURN count(s)")).isEqualTo(731);
    assertThat(count("""
        MATCH (:Sector {code: '20140'})-[:PART_OF]->(:Sector {code: '20.14'})-[:PART_OF]->(:Sector {code: '20.1'})
              -[:PART_OF]->(:Sector {code: '20'})-[:PART_OF]->(:Sector {code: 'C'}) RETURN count(*)""")).isEqualTo(1);
    assertThat(count("MATCH (s:Sector {level: 'SUBCLASS'}) WHERE NOT (s)-[:MAPS_TO]->(:Industry) RETURN count(s)"))
        .as("only the dormant-company code has no industry").isEqualTo(1);
  }

  @Test
  void thirtyEightLepsAndTheHampshireSplit() {
    assertThat(count("MATCH (l:Lep) RETURN count(l)")).isEqualTo(38);
    assertThat(count("MATCH (a:LocalAuthority) RETURN count(a)")).isEqualTo(317);
    assertThat(count("MATCH (a:LocalAuthority)-[r:IN_LEP]->() WITH a, count(r) AS n WHERE n = 2 RETURN count(a)")).isEqualTo(4);
    double share = driver.executableQuery("""
        MATCH (:LocalAuthority {name: 'New Forest'})-[r:IN_LEP]->(:Lep {name: 'Solent'}) RETURN r.share AS s""")
        .execute().records().getFirst().get("s").asDouble();
    assertThat(share).isCloseTo(46.0 / 114.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(count("MATCH (:LocalAuthority)-[:IN_LEP]->(:Lep {code: 'E37000034'}) RETURN count(*)")).isEqualTo(5);
  }

  @Test
  void theInputOutputTableIsLoadedWholeAndAsRelationships() {
    assertThat(count("MATCH (i:Industry) RETURN count(i)")).isEqualTo(105);
    assertThat(count("MATCH (t:IoTable {year: 2020}) RETURN size(t.coefficients)")).isEqualTo(105L * 105L);
    assertThat(count("MATCH (:Industry)-[r:SUPPLIES {year: 2020}]->(:Industry) RETURN count(r)")).isGreaterThan(5000);
  }

  @Test
  void loadingAgainDuplicatesNothing() {
    long organisations = count("MATCH (o:Organisation) RETURN count(o)");
    long relationships = count("MATCH ()-[r]->() RETURN count(r)");
    assertThat(ReferenceData.loadIfNeeded(TestGraph.store())).isFalse();
    assertThat(SampleDataLoader.loadIfNeeded(TestGraph.store())).isFalse();
    assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isEqualTo(organisations);
    assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
  }

  @Test
  void theSampleRegionIsLabelledAndSpreadOverItsRealLocalAuthorities() {
    assertThat(count("MATCH (o:Organisation) WHERE o.sample IS NULL OR NOT o.name ENDS WITH '(sample)' RETURN count(o)")).isZero();
    long inRegion = count("""
        MATCH (o:Organisation)-[:LOCATED_IN]->(:LocalAuthority)-[:IN_LEP]->(:Lep {code: $lep}) RETURN count(o)"""
        .replace("$lep", "'" + SampleRegion.LEP + "'"));
    assertThat(inRegion).isBetween(250L, 400L);
    assertThat(count("""
        MATCH (a:LocalAuthority)-[:IN_LEP]->(:Lep {code: 'E37000034'})
        WHERE EXISTS { (a)<-[:LOCATED_IN]-(:Organisation) } RETURN count(a)""")).isEqualTo(5);
    assertThat(count("MATCH (:Organisation)-[m:MEMBER_OF]->(:Partnership) RETURN count(m)")).isEqualTo(18);
    assertThat(count("MATCH (:LocalAuthority)-[f:HAS_FIRMS_IN]->(:Industry) RETURN sum(f.companies)"))
        .as("aggregates count every company with a primary sector and a place")
        .isEqualTo(count("MATCH (o:Organisation {kind: 'COMPANY'})-[:LOCATED_IN]->() WHERE EXISTS { (o)-[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->() } RETURN count(o)"));
  }

  @Test
  void everySampleOrganisationHasTheDistrictSectorKeysOfItsRelationships() {
    assertThat(count("MATCH (o:Organisation) WHERE o.districtSectors IS NOT NULL RETURN count(o)")).isGreaterThan(250);
    var sample = driver.executableQuery("MATCH (o:Organisation {sample: true}) RETURN collect(o.id) AS ids").execute()
        .records().getFirst().get("ids").asList(v -> v.asString());
    try (var session = driver.session()) {
      assertThat(DistrictSectorKeys.stale(session, sample)).isEmpty();
    }
    // and the index finds them: a division across the region's districts, as the API asks
    assertThat(count("""
        MATCH (la:LocalAuthority)-[:IN_LEP]->(:Lep {code: 'E37000034'}) WITH collect(la.code) AS districts
        CALL db.index.fulltext.queryNodes('organisation_district_sectors', %s) YIELD node RETURN count(node)"""
        .formatted(DistrictSectorKeys.luceneQuery("districts", "'C'"))))
        .isEqualTo(count("""
            MATCH (o:Organisation)-[:LOCATED_IN]->(:LocalAuthority)-[:IN_LEP]->(:Lep {code: 'E37000034'})
            WHERE EXISTS { (o)-[:OPERATES_IN]->(:Sector)-[:PART_OF*0..4]->(:Sector {code: 'C'}) } RETURN count(o)"""))
        .isGreaterThan(0);
  }

  @Test
  void theSampleIsTheSameEveryTime() {
    var first = SampleRegion.build(java.util.List.of("E06000010", "E06000011"));
    var second = SampleRegion.build(java.util.List.of("E06000010", "E06000011"));
    assertThat(first).isEqualTo(second);
    assertThat(Map.of()).isEmpty();
  }
}
