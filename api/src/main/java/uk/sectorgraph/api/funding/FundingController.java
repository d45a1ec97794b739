package uk.sectorgraph.api.funding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.SectorGraphProperties;
import uk.sectorgraph.api.limits.BadInput;
import uk.sectorgraph.api.limits.PageSize;
import uk.sectorgraph.api.organisation.OrganisationConnection.PageInfo;
import uk.sectorgraph.api.organisation.OrganisationView;
import uk.sectorgraph.api.store.GraphReads;

/** Funding streams, their awards, and the awards an organisation received (all batched). */
@Controller
class FundingController {

  private final GraphReads graph;
  private final int maxPageSize;

  FundingController(GraphReads graph, SectorGraphProperties properties) {
    this.graph = graph;
    this.maxPageSize = properties.limits().maxPageSize();
  }

  @QueryMapping
  FundingStreamView fundingStream(@Argument String id) {
    return graph.read("MATCH (f:FundingStream {id: $id}) RETURN " + FundingStreamView.PROJECTION + " AS f", Map.of("id", id))
        .stream().findFirst().map(r -> FundingStreamView.from(r.get("f"))).orElse(null);
  }

  @QueryMapping
  FundingStreamConnection fundingStreams(@Argument FundingStreamFilter where, @Argument Integer first,
      @Argument String after, @Argument Integer last, @Argument String before) {
    if (first != null && last != null) {
      throw BadInput.error("last", "use either first or last, not both");
    }
    if (first != null) {
      PageSize.check(first, "first", maxPageSize);
    }
    if (last != null) {
      PageSize.check(last, "last", maxPageSize);
    }
    Map<String, Object> params = new HashMap<>();
    String match = "MATCH (f:FundingStream) WHERE " + predicate(where, params);
    return new FundingStreamConnection(
        () -> graph.read(match + " RETURN count(f) AS n", params).getFirst().get("n").asLong(),
        total -> page(match, params, first, after, last, before, total));
  }

  private FundingStreamConnection.Page page(String match, Map<String, Object> baseParams, Integer first, String after,
      Integer last, String before, java.util.function.LongSupplier total) {
    long start;
    int size;
    if (last != null || (before != null && first == null)) {
      long end = before != null ? FundingStreamConnection.offset(before, "before") : total.getAsLong();
      size = last != null ? last : PageSize.DEFAULT;
      start = Math.max(0, end - size);
      size = (int) (end - start);
    } else {
      start = after != null ? FundingStreamConnection.offset(after, "after") + 1 : 0;
      size = first != null ? first : PageSize.DEFAULT;
    }
    Map<String, Object> params = new HashMap<>(baseParams);
    params.put("skip", start);
    params.put("limit", size + 1);
    List<Record> rows = size == 0 ? List.of() : graph.read(match + " RETURN " + FundingStreamView.PROJECTION
        + " AS f ORDER BY f.opensOn DESC, f.id SKIP $skip LIMIT $limit", params);
    List<FundingStreamConnection.Edge> edges = new ArrayList<>();
    for (int i = 0; i < Math.min(size, rows.size()); i++) {
      edges.add(new FundingStreamConnection.Edge(FundingStreamView.from(rows.get(i).get("f")),
          FundingStreamConnection.cursor(start + i)));
    }
    PageInfo info = new PageInfo(rows.size() > size, start > 0,
        edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
    return new FundingStreamConnection.Page(edges, info);
  }

  @SchemaMapping(typeName = "FundingStreamConnection", field = "totalCount")
  long totalCount(FundingStreamConnection connection) {
    return connection.totalCount();
  }

  /** The filter as a predicate on {@code f}; every value is a parameter. */
  static String predicate(FundingStreamFilter w, Map<String, Object> params) {
    if (w == null) {
      return "true";
    }
    List<String> parts = new ArrayList<>();
    if (w.funderContains() != null) {
      params.put("funder", w.funderContains());
      parts.add("toLower(f.funder) CONTAINS toLower($funder)");
    }
    if (w.programmeContains() != null) {
      params.put("programme", w.programmeContains());
      parts.add("toLower(f.programme) CONTAINS toLower($programme)");
    }
    if (w.eligibleArea() != null) {
      params.put("area", w.eligibleArea());
      parts.add("(size(coalesce(f.eligibleAreas, [])) = 0 OR $area IN f.eligibleAreas OR "
          + "EXISTS { MATCH (:LocalAuthority {code: $area})-[:IN_LEP]->(l:Lep) WHERE l.code IN f.eligibleAreas })");
    }
    if (w.eligibleSector() != null) {
      params.put("sector", w.eligibleSector());
      parts.add("(size(coalesce(f.eligibleSectors, [])) = 0 OR "
          + "EXISTS { MATCH (:Sector {code: $sector})-[:PART_OF*0..4]->(s:Sector) WHERE s.code IN f.eligibleSectors })");
    }
    if (w.amountMin() != null) {
      params.put("amountMin", w.amountMin());
      parts.add("f.amountGbp >= $amountMin");
    }
    if (w.amountMax() != null) {
      params.put("amountMax", w.amountMax());
      parts.add("f.amountGbp <= $amountMax");
    }
    if (w.opensFrom() != null) {
      params.put("opensFrom", BadInput.date(w.opensFrom(), "where.opensFrom"));
      parts.add("f.opensOn >= $opensFrom");
    }
    if (w.opensTo() != null) {
      params.put("opensTo", BadInput.date(w.opensTo(), "where.opensTo"));
      parts.add("f.opensOn <= $opensTo");
    }
    return parts.isEmpty() ? "true" : String.join(" AND ", parts);
  }

  @BatchMapping(typeName = "FundingStream")
  Map<FundingStreamView, List<AwardView>> awards(List<FundingStreamView> streams) {
    Map<String, List<AwardView>> byId = new HashMap<>();
    for (Record r : graph.read("UNWIND $ids AS id MATCH (o:Organisation)-[r:RECEIVED]->(f:FundingStream {id: id}) RETURN id, "
        + AwardView.COLUMNS + " ORDER BY r.awardedOn DESC, r.id",
        Map.of("ids", streams.stream().map(FundingStreamView::id).distinct().toList()))) {
      byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(AwardView.from(r));
    }
    Map<FundingStreamView, List<AwardView>> result = new LinkedHashMap<>();
    streams.forEach(s -> result.put(s, byId.getOrDefault(s.id(), List.of())));
    return result;
  }

  @BatchMapping(typeName = "Organisation", field = "awards")
  Map<OrganisationView, List<AwardView>> organisationAwards(List<OrganisationView> organisations) {
    Map<String, List<AwardView>> byId = new HashMap<>();
    for (Record r : graph.read("UNWIND $ids AS id MATCH (o:Organisation {id: id})-[r:RECEIVED]->(f:FundingStream) RETURN id, "
        + AwardView.COLUMNS + " ORDER BY r.awardedOn DESC, r.id",
        Map.of("ids", organisations.stream().map(OrganisationView::id).distinct().toList()))) {
      byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(AwardView.from(r));
    }
    Map<OrganisationView, List<AwardView>> result = new LinkedHashMap<>();
    organisations.forEach(o -> result.put(o, byId.getOrDefault(o.id(), List.of())));
    return result;
  }
}
