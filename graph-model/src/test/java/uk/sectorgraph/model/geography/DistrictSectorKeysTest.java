package uk.sectorgraph.model.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.sectorgraph.reference.ReferenceData;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.SchemaMigrations;
import uk.sectorgraph.store.TestGraph;

class DistrictSectorKeysTest {

  static final List<String> IDS = List.of("TEST-KEYS-1", "TEST-KEYS-2", "TEST-KEYS-3");
  static GraphStore store;

  @BeforeAll
  static void reference() {
    store = TestGraph.store();
    ReferenceData.loadIfNeeded(store);
  }

  @AfterEach
  void cleanUp() {
    run("MATCH (o:Organisation) WHERE o.id IN $ids DETACH DELETE o", Map.of("ids", IDS));
  }

  static void run(String cypher, Map<String, Object> parameters) {
    try (var session = store.session()) {
      session.run(cypher, parameters).consume();
    }
  }

  static List<String> keys(String id) {
    try (var session = store.session()) {
      var value = session.run("MATCH (o:Organisation {id: $id}) RETURN o.districtSectors AS k", Map.of("id", id))
          .single().get("k");
      return value.isNull() ? null : value.asList(v -> v.asString());
    }
  }

  /** Organisations written before the keys existed: written as an older version did. */
  static void organisationsWithoutKeys() {
    run("""
        MATCH (hartlepool:LocalAuthority {code: 'E06000001'}), (chemicals:Sector {code: '20140'}),
              (retail:Sector {code: '47710'})
        CREATE (a:Organisation {id: 'TEST-KEYS-1'})-[:LOCATED_IN]->(hartlepool),
               (a)-[:OPERATES_IN {primary: true}]->(chemicals), (a)-[:OPERATES_IN {primary: false}]->(retail),
               (b:Organisation {id: 'TEST-KEYS-2'})-[:OPERATES_IN {primary: true}]->(chemicals),
               (c:Organisation {id: 'TEST-KEYS-3'})-[:LOCATED_IN]->(hartlepool)""", Map.of());
  }

  @Test
  void refreshGivesEveryDistrictPairedWithEverySectorAndItsAncestors() {
    organisationsWithoutKeys();
    run("MATCH (o:Organisation) WHERE o.id IN $ids " + DistrictSectorKeys.refresh("o"), Map.of("ids", IDS));

    assertThat(keys("TEST-KEYS-1")).containsExactly("E06000001/20", "E06000001/20.1", "E06000001/20.14",
        "E06000001/20140", "E06000001/47", "E06000001/47.7", "E06000001/47.71", "E06000001/47710", "E06000001/C",
        "E06000001/G");
    assertThat(keys("TEST-KEYS-2")).as("no district").isNull();
    assertThat(keys("TEST-KEYS-3")).as("no sector").isNull();
    assertThat(stale()).isEmpty();

    // the Java form (for the bulk load) gives the same keys from the same tree
    try (var session = store.session()) {
      Map<String, List<String>> lineages = new java.util.HashMap<>();
      session.run(DistrictSectorKeys.LINEAGES).forEachRemaining(r ->
          lineages.put(r.get("code").asString(), r.get("lineage").asList(v -> v.asString())));
      assertThat(DistrictSectorKeys.keys(List.of("E06000001"), List.of("47710", "20140"), lineages))
          .isEqualTo(keys("TEST-KEYS-1"));
      assertThat(DistrictSectorKeys.keys(List.of(), List.of("20140"), lineages)).isNull();
    }
  }

  @Test
  void theMigrationGivesAnOlderStoreItsKeysAndTheIndexFindsThem() {
    organisationsWithoutKeys();
    assertThat(stale()).as("before the migration").isNotEmpty();
    // as if the store predated V2
    run("DROP INDEX " + DistrictSectorKeys.INDEX, Map.of());
    run("MATCH (m:__SchemaMigration {version: 2}) DELETE m", Map.of());

    assertThat(new SchemaMigrations(store.driver(), null).apply()).isEqualTo(1);

    assertThat(stale()).isEmpty();
    assertThat(keys("TEST-KEYS-1")).contains("E06000001/20.1", "E06000001/G");
    try (var session = store.session()) {
      List<String> found = session.run("""
          CALL db.index.fulltext.queryNodes($index, '"E06000001/20.1"') YIELD node
          WHERE node.id IN $ids RETURN node.id AS id""", Map.of("index", DistrictSectorKeys.INDEX, "ids", IDS))
          .list(r -> r.get("id").asString());
      assertThat(found).containsExactly("TEST-KEYS-1");
    }
  }

  static List<String> stale() {
    try (var session = store.session()) {
      return DistrictSectorKeys.stale(session, IDS);
    }
  }
}
