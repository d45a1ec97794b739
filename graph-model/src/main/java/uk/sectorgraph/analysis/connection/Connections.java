package uk.sectorgraph.analysis.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import uk.sectorgraph.analysis.area.GraphReads;
import uk.sectorgraph.store.GraphStore;

/**
 * How two organisations are connected: all shortest paths through supply, control, shared officers
 * (Person OFFICER_OF both), shared partnerships (MEMBER_OF the same one) and shared funding (RECEIVED
 * the same stream). Hops count relationships, so a shared officer is two hops.
 */
public final class Connections {

  public static final int MAX_HOPS = 6;
  public static final int DEFAULT_LIMIT = 25;
  public static final List<String> RELATIONSHIP_TYPES = List.of("SUPPLIES", "CONTROLS", "OFFICER_OF", "MEMBER_OF", "RECEIVED");

  // A variable-length bound cannot be a Cypher parameter; one fixed query per allowed bound keeps
  // every user value in parameters.
  private static final String[] QUERIES = new String[MAX_HOPS + 1];

  static {
    for (int hops = 1; hops <= MAX_HOPS; hops++) {
      QUERIES[hops] = """
          MATCH (a:Organisation {id: $from}), (b:Organisation {id: $to})
          MATCH path = allShortestPaths((a)-[:SUPPLIES|CONTROLS|OFFICER_OF|MEMBER_OF|RECEIVED*..%d]-(b))
          RETURN [n IN nodes(path) | {id: n.id, label: head(labels(n)), name: coalesce(n.name, n.programme, n.id)}] AS nodes,
                 [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS steps
          LIMIT $limit
          """.formatted(hops);
    }
  }

  private final GraphReads reads;

  public Connections(GraphStore store) {
    this.reads = new GraphReads(store);
  }

  /** Up to {@value #DEFAULT_LIMIT} shortest connections of at most {@code maxHops} (1..6) relationships. */
  public ConnectionResult between(String fromOrgId, String toOrgId, int maxHops) {
    return between(fromOrgId, toOrgId, maxHops, DEFAULT_LIMIT);
  }

  public ConnectionResult between(String fromOrgId, String toOrgId, int maxHops, int limit) {
    if (maxHops < 1 || maxHops > MAX_HOPS) {
      throw new IllegalArgumentException("maxHops must be 1.." + MAX_HOPS + ", was " + maxHops);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    if (fromOrgId.equals(toOrgId)) {
      throw new IllegalArgumentException("an organisation is not connected to itself by a path");
    }
    List<ConnectionPath> paths = new ArrayList<>();
    for (Record r : reads.read(QUERIES[maxHops], Map.of("from", fromOrgId, "to", toOrgId, "limit", limit))) {
      List<PathNode> nodes = r.get("nodes").asList(v -> new PathNode(v.get("id").asString(null),
          v.get("label").asString(null), v.get("name").asString(null)));
      List<PathStep> steps = new ArrayList<>();
      List<Value> rels = r.get("steps").values() instanceof Iterable<Value> it ? toList(it) : List.of();
      for (int i = 0; i < rels.size(); i++) {
        Value s = rels.get(i);
        String from = s.get("from").asString(null);
        steps.add(new PathStep(s.get("type").asString(), from, s.get("to").asString(null),
            from != null && from.equals(nodes.get(i).id())));
      }
      paths.add(new ConnectionPath(nodes, steps));
    }
    return new ConnectionResult(fromOrgId, toOrgId, maxHops, limit, RELATIONSHIP_TYPES, paths);
  }

  private static List<Value> toList(Iterable<Value> values) {
    List<Value> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }
}
