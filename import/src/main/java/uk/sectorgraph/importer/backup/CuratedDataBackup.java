package uk.sectorgraph.importer.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.sectorgraph.store.GraphStore;

/**
 * The data people curate by hand (partnerships and their members, supplier links, custom sector
 * groupings, funding streams and awards entered through the API) to one JSON file and back.
 *
 * <p>Everything else can be imported again from public files; this cannot, so it is saved with
 * every property intact, plus the identity (id, name, kind) of each organisation it mentions, so that
 * a restore into an empty store recreates the organisations it hangs on.
 */
public final class CuratedDataBackup {

  static final int FORMAT = 1;
  private static final String CURATED = "curated";

  private final GraphStore store;
  private final JsonMapper json = JsonMapper.builder().build();

  public CuratedDataBackup(GraphStore store) {
    this.store = store;
  }

  public record Counts(int organisations, int partnerships, int memberships, int supplierLinks, int groupings,
      int fundingStreams, int awards) {}

  public Counts export(Path file) throws IOException {
    ObjectNode root = json.createObjectNode();
    root.put("format", FORMAT);
    try (Session session = store.session()) {
      ArrayNode partnerships = nodes(session, "MATCH (p:Partnership) RETURN properties(p) AS n ORDER BY p.id");
      ArrayNode groupings = root.putArray("sectorGroupings");
      for (Record r : session.executeRead(tx -> tx.run("""
          MATCH (g:SectorGrouping) RETURN properties(g) AS n, [(g)-[:INCLUDES]->(s:Sector) | s.code] AS sectors ORDER BY g.id
          """).list())) {
        ObjectNode g = PropertyCodec.encode(r.get("n").asMap(v -> v));
        g.set("$includes", json.valueToTree(r.get("sectors").asList(v -> v.asString())));
        groupings.add(g);
      }
      ArrayNode memberships = rels(session, "MATCH (o:Organisation)-[r:MEMBER_OF]->(p:Partnership) RETURN o.id AS from, p.id AS to, properties(r) AS r ORDER BY from, to");
      ArrayNode links = rels(session, "MATCH (a:Organisation)-[r:SUPPLIES]->(b:Organisation) WHERE r.source = $curated RETURN a.id AS from, b.id AS to, properties(r) AS r ORDER BY from, to");
      ArrayNode streams = nodes(session, "MATCH (f:FundingStream) WHERE f.source = $curated RETURN properties(f) AS n ORDER BY f.id");
      ArrayNode awards = rels(session, "MATCH (o:Organisation)-[r:RECEIVED]->(f:FundingStream) WHERE f.source = $curated OR r.source = $curated RETURN o.id AS from, f.id AS to, properties(r) AS r ORDER BY from, to, r.id");
      ArrayNode organisations = nodes(session, """
          MATCH (o:Organisation)
          WHERE EXISTS { (o)-[:MEMBER_OF]->(:Partnership) }
             OR EXISTS { (o)-[r:SUPPLIES]-(:Organisation) WHERE r.source = $curated }
             OR EXISTS { (o)-[r:RECEIVED]->(f:FundingStream) WHERE f.source = $curated OR r.source = $curated }
          RETURN o {.id, .name, .kind, .companyNumber} AS n ORDER BY o.id""");
      root.set("organisations", organisations);
      root.set("partnerships", partnerships);
      root.set("memberships", memberships);
      root.set("supplierLinks", links);
      root.set("fundingStreams", streams);
      root.set("awards", awards);
      json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
      return new Counts(organisations.size(), partnerships.size(), memberships.size(), links.size(), groupings.size(),
          streams.size(), awards.size());
    }
  }

  public Counts restore(Path file) throws IOException {
    JsonNode root = json.readTree(Files.readString(file));
    if (!root.has("format") || root.get("format").asInt() != FORMAT) {
      throw new IllegalArgumentException(file + " is not a Sector Graph curated-data backup (format " + FORMAT + ")");
    }
    try (Session session = store.session()) {
      session.executeWrite(tx -> {
        tx.run("""
            UNWIND $rows AS row MERGE (o:Organisation {id: row.id})
            ON CREATE SET o.name = row.name, o.kind = row.kind, o.companyNumber = row.companyNumber,
                          o.source = 'restored-curated', o.asOf = date()""", Map.of("rows", list(root, "organisations"))).consume();
        tx.run("UNWIND $rows AS row MERGE (p:Partnership {id: row.id}) SET p = row", Map.of("rows", list(root, "partnerships"))).consume();
        tx.run("UNWIND $rows AS row MERGE (f:FundingStream {id: row.id}) SET f = row", Map.of("rows", list(root, "fundingStreams"))).consume();
        List<Map<String, Object>> groupings = new ArrayList<>();
        for (JsonNode g : root.get("sectorGroupings")) {
          ObjectNode copy = (ObjectNode) g.deepCopy();
          List<Object> includes = new ArrayList<>();
          copy.remove("$includes").forEach(s -> includes.add(s.asString()));
          groupings.add(Map.of("props", PropertyCodec.decode(copy), "sectors", includes));
        }
        tx.run("""
            UNWIND $rows AS row MERGE (g:SectorGrouping {id: row.props.id}) SET g = row.props
            WITH g, row UNWIND row.sectors AS code MERGE (s:Sector {code: code}) MERGE (g)-[:INCLUDES]->(s)""",
            Map.of("rows", groupings)).consume();
        tx.run("""
            UNWIND $rows AS row MATCH (o:Organisation {id: row.from}), (p:Partnership {id: row.to})
            MERGE (o)-[r:MEMBER_OF]->(p) SET r = row.props""", Map.of("rows", relRows(root, "memberships"))).consume();
        tx.run("""
            UNWIND $rows AS row MATCH (a:Organisation {id: row.from}), (b:Organisation {id: row.to})
            MERGE (a)-[r:SUPPLIES]->(b) SET r = row.props""", Map.of("rows", relRows(root, "supplierLinks"))).consume();
        tx.run("""
            UNWIND $rows AS row MATCH (o:Organisation {id: row.from}), (f:FundingStream {id: row.to})
            MERGE (o)-[r:RECEIVED {id: row.props.id}]->(f) SET r = row.props""", Map.of("rows", relRows(root, "awards"))).consume();
        return null;
      });
    }
    return new Counts(root.get("organisations").size(), root.get("partnerships").size(), root.get("memberships").size(),
        root.get("supplierLinks").size(), root.get("sectorGroupings").size(), root.get("fundingStreams").size(),
        root.get("awards").size());
  }

  private ArrayNode nodes(Session session, String cypher) {
    ArrayNode out = json.createArrayNode();
    session.executeRead(tx -> tx.run(cypher, Map.of("curated", CURATED)).list())
        .forEach(r -> out.add(PropertyCodec.encode(r.get("n").asMap(v -> v))));
    return out;
  }

  private ArrayNode rels(Session session, String cypher) {
    ArrayNode out = json.createArrayNode();
    for (Record r : session.executeRead(tx -> tx.run(cypher, Map.of("curated", CURATED)).list())) {
      ObjectNode row = json.createObjectNode();
      row.put("from", r.get("from").asString());
      row.put("to", r.get("to").asString());
      row.set("props", PropertyCodec.encode(r.get("r").asMap(v -> v)));
      out.add(row);
    }
    return out;
  }

  private static List<Map<String, Object>> list(JsonNode root, String field) {
    List<Map<String, Object>> rows = new ArrayList<>();
    root.get(field).forEach(n -> rows.add(PropertyCodec.decode(n)));
    return rows;
  }

  private static List<Map<String, Object>> relRows(JsonNode root, String field) {
    List<Map<String, Object>> rows = new ArrayList<>();
    root.get(field).forEach(n -> rows.add(Map.of("from", n.get("from").asString(), "to", n.get("to").asString(),
        "props", PropertyCodec.decode(n.get("props")))));
    return rows;
  }

}
