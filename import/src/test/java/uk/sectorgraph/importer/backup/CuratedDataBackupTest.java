package uk.sectorgraph.importer.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;
import uk.sectorgraph.store.TestGraph;

class CuratedDataBackupTest {

  @TempDir
  Path dir;

  @AfterEach
  void cleanUp() {
    TestGraph.store().driver().executableQuery("""
        MATCH (n) WHERE n.id STARTS WITH 'backup-test' OR n.id STARTS WITH 'GB-BACKUP-' DETACH DELETE n""").execute();
  }

  @Test
  void curatedDataRestoresIntoAnEmptyStoreWithoutLoss() throws Exception {
    Driver source = TestGraph.store().driver();
    source.executableQuery("""
        CREATE (a:Organisation {id: 'GB-BACKUP-1', name: 'Backup Supplier', kind: 'COMPANY'}),
               (b:Organisation {id: 'GB-BACKUP-2', name: 'Backup Customer', kind: 'UNIVERSITY'}),
               (p:Partnership {id: 'backup-test-partnership', name: 'Backup test', focusSectors: ['20', '62.01'],
                               areaCode: 'E37000034', source: 'curated', asOf: date('2025-02-03'), curatedBy: 'editor'}),
               (g:SectorGrouping {id: 'backup-test-grouping', name: 'Backup grouping', source: 'curated'}),
               (f:FundingStream {id: 'backup-test-fund', funder: 'Test Funder', amountGbp: 1250000.5,
                                 opensOn: date('2024-04-01'), eligibleAreas: ['E37000034'], source: 'curated'}),
               (a)-[:SUPPLIES {what: 'Widgets', valueGbp: 125000, evidence: 'contract', source: 'curated',
                               asOf: datetime('2025-01-02T03:04:05Z')}]->(b),
               (a)-[:MEMBER_OF {role: 'LEAD', since: date('2021-05-06'), source: 'curated'}]->(p),
               (b)-[:MEMBER_OF {role: 'MEMBER', source: 'curated'}]->(p),
               (b)-[:RECEIVED {id: 'backup-test-award', amountGbp: 5000, awardedOn: date('2024-06-01'), source: 'curated'}]->(f)
        WITH g MERGE (s:Sector {code: '20140'}) MERGE (g)-[:INCLUDES]->(s)""").execute();
    Path file = dir.resolve("curated.json");
    new CuratedDataBackup(TestGraph.store()).export(file);

    try (GraphStore empty = GraphStore.open(new StoreSettings(dir.resolve("empty"), 0, "restore-password", null, null, null, "64m"))) {
      new CuratedDataBackup(empty).restore(file);
      assertThat(dump(empty.driver())).isEqualTo(dump(source));
      new CuratedDataBackup(empty).restore(file);
      assertThat(dump(empty.driver())).as("restoring twice changes nothing").isEqualTo(dump(source));
    }
  }

  private static List<Map<String, Object>> dump(Driver driver) {
    return driver.executableQuery("""
        MATCH (p:Partnership {id: 'backup-test-partnership'})
        OPTIONAL MATCH (o)-[m:MEMBER_OF]->(p)
        WITH p, collect([o.id, o.name, o.kind, properties(m)]) AS members
        MATCH (a {id: 'GB-BACKUP-1'})-[s:SUPPLIES]->(b)
        MATCH (g:SectorGrouping {id: 'backup-test-grouping'})
        MATCH (f:FundingStream {id: 'backup-test-fund'})<-[r:RECEIVED]-(x)
        RETURN properties(p) AS p, members, properties(s) AS s, b.id AS customer, properties(g) AS g,
               [(g)-[:INCLUDES]->(c) | c.code] AS includes, properties(f) AS f, properties(r) AS r, x.id AS recipient""")
        .execute().records().stream().map(r -> r.asMap()).map(m -> sortMembers(m)).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sortMembers(Map<String, Object> m) {
    var copy = new java.util.HashMap<>(m);
    var members = new java.util.ArrayList<>((List<List<Object>>) m.get("members"));
    members.sort(java.util.Comparator.comparing(l -> String.valueOf(l.get(0))));
    copy.put("members", members);
    return copy;
  }
}
