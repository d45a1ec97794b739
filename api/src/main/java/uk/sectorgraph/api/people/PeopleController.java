package uk.sectorgraph.api.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.organisation.OrganisationRelations.Control;
import uk.sectorgraph.api.organisation.OrganisationRelations.OfficerRole;
import uk.sectorgraph.api.organisation.OrganisationRelations.PersonView;
import uk.sectorgraph.api.organisation.OrganisationView;
import uk.sectorgraph.api.store.GraphReads;

/** A person, the roles they hold and what they control; the lists are batched across people. */
@Controller
class PeopleController {

  private final GraphReads graph;

  PeopleController(GraphReads graph) {
    this.graph = graph;
  }

  @QueryMapping
  PersonView person(@Argument String id) {
    return graph.read("MATCH (p:Person {id: $id}) RETURN p.id AS id, p.name AS name, p.kind AS kind", Map.of("id", id))
        .stream().findFirst().map(PeopleController::person).orElse(null);
  }

  @BatchMapping(typeName = "Person")
  Map<PersonView, List<OfficerRole>> roles(List<PersonView> people) {
    Map<String, List<OfficerRole>> byId = new HashMap<>();
    Map<String, PersonView> self = index(people);
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (:Person {id: id})-[r:OFFICER_OF]->(o:Organisation)
        RETURN id, %s AS o, r.role AS role, toString(r.appointedOn) AS appointedOn, toString(r.resignedOn) AS resignedOn
        ORDER BY r.resignedOn IS NOT NULL, r.appointedOn, o.name""".formatted(OrganisationView.PROJECTION),
        Map.of("ids", List.copyOf(self.keySet())))) {
      String id = r.get("id").asString();
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(new OfficerRole(self.get(id), OrganisationView.from(r.get("o")),
          str(r.get("role")), str(r.get("appointedOn")), str(r.get("resignedOn"))));
    }
    return collect(people, byId);
  }

  @BatchMapping(typeName = "Person")
  Map<PersonView, List<Control>> controls(List<PersonView> people) {
    Map<String, List<Control>> byId = new HashMap<>();
    Map<String, PersonView> self = index(people);
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (:Person {id: id})-[r:CONTROLS]->(o:Organisation)
        RETURN id, %s AS o, r.naturesOfControl AS natures, r.sharesMin AS min, r.sharesMax AS max,
               toString(r.notifiedOn) AS notifiedOn, toString(r.ceasedOn) AS ceasedOn
        ORDER BY o.name""".formatted(OrganisationView.PROJECTION), Map.of("ids", List.copyOf(self.keySet())))) {
      String id = r.get("id").asString();
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(new Control(self.get(id), null, OrganisationView.from(r.get("o")),
          r.get("natures").isNull() ? List.of() : r.get("natures").asList(Value::asString),
          dbl(r.get("min")), dbl(r.get("max")), str(r.get("notifiedOn")), str(r.get("ceasedOn"))));
    }
    return collect(people, byId);
  }

  /** A corporate officer that is itself a UK company: that company. */
  @BatchMapping(typeName = "Person")
  Map<PersonView, OrganisationView> registeredAs(List<PersonView> people) {
    Map<String, OrganisationView> byId = new HashMap<>();
    Map<String, PersonView> self = index(people);
    for (Record r : graph.read("""
        UNWIND $ids AS id MATCH (:Person {id: id})-[:REGISTERED_AS]->(o:Organisation)
        RETURN id, %s AS o""".formatted(OrganisationView.PROJECTION), Map.of("ids", List.copyOf(self.keySet())))) {
      byId.put(r.get("id").asString(), OrganisationView.from(r.get("o")));
    }
    Map<PersonView, OrganisationView> result = new LinkedHashMap<>();
    people.forEach(p -> result.put(p, byId.get(p.id())));
    return result;
  }

  private static PersonView person(Record r) {
    return new PersonView(r.get("id").asString(), r.get("name").isNull() ? r.get("id").asString() : r.get("name").asString(),
        str(r.get("kind")));
  }

  private static Map<String, PersonView> index(List<PersonView> people) {
    Map<String, PersonView> byId = new LinkedHashMap<>();
    people.forEach(p -> byId.putIfAbsent(p.id(), p));
    return byId;
  }

  private static <T> Map<PersonView, List<T>> collect(List<PersonView> people, Map<String, List<T>> byId) {
    Map<PersonView, List<T>> result = new LinkedHashMap<>();
    people.forEach(p -> result.put(p, byId.getOrDefault(p.id(), List.of())));
    return result;
  }

  private static String str(Value v) {
    return v.isNull() ? null : v.asString();
  }

  private static Double dbl(Value v) {
    return v.isNull() ? null : v.asDouble();
  }
}
