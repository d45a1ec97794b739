package uk.sectorgraph.api.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.SectorGraphProperties;
import uk.sectorgraph.api.limits.PageSize;
import uk.sectorgraph.api.organisation.FullTextQuery;
import uk.sectorgraph.api.store.GraphReads;

/** One search box over organisations, sectors, LEPs and local authorities, ranked together. */
@Controller
class SearchController {

  record SearchHit(String type, String id, String name, String detail, double score) {}

  private final GraphReads graph;
  private final int maxPageSize;

  SearchController(GraphReads graph, SectorGraphProperties properties) {
    this.graph = graph;
    this.maxPageSize = properties.limits().maxPageSize();
  }

  @QueryMapping
  List<SearchHit> search(@Argument String text, @Argument Integer first) {
    int limit = PageSize.check(first == null ? 10 : first, "first", maxPageSize);
    String query = FullTextQuery.escape(text);
    if (query.isBlank()) {
      return List.of();
    }
    List<SearchHit> hits = new ArrayList<>();
    graph.read("""
        CALL db.index.fulltext.queryNodes('organisation_names', $query) YIELD node, score
        RETURN node.id AS id, node.name AS name, node.kind AS detail, score LIMIT $limit
        """, Map.of("query", query, "limit", limit))
        .forEach(r -> hits.add(new SearchHit("Organisation", r.get("id").asString(), r.get("name").asString(),
            r.get("detail").isNull() ? null : r.get("detail").asString(), r.get("score").asDouble())));
    graph.read("""
        CALL db.index.fulltext.queryNodes('place_and_sector_names', $query) YIELD node, score
        WHERE NOT node:Industry
        RETURN labels(node)[0] AS type, node.code AS id, node.name AS name,
               coalesce(node.level, CASE WHEN node:Lep THEN 'LEP' ELSE 'Local authority' END) AS detail, score
        LIMIT $limit
        """, Map.of("query", query, "limit", limit))
        .forEach(r -> hits.add(new SearchHit(r.get("type").asString(), r.get("id").asString(), r.get("name").asString(),
            r.get("detail").asString(), r.get("score").asDouble())));
    // A place or sector whose name the text matches exactly beats organisations that merely mention it.
    return hits.stream()
        .sorted(Comparator.comparingDouble((SearchHit h) -> -(h.score() * (h.name().equalsIgnoreCase(text.trim()) ? 10 : 1))))
        .limit(limit).toList();
  }
}
