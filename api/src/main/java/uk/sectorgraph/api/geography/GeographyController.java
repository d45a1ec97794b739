package uk.sectorgraph.api.geography;

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
import uk.sectorgraph.api.geography.GeographyViews.LepDistrict;
import uk.sectorgraph.api.geography.GeographyViews.LepView;
import uk.sectorgraph.api.geography.GeographyViews.LocalAuthorityView;
import uk.sectorgraph.api.organisation.OrganisationConnection;
import uk.sectorgraph.api.organisation.OrganisationFilter;
import uk.sectorgraph.api.organisation.OrganisationOrder;
import uk.sectorgraph.api.organisation.OrganisationQueries;
import uk.sectorgraph.api.store.GraphReads;

/** LEPs and local authority districts. */
@Controller
class GeographyController {

  private final GraphReads graph;
  private final OrganisationQueries organisations;

  GeographyController(GraphReads graph, OrganisationQueries organisations) {
    this.graph = graph;
    this.organisations = organisations;
  }

  @QueryMapping
  List<LepView> leps() {
    return graph.read("MATCH (l:Lep) RETURN l ORDER BY l.name", Map.of()).stream().map(GeographyController::lep).toList();
  }

  @QueryMapping
  LepView lep(@Argument String code) {
    return graph.read("MATCH (l:Lep {code: $code}) RETURN l", Map.of("code", code)).stream()
        .map(GeographyController::lep).findFirst().orElse(null);
  }

  @QueryMapping
  List<LocalAuthorityView> localAuthorities(@Argument String lep) {
    String cypher = lep == null ? "MATCH (a:LocalAuthority) RETURN a ORDER BY a.name"
        : "MATCH (a:LocalAuthority)-[:IN_LEP]->(:Lep {code: $lep}) RETURN a ORDER BY a.name";
    return graph.read(cypher, lep == null ? Map.of() : Map.of("lep", lep)).stream().map(GeographyController::la).toList();
  }

  @QueryMapping
  LocalAuthorityView localAuthority(@Argument String code) {
    return graph.read("MATCH (a:LocalAuthority {code: $code}) RETURN a", Map.of("code", code)).stream()
        .map(GeographyController::la).findFirst().orElse(null);
  }

  @BatchMapping(typeName = "Lep")
  Map<LepView, List<LepDistrict>> localAuthorities(List<LepView> leps) {
    Map<String, List<LepDistrict>> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (a:LocalAuthority)-[m:IN_LEP]->(:Lep {code: code})
        RETURN code, a, m.share AS share ORDER BY a.name""", Map.of("codes", leps.stream().map(LepView::code).toList()))) {
      byCode.computeIfAbsent(r.get("code").asString(), k -> new ArrayList<>())
          .add(new LepDistrict(la(r), r.get("share").asDouble()));
    }
    Map<LepView, List<LepDistrict>> result = new LinkedHashMap<>();
    leps.forEach(l -> result.put(l, byCode.getOrDefault(l.code(), List.of())));
    return result;
  }

  @BatchMapping(typeName = "LocalAuthority")
  Map<LocalAuthorityView, List<LepView>> leps(List<LocalAuthorityView> areas) {
    Map<String, List<LepView>> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (:LocalAuthority {code: code})-[:IN_LEP]->(l:Lep) RETURN code, l ORDER BY l.name""",
        Map.of("codes", codes(areas)))) {
      byCode.computeIfAbsent(r.get("code").asString(), k -> new ArrayList<>()).add(lep(r));
    }
    Map<LocalAuthorityView, List<LepView>> result = new LinkedHashMap<>();
    areas.forEach(a -> result.put(a, byCode.getOrDefault(a.code(), List.of())));
    return result;
  }

  @BatchMapping(typeName = "LocalAuthority")
  Map<LocalAuthorityView, Integer> organisationCount(List<LocalAuthorityView> areas) {
    Map<String, Integer> byCode = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (a:LocalAuthority {code: code})
        RETURN code, COUNT { (a)<-[:LOCATED_IN]-(:Organisation) } AS n""", Map.of("codes", codes(areas)))) {
      byCode.put(r.get("code").asString(), r.get("n").asInt());
    }
    Map<LocalAuthorityView, Integer> result = new LinkedHashMap<>();
    areas.forEach(a -> result.put(a, byCode.getOrDefault(a.code(), 0)));
    return result;
  }

  @SchemaMapping(typeName = "LocalAuthority", field = "organisations")
  OrganisationConnection organisations(LocalAuthorityView area, @Argument OrganisationFilter where,
      @Argument List<OrganisationOrder> orderBy, @Argument Integer first, @Argument String after,
      @Argument Integer last, @Argument String before,
      DataFetchingFieldSelectionSet selection) {
    return organisations.connection(new OrganisationQueries.Scope(where, null, area.code()), first, after, last, before, orderBy, selection);
  }

  private static List<String> codes(List<LocalAuthorityView> areas) {
    return areas.stream().map(LocalAuthorityView::code).distinct().toList();
  }

  private static LepView lep(Record r) {
    var l = r.get("l");
    return new LepView(l.get("code").asString(), l.get("name").asString(),
        l.get("code2017").isNull() ? null : l.get("code2017").asString());
  }

  private static LocalAuthorityView la(Record r) {
    var a = r.get("a");
    return new LocalAuthorityView(a.get("code").asString(), a.get("name").asString());
  }
}
