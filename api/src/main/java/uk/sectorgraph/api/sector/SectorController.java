package uk.sectorgraph.api.sector;

import graphql.schema.DataFetchingFieldSelectionSet;
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
import uk.sectorgraph.api.organisation.OrganisationConnection;
import uk.sectorgraph.api.organisation.OrganisationFilter;
import uk.sectorgraph.api.organisation.OrganisationOrder;
import uk.sectorgraph.api.organisation.OrganisationQueries;
import uk.sectorgraph.api.store.GraphReads;

/** The SIC 2007 tree and custom sector groupings. */
@Controller
public class SectorController {

  private final GraphReads graph;
  private final OrganisationQueries organisations;

  SectorController(GraphReads graph, OrganisationQueries organisations) {
    this.graph = graph;
    this.organisations = organisations;
  }

  public record SectorGroupingView(String id, String name, String description) {}

  @QueryMapping
  List<SectorView> sectors(@Argument String level, @Argument String parent) {
    if (parent != null) {
      return list("MATCH (:Sector {code: $parent})<-[:PART_OF]-(s:Sector) RETURN s ORDER BY s.code", Map.of("parent", parent));
    }
    return list("MATCH (s:Sector {level: $level}) RETURN s ORDER BY s.code", Map.of("level", level == null ? "SECTION" : level));
  }

  @QueryMapping
  SectorView sector(@Argument String code) {
    return list("MATCH (s:Sector {code: $code}) RETURN s", Map.of("code", code)).stream().findFirst().orElse(null);
  }

  @QueryMapping
  List<SectorGroupingView> sectorGroupings() {
    return graph.read("MATCH (g:SectorGrouping) RETURN g.id AS id, g.name AS name, g.description AS d ORDER BY g.name", Map.of())
        .stream().map(r -> new SectorGroupingView(r.get("id").asString(), r.get("name").asString(),
            r.get("d").isNull() ? null : r.get("d").asString())).toList();
  }

  @BatchMapping(typeName = "SectorGrouping", field = "sectors")
  Map<SectorGroupingView, List<SectorView>> groupingSectors(List<SectorGroupingView> groupings) {
    Map<String, List<SectorView>> byId = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (:SectorGrouping {id: id})-[:INCLUDES]->(s:Sector)
        RETURN id, s ORDER BY s.code""", Map.of("ids", groupings.stream().map(SectorGroupingView::id).toList()))) {
      byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(view(r));
    }
    Map<SectorGroupingView, List<SectorView>> result = new LinkedHashMap<>();
    groupings.forEach(g -> result.put(g, byId.getOrDefault(g.id(), List.of())));
    return result;
  }

  @BatchMapping(typeName = "Sector")
  Map<SectorView, SectorView> parent(List<SectorView> sectors) {
    Map<String, SectorView> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (:Sector {code: code})-[:PART_OF]->(s:Sector) RETURN code, s""", Map.of("codes", codes(sectors)))) {
      byCode.put(r.get("code").asString(), view(r));
    }
    Map<SectorView, SectorView> result = new LinkedHashMap<>();
    sectors.forEach(s -> result.put(s, byCode.get(s.code())));
    return result;
  }

  @BatchMapping(typeName = "Sector")
  Map<SectorView, List<SectorView>> children(List<SectorView> sectors) {
    Map<String, List<SectorView>> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (:Sector {code: code})<-[:PART_OF]-(s:Sector) RETURN code, s ORDER BY s.code""",
        Map.of("codes", codes(sectors)))) {
      byCode.computeIfAbsent(r.get("code").asString(), k -> new ArrayList<>()).add(view(r));
    }
    Map<SectorView, List<SectorView>> result = new LinkedHashMap<>();
    sectors.forEach(s -> result.put(s, byCode.getOrDefault(s.code(), List.of())));
    return result;
  }

  /** The national total kept by the per-area aggregates, so a section with millions of companies costs no more than a leaf. */
  @BatchMapping(typeName = "Sector")
  Map<SectorView, Integer> organisationCount(List<SectorView> sectors) {
    Map<String, Integer> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code
        MATCH (s:Sector {code: code})
        RETURN code, coalesce(s.companies, 0) AS n""", Map.of("codes", codes(sectors)))) {
      byCode.put(r.get("code").asString(), r.get("n").asInt());
    }
    Map<SectorView, Integer> result = new LinkedHashMap<>();
    sectors.forEach(s -> result.put(s, byCode.getOrDefault(s.code(), 0)));
    return result;
  }

  @SchemaMapping(typeName = "Sector", field = "organisations")
  OrganisationConnection organisations(SectorView sector, @Argument OrganisationFilter where,
      @Argument List<OrganisationOrder> orderBy, @Argument Integer first, @Argument String after,
      @Argument Integer last, @Argument String before,
      DataFetchingFieldSelectionSet selection) {
    return organisations.connection(new OrganisationQueries.Scope(where, sector.code(), null), first, after, last, before, orderBy, selection);
  }

  private List<SectorView> list(String cypher, Map<String, Object> params) {
    return graph.read(cypher, params).stream().map(SectorController::view).toList();
  }

  private static SectorView view(Record r) {
    var s = r.get("s");
    return new SectorView(s.get("code").asString(), s.get("name").asString(), s.get("level").asString());
  }

  private static List<String> codes(List<SectorView> sectors) {
    return sectors.stream().map(SectorView::code).distinct().toList();
  }
}
