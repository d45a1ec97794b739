package uk.sectorgraph.api.organisation;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import uk.sectorgraph.api.SectorGraphProperties;
import uk.sectorgraph.api.limits.PageSize;
import uk.sectorgraph.api.store.GraphReads;

/** The Cypher behind organisation lookups, search and connections. */
@Component
public class OrganisationQueries {

  /** Which organisations a connection pages over: a filter, optionally inside a sector or an area. */
  public record Scope(OrganisationFilter filter, String sectorCode, String localAuthorityCode) {}

  private final GraphReads graph;
  private final AnchorChoice anchor;
  private final int maxPageSize;

  OrganisationQueries(GraphReads graph, AnchorChoice anchor, SectorGraphProperties properties) {
    this.graph = graph;
    this.anchor = anchor;
    this.maxPageSize = properties.limits().maxPageSize();
  }

  OrganisationView byId(String id) {
    return graph.read("MATCH (o:Organisation {id: $id}) RETURN " + OrganisationView.PROJECTION + " AS o", Map.of("id", id))
        .stream().findFirst().map(r -> OrganisationView.from(r.get("o"))).orElse(null);
  }

  List<Map<String, Object>> search(String text, int first) {
    String query = FullTextQuery.escape(text);
    if (query.isBlank()) {
      return List.of();
    }
    int limit = PageSize.check(first, "first", maxPageSize);
    return graph.read("""
        CALL db.index.fulltext.queryNodes('organisation_names', $query) YIELD node AS o, score
        RETURN %s AS o, score ORDER BY score DESC, o.name LIMIT $limit
        """.formatted(OrganisationView.PROJECTION), Map.of("query", query, "limit", limit))
        .stream().map(r -> Map.<String, Object>of("organisation", OrganisationView.from(r.get("o")),
            "score", r.get("score").asDouble())).toList();
  }

  /**
   * @param selection the connection's selected fields (totalCount and edges together are answered by
   *                  one statement where that is cheaper); null when unknown
   */
  public OrganisationConnection connection(Scope scope, Integer first, String after, Integer last, String before,
      List<OrganisationOrder> orderBy, DataFetchingFieldSelectionSet selection) {
    if (first != null && last != null) {
      throw GraphqlErrorException.newErrorException().message("Use either first or last, not both").build();
    }
    if (first != null) {
      PageSize.check(first, "first", maxPageSize);
    }
    if (last != null) {
      PageSize.check(last, "last", maxPageSize);
    }
    return new OrganisationConnection(this, scope,
        new OrganisationConnection.PageRequest(first, after, last, before, orderBy,
            selection != null && selection.contains("totalCount")
                && (selection.contains("edges") || selection.contains("pageInfo"))));
  }

  long count(Scope scope) {
    Map<String, Object> params = new HashMap<>();
    String match = match(scope, params);
    return graph.read(match + " RETURN count(o) AS n", params).getFirst().get("n").asLong();
  }

  OrganisationConnection.Page page(Scope scope, OrganisationConnection.PageRequest request, LongSupplier total) {
    long start;
    int size;
    if (request.last() != null || (request.before() != null && request.first() == null)) {
      long end = request.before() != null ? OrganisationConnection.offset(request.before(), "before") : total.getAsLong();
      size = request.last() != null ? request.last() : PageSize.DEFAULT;
      start = Math.max(0, end - size);
      size = (int) (end - start);
    } else {
      start = forwardStart(request);
      size = forwardSize(request);
    }
    Map<String, Object> params = new HashMap<>();
    String match = walksIdIndex(scope, request) ? OrganisationWhere.idOrderWalk(scope.filter(), params) : match(scope, params);
    params.put("skip", start);
    params.put("limit", size + 1);
    // Sort and cut the nodes first, then project only the page: projecting every match before sorting
    // cost most of a 13,000-organisation LEP page at national scale.
    List<Record> rows = size == 0 ? List.of() : graph.read(match + " WITH o ORDER BY " + orderBy(request.orderBy())
        + " SKIP $skip LIMIT $limit RETURN " + OrganisationView.PROJECTION + " AS o", params);
    List<Value> nodes = rows.stream().limit(size).map(r -> r.get("o")).toList();
    return pageOf(nodes, start, rows.size() > size);
  }

  private static long forwardStart(OrganisationConnection.PageRequest request) {
    return request.after() != null ? OrganisationConnection.offset(request.after(), "after") + 1 : 0;
  }

  private static int forwardSize(OrganisationConnection.PageRequest request) {
    return request.first() != null ? request.first() : PageSize.DEFAULT;
  }

  /** The edges of projected organisations that start at offset {@code start}, with their page info. */
  private static OrganisationConnection.Page pageOf(List<Value> nodes, long start, boolean hasNext) {
    List<OrganisationConnection.Edge> edges = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      edges.add(new OrganisationConnection.Edge(OrganisationView.from(nodes.get(i)), OrganisationConnection.cursor(start + i)));
    }
    var info = new OrganisationConnection.PageInfo(hasNext, start > 0,
        edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
    return new OrganisationConnection.Page(edges, info);
  }

  /**
   * Whether {@link #pageAndTotal} may answer: a forward page (first/after) of an anchored match (an
   * area, a sector, or a scope), where counting reads the same few thousand organisations the page
   * reads. Unanchored, the count comes from Neo4j's count store and the page from the id index, and
   * collecting every organisation to do both at once would be far slower.
   */
  boolean canCountWithPage(Scope scope, OrganisationConnection.PageRequest request) {
    OrganisationFilter f = scope.filter();
    boolean anchored = scope.sectorCode() != null || scope.localAuthorityCode() != null
        || (f != null && (f.area() != null || f.sector() != null));
    return forward(request) && anchored && !walksIdIndex(scope, request);
  }

  private static boolean forward(OrganisationConnection.PageRequest request) {
    return request.last() == null && request.before() == null;
  }

  /** A forward page in id order of a filter's area that {@link AnchorChoice#walkIdOrder} finds sooner on the id index. */
  private boolean walksIdIndex(Scope scope, OrganisationConnection.PageRequest request) {
    boolean idOrder = request.orderBy() == null || request.orderBy().isEmpty()
        || request.orderBy().equals(List.of(new OrganisationOrder("ID", "ASC")));
    return forward(request) && idOrder && scope.sectorCode() == null && scope.localAuthorityCode() == null
        && anchor.walkIdOrder(scope.filter(), forwardStart(request) + forwardSize(request) + 1);
  }

  record PageAndTotal(OrganisationConnection.Page page, long total) {}

  /** One statement for a page and the total: the matches are sorted once and the page sliced from them. */
  PageAndTotal pageAndTotal(Scope scope, OrganisationConnection.PageRequest request) {
    long start = forwardStart(request);
    int size = forwardSize(request);
    Map<String, Object> params = new HashMap<>();
    String match = match(scope, params);
    params.put("skip", start);
    params.put("end", start + size);
    Record r = graph.read(match + " WITH o ORDER BY " + orderBy(request.orderBy()) + " WITH collect(o) AS matched"
        + " RETURN size(matched) AS total, [o IN matched[$skip..$end] | " + OrganisationView.PROJECTION + "] AS page",
        params).getFirst();
    long total = r.get("total").asLong();
    return new PageAndTotal(pageOf(r.get("page").asList(v -> v), start, start + size < total), total);
  }

  private static String match(Scope scope, Map<String, Object> params) {
    StringBuilder cypher = new StringBuilder();
    if (scope.sectorCode() != null) {
      params.put("scopeSector", scope.sectorCode());
      cypher.append("MATCH (:Sector {code: $scopeSector})<-[:PART_OF*0..4]-(:Sector)<-[:OPERATES_IN]-(o:Organisation) WITH DISTINCT o ");
    } else if (scope.localAuthorityCode() != null) {
      params.put("scopeArea", scope.localAuthorityCode());
      cypher.append("MATCH (:LocalAuthority {code: $scopeArea})<-[:LOCATED_IN]-(o:Organisation) ");
    } else {
      return OrganisationWhere.matchWhere(scope.filter(), params);
    }
    cypher.append("WHERE ").append(OrganisationWhere.of(scope.filter(), params));
    return cypher.toString();
  }

  private static String orderBy(List<OrganisationOrder> orders) {
    List<String> parts = new ArrayList<>();
    if (orders != null) {
      orders.forEach(o -> parts.add(o.cypher()));
    }
    if (parts.stream().noneMatch(p -> p.startsWith("o.id "))) {
      parts.add("o.id"); // ties in a stable order, so that pages neither repeat nor skip
    }
    return String.join(", ", parts);
  }
}
