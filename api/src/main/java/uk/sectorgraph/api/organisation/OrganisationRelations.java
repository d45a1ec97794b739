package uk.sectorgraph.api.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.geography.GeographyViews.LocalAuthorityView;
import uk.sectorgraph.api.partnership.PartnershipView;
import uk.sectorgraph.api.sector.SectorView;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Everything hanging off an organisation. Each field is a {@link BatchMapping}: one Cypher statement
 * for all the organisations on a page, never one per organisation (the N+1 problem).
 */
@Controller
public class OrganisationRelations {

  private final GraphReads graph;

  OrganisationRelations(GraphReads graph) {
    this.graph = graph;
  }

  public record SectorLink(SectorView sector, boolean primary) {}

  public record SupplyLink(OrganisationView supplier, OrganisationView customer, String what, Double valueGbp,
      String evidence, String source) {}

  public record PersonView(String id, String name, String kind) {}

  public record OfficerRole(PersonView person, OrganisationView organisation, String role, String appointedOn,
      String resignedOn) {}

  public record Control(PersonView person, OrganisationView owner, OrganisationView controlled,
      List<String> naturesOfControl, Double sharesMin, Double sharesMax, String notifiedOn, String ceasedOn) {}

  public record Membership(OrganisationView organisation, PartnershipView partnership, String role, String since) {}

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, LocalAuthorityView> localAuthority(List<OrganisationView> organisations) {
    Map<String, LocalAuthorityView> byId = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (o:Organisation {id: id})-[:LOCATED_IN]->(a:LocalAuthority)
        RETURN id, a.code AS code, a.name AS name""", Map.of("ids", ids(organisations)))) {
      byId.put(r.get("id").asString(), new LocalAuthorityView(r.get("code").asString(), r.get("name").asString()));
    }
    Map<OrganisationView, LocalAuthorityView> result = new LinkedHashMap<>();
    organisations.forEach(o -> result.put(o, byId.get(o.id())));
    return result;
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<SectorLink>> sectors(List<OrganisationView> organisations) {
    Map<String, List<SectorLink>> byId = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (o:Organisation {id: id})-[r:OPERATES_IN]->(s:Sector)
        RETURN id, s.code AS code, s.name AS name, s.level AS level, coalesce(r.primary, false) AS primary
        ORDER BY primary DESC, code""", Map.of("ids", ids(organisations)))) {
      byId.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(new SectorLink(
          new SectorView(r.get("code").asString(), r.get("name").asString(), r.get("level").asString()),
          r.get("primary").asBoolean()));
    }
    return collect(organisations, byId);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<SupplyLink>> suppliers(List<OrganisationView> organisations) {
    return supplyLinks(organisations, "(other:Organisation)-[r:SUPPLIES]->(o:Organisation {id: id})", true);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<SupplyLink>> customers(List<OrganisationView> organisations) {
    return supplyLinks(organisations, "(o:Organisation {id: id})-[r:SUPPLIES]->(other:Organisation)", false);
  }

  private Map<OrganisationView, List<SupplyLink>> supplyLinks(List<OrganisationView> organisations, String pattern,
      boolean otherSupplies) {
    Map<String, OrganisationView> self = index(organisations);
    Map<String, List<SupplyLink>> byId = new HashMap<>();
    String cypher = "UNWIND $ids AS id MATCH " + pattern + " RETURN id, "
        + OrganisationView.PROJECTION.replace("o {", "other {") + " AS other, r.what AS what, r.valueGbp AS value, "
        + "r.evidence AS evidence, r.source AS source ORDER BY r.valueGbp DESC";
    for (Record r : graph.read(cypher, Map.of("ids", ids(organisations)))) {
      OrganisationView me = self.get(r.get("id").asString());
      OrganisationView other = OrganisationView.from(r.get("other"));
      byId.computeIfAbsent(me.id(), k -> new ArrayList<>()).add(new SupplyLink(
          otherSupplies ? other : me, otherSupplies ? me : other, nullableString(r, "what"),
          r.get("value").isNull() ? null : r.get("value").asDouble(), nullableString(r, "evidence"), nullableString(r, "source")));
    }
    return collect(organisations, byId);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<OfficerRole>> officers(List<OrganisationView> organisations) {
    Map<String, OrganisationView> self = index(organisations);
    Map<String, List<OfficerRole>> byId = new HashMap<>();
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (p:Person)-[r:OFFICER_OF]->(o:Organisation {id: id})
        RETURN id, p.id AS pid, p.name AS name, p.kind AS kind, r.role AS role,
               toString(r.appointedOn) AS appointedOn, toString(r.resignedOn) AS resignedOn
        ORDER BY r.resignedOn IS NOT NULL, name""", Map.of("ids", ids(organisations)))) {
      OrganisationView me = self.get(r.get("id").asString());
      byId.computeIfAbsent(me.id(), k -> new ArrayList<>()).add(new OfficerRole(
          new PersonView(r.get("pid").asString(), r.get("name").asString(), nullableString(r, "kind")), me,
          nullableString(r, "role"), nullableString(r, "appointedOn"), nullableString(r, "resignedOn")));
    }
    return collect(organisations, byId);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<Control>> controlledBy(List<OrganisationView> organisations) {
    return control(organisations, "(x)-[r:CONTROLS]->(o:Organisation {id: id})", true);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<Control>> controls(List<OrganisationView> organisations) {
    return control(organisations, "(o:Organisation {id: id})-[r:CONTROLS]->(x:Organisation)", false);
  }

  private Map<OrganisationView, List<Control>> control(List<OrganisationView> organisations, String pattern, boolean incoming) {
    Map<String, OrganisationView> self = index(organisations);
    Map<String, List<Control>> byId = new HashMap<>();
    String cypher = "UNWIND $ids AS id MATCH " + pattern + """
         RETURN id, x:Person AS isPerson, x {.id, .name, .kind, .companyNumber, .status, .incorporatedOn, .dissolvedOn,
                .postcode, .previousNames, .employees, .sample, .source, .asOf} AS x,
                r.naturesOfControl AS natures, r.sharesMin AS min, r.sharesMax AS max,
                toString(r.notifiedOn) AS notifiedOn, toString(r.ceasedOn) AS ceasedOn
        """;
    for (Record r : graph.read(cypher, Map.of("ids", ids(organisations)))) {
      OrganisationView me = self.get(r.get("id").asString());
      boolean isPerson = r.get("isPerson").asBoolean();
      Map<String, Object> x = r.get("x").asMap();
      PersonView person = isPerson ? new PersonView((String) x.get("id"), (String) x.get("name"), (String) x.get("kind")) : null;
      OrganisationView other = isPerson ? null : OrganisationView.from(r.get("x"));
      List<String> natures = r.get("natures").isNull() ? List.of() : r.get("natures").asList(v -> v.asString());
      Control c = incoming
          ? new Control(person, other, me, natures, dbl(r, "min"), dbl(r, "max"), nullableString(r, "notifiedOn"), nullableString(r, "ceasedOn"))
          : new Control(null, me, other, natures, dbl(r, "min"), dbl(r, "max"), nullableString(r, "notifiedOn"), nullableString(r, "ceasedOn"));
      byId.computeIfAbsent(me.id(), k -> new ArrayList<>()).add(c);
    }
    return collect(organisations, byId);
  }

  @BatchMapping(typeName = "Organisation")
  Map<OrganisationView, List<Membership>> memberships(List<OrganisationView> organisations) {
    Map<String, OrganisationView> self = index(organisations);
    Map<String, List<Membership>> byId = new HashMap<>();
    for (Record r : graph.read("UNWIND $ids AS id MATCH (o:Organisation {id: id})-[m:MEMBER_OF]->(p:Partnership) "
        + "RETURN id, " + PartnershipView.PROJECTION + " AS p, m.role AS role, toString(m.since) AS since ORDER BY p.name",
        Map.of("ids", ids(organisations)))) {
      OrganisationView me = self.get(r.get("id").asString());
      byId.computeIfAbsent(me.id(), k -> new ArrayList<>()).add(new Membership(me,
          PartnershipView.from(r.get("p")), r.get("role").asString(), nullableString(r, "since")));
    }
    return collect(organisations, byId);
  }

  static List<String> ids(List<OrganisationView> organisations) {
    return organisations.stream().map(OrganisationView::id).distinct().toList();
  }

  private static Map<String, OrganisationView> index(List<OrganisationView> organisations) {
    Map<String, OrganisationView> byId = new HashMap<>();
    organisations.forEach(o -> byId.putIfAbsent(o.id(), o));
    return byId;
  }

  private static <T> Map<OrganisationView, List<T>> collect(List<OrganisationView> organisations, Map<String, List<T>> byId) {
    Map<OrganisationView, List<T>> result = new LinkedHashMap<>();
    organisations.forEach(o -> result.put(o, byId.getOrDefault(o.id(), List.of())));
    return result;
  }

  private static String nullableString(Record r, String key) {
    return r.get(key).isNull() ? null : r.get(key).asString();
  }

  private static Double dbl(Record r, String key) {
    return r.get(key).isNull() ? null : r.get(key).asDouble();
  }
}
