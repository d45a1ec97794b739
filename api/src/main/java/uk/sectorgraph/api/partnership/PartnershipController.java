package uk.sectorgraph.api.partnership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.organisation.OrganisationView;
import uk.sectorgraph.api.sector.SectorView;
import uk.sectorgraph.api.store.GraphReads;

/** Partnerships, their members, focus sectors and area. */
@Controller
class PartnershipController {

  private final GraphReads graph;

  PartnershipController(GraphReads graph) {
    this.graph = graph;
  }

  public record MemberView(OrganisationView organisation, PartnershipView partnership, String role, String since) {}

  @QueryMapping
  List<PartnershipView> partnerships() {
    return graph.read("MATCH (p:Partnership) RETURN " + PartnershipView.PROJECTION + " AS p ORDER BY p.name", Map.of())
        .stream().map(r -> PartnershipView.from(r.get("p"))).toList();
  }

  @QueryMapping
  PartnershipView partnership(@Argument String id) {
    return graph.read("MATCH (p:Partnership {id: $id}) RETURN " + PartnershipView.PROJECTION + " AS p", Map.of("id", id))
        .stream().map(r -> PartnershipView.from(r.get("p"))).findFirst().orElse(null);
  }

  @BatchMapping(typeName = "Partnership")
  Map<PartnershipView, List<MemberView>> members(List<PartnershipView> partnerships) {
    Map<String, List<MemberView>> byId = new HashMap<>();
    Map<String, PartnershipView> self = new HashMap<>();
    partnerships.forEach(p -> self.putIfAbsent(p.id(), p));
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (o:Organisation)-[m:MEMBER_OF]->(:Partnership {id: id})
        RETURN id, %s AS o, m.role AS role, toString(m.since) AS since
        ORDER BY CASE m.role WHEN 'LEAD' THEN 0 WHEN 'BOARD' THEN 1 ELSE 2 END, o.name
        """.formatted(OrganisationView.PROJECTION), Map.of("ids", List.copyOf(self.keySet())))) {
      String id = r.get("id").asString();
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(new MemberView(OrganisationView.from(r.get("o")), self.get(id),
          r.get("role").asString(), r.get("since").isNull() ? null : r.get("since").asString()));
    }
    Map<PartnershipView, List<MemberView>> result = new LinkedHashMap<>();
    partnerships.forEach(p -> result.put(p, byId.getOrDefault(p.id(), List.of())));
    return result;
  }

  @BatchMapping(typeName = "Partnership")
  Map<PartnershipView, List<SectorView>> focusSectors(List<PartnershipView> partnerships) {
    List<String> codes = partnerships.stream().flatMap(p -> p.focusSectorCodes().stream()).distinct().toList();
    Map<String, SectorView> byCode = new HashMap<>();
    for (Record r : graph.read("UNWIND $codes AS code MATCH (s:Sector {code: code}) RETURN s", Map.of("codes", codes))) {
      var s = r.get("s");
      byCode.put(s.get("code").asString(), new SectorView(s.get("code").asString(), s.get("name").asString(), s.get("level").asString()));
    }
    Map<PartnershipView, List<SectorView>> result = new LinkedHashMap<>();
    partnerships.forEach(p -> result.put(p, p.focusSectorCodes().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList()));
    return result;
  }

  @BatchMapping(typeName = "Partnership")
  Map<PartnershipView, String> areaName(List<PartnershipView> partnerships) {
    List<String> codes = partnerships.stream().map(PartnershipView::areaCode).filter(java.util.Objects::nonNull).distinct().toList();
    Map<String, String> names = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $codes AS code MATCH (a) WHERE (a:Lep OR a:LocalAuthority) AND a.code = code RETURN code, a.name AS name""",
        Map.of("codes", codes))) {
      names.put(r.get("code").asString(), r.get("name").asString());
    }
    Map<PartnershipView, String> result = new LinkedHashMap<>();
    partnerships.forEach(p -> result.put(p, p.areaCode() == null ? null : names.get(p.areaCode())));
    return result;
  }
}
