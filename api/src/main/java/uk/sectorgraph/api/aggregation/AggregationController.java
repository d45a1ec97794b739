package uk.sectorgraph.api.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.sectorgraph.api.limits.BadInput;
import uk.sectorgraph.api.organisation.OrganisationFilter;
import uk.sectorgraph.api.organisation.OrganisationWhere;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Grouped counts. Each aggregation is exactly one Cypher statement. Organisation counts within an area
 * and sector use the precomputed {@code HAS_FIRMS} / {@code HAS_FIRMS_IN} per-district aggregates, so
 * "companies per division in one LEP" never touches a company node; any other filter counts the
 * matching organisations, starting from the area's districts when an area is given.
 */
@Controller
class AggregationController {

  public record Bucket(String key, String label, int count, Integer employees) {}

  public record FundingBucket(List<String> keys, List<String> labels, int count, double totalGbp) {}

  public record AwardFilter(String funderContains, String programmeContains, String recipientArea,
      String recipientSector, String awardedFrom, String awardedTo, Double amountMin, Double amountMax) {}

  private final GraphReads graph;

  AggregationController(GraphReads graph) {
    this.graph = graph;
  }

  @QueryMapping
  List<Bucket> organisationAggregate(@Argument OrganisationFilter where, @Argument String groupBy) {
    Map<String, Object> params = new HashMap<>();
    String cypher = usesPrecomputed(where, groupBy) ? precomputed(where, groupBy, params)
        : counted(where, groupBy, params);
    List<Bucket> buckets = new ArrayList<>();
    for (Record r : graph.read(cypher, params)) {
      buckets.add(new Bucket(str(r.get("key")), str(r.get("label")), r.get("count").asInt(),
          r.get("employees").isNull() ? null : r.get("employees").asInt()));
    }
    return buckets;
  }

  /** True when the filter is only an area and/or a sector, and the grouping is one the aggregates hold. */
  static boolean usesPrecomputed(OrganisationFilter f, String groupBy) {
    if (!List.of("SECTION", "DIVISION", "INDUSTRY", "LOCAL_AUTHORITY", "LEP").contains(groupBy)) {
      return false;
    }
    return f == null || (f.AND() == null && f.OR() == null && f.NOT() == null && f.idIn() == null
        && f.nameContains() == null && f.nameStartsWith() == null && f.kindIn() == null && f.statusIn() == null
        && f.statusStartsWith() == null && f.primarySectorOnly() == null && f.incorporatedFrom() == null
        && f.incorporatedTo() == null && f.employeesMin() == null && f.employeesMax() == null
        && f.postcodeStartsWith() == null && f.memberOf() == null && f.sample() == null);
  }

  private static String precomputed(OrganisationFilter f, String groupBy, Map<String, Object> params) {
    params.put("area", f == null ? null : f.area());
    params.put("sector", f == null ? null : f.sector());
    StringBuilder c = new StringBuilder("""
        MATCH (la:LocalAuthority)
        WHERE $area IS NULL OR la.code = $area OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $area}) }
        CALL (la) {
        """);
    if ("INDUSTRY".equals(groupBy) && params.get("sector") == null) {
      c.append("MATCH (la)-[h:HAS_FIRMS_IN]->(g:Industry) WITH g.code AS key, g.name AS label, h.companies AS n ");
    } else {
      c.append("MATCH (la)-[h:HAS_FIRMS]->(s:Sector) ")
          .append("WHERE $sector IS NULL OR EXISTS { (s)-[:PART_OF*0..4]->(:Sector {code: $sector}) } ");
      c.append(switch (groupBy) {
        case "SECTION", "DIVISION" -> {
          params.put("level", groupBy);
          yield "UNWIND [(s)-[:PART_OF*0..4]->(g:Sector) WHERE g.level = $level | g] AS g WITH g.code AS key, g.name AS label, h.companies AS n ";
        }
        case "INDUSTRY" -> "UNWIND [(s)-[:MAPS_TO]->(g:Industry) | g] AS g WITH g.code AS key, g.name AS label, h.companies AS n ";
        case "LOCAL_AUTHORITY" -> "WITH la.code AS key, la.name AS label, h.companies AS n ";
        default -> "MATCH (la)-[:IN_LEP]->(g:Lep) WITH g.code AS key, g.name AS label, h.companies AS n ";
      });
    }
    // The per-district subquery and the pattern comprehensions (which walk up from sectors already
    // bound) fix the plan: left to itself, the planner started from the 88 divisions, walked down to
    // every sector and read all 155,000 HAS_FIRMS of the nation for one LEP (0.7 s; now 0.1 s).
    c.append("RETURN key, label, n }\n");
    c.append("WITH key, label, sum(n) AS count WHERE count > 0 RETURN key, label, count, null AS employees ORDER BY count DESC, key");
    return c.toString();
  }

  private static String counted(OrganisationFilter f, String groupBy, Map<String, Object> params) {
    StringBuilder c = new StringBuilder(OrganisationWhere.matchWhere(f, params)).append('\n');
    c.append(switch (groupBy) {
      case "SECTION", "DIVISION" -> {
        params.put("level", groupBy);
        yield "UNWIND [(o)-[:OPERATES_IN {primary: true}]->(:Sector)-[:PART_OF*0..4]->(g:Sector) WHERE g.level = $level | g] AS g "
            + "WITH o, g.code AS key, g.name AS label ";
      }
      case "INDUSTRY" -> "UNWIND [(o)-[:OPERATES_IN {primary: true}]->(:Sector)-[:MAPS_TO]->(g:Industry) | g] AS g "
          + "WITH o, g.code AS key, g.name AS label ";
      case "LOCAL_AUTHORITY" -> "MATCH (o)-[:LOCATED_IN]->(g:LocalAuthority) WITH o, g.code AS key, g.name AS label ";
      case "LEP" -> "MATCH (o)-[:LOCATED_IN]->(:LocalAuthority)-[:IN_LEP]->(g:Lep) WITH o, g.code AS key, g.name AS label ";
      case "STATUS" -> "WITH o, o.status AS key, o.status AS label ";
      case "KIND" -> "WITH o, coalesce(o.kind, 'COMPANY') AS key, coalesce(o.kind, 'COMPANY') AS label ";
      case "INCORPORATION_YEAR" -> "WITH o, toString(o.incorporatedOn.year) AS key, toString(o.incorporatedOn.year) AS label ";
      default -> throw BadInput.error("groupBy", "unknown grouping " + groupBy);
    });
    c.append("RETURN key, label, count(o) AS count, sum(o.employees) AS employees ORDER BY count DESC, key");
    return c.toString();
  }

  @QueryMapping
  List<FundingBucket> fundingAggregate(@Argument List<String> groupBy, @Argument AwardFilter where) {
    if (groupBy == null || groupBy.isEmpty()) {
      throw BadInput.error("groupBy", "name at least one of FUNDER, PROGRAMME, LEP, YEAR");
    }
    List<String> groups = List.copyOf(new LinkedHashSet<>(groupBy));
    Map<String, Object> params = new HashMap<>();
    StringBuilder c = new StringBuilder("MATCH (o:Organisation)-[r:RECEIVED]->(f:FundingStream) WHERE ")
        .append(awardPredicate(where, params)).append('\n');
    List<String> keys = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String g : groups) {
      switch (g) {
        case "FUNDER" -> {
          keys.add("coalesce(f.funderId, f.funder)");
          labels.add("f.funder");
        }
        case "PROGRAMME" -> {
          keys.add("f.id");
          labels.add("f.programme");
        }
        case "LEP" -> {
          c.append("OPTIONAL MATCH (o)-[:LOCATED_IN]->(:LocalAuthority)-[:IN_LEP]->(lep:Lep)\n");
          keys.add("lep.code");
          labels.add("coalesce(lep.name, 'No LEP')");
        }
        case "YEAR" -> {
          keys.add("toString(r.awardedOn.year)");
          labels.add("toString(r.awardedOn.year)");
        }
        default -> throw BadInput.error("groupBy", "unknown grouping " + g);
      }
    }
    c.append("WITH r, [").append(String.join(", ", keys)).append("] AS keys, [").append(String.join(", ", labels))
        .append("] AS labels\nRETURN keys, labels, count(r) AS count, sum(coalesce(r.amountGbp, 0)) AS total ")
        .append("ORDER BY total DESC, count DESC");
    List<FundingBucket> buckets = new ArrayList<>();
    for (Record r : graph.read(c.toString(), params)) {
      buckets.add(new FundingBucket(r.get("keys").asList(AggregationController::str),
          r.get("labels").asList(AggregationController::str), r.get("count").asInt(), r.get("total").asDouble()));
    }
    return buckets;
  }

  private static String awardPredicate(AwardFilter w, Map<String, Object> params) {
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
    if (w.recipientArea() != null) {
      params.put("area", w.recipientArea());
      parts.add(OrganisationWhere.inArea("o", "$area"));
    }
    if (w.recipientSector() != null) {
      params.put("sector", w.recipientSector());
      parts.add(OrganisationWhere.inSector("o", "$sector", false));
    }
    if (w.awardedFrom() != null) {
      params.put("from", BadInput.date(w.awardedFrom(), "where.awardedFrom"));
      parts.add("r.awardedOn >= $from");
    }
    if (w.awardedTo() != null) {
      params.put("to", BadInput.date(w.awardedTo(), "where.awardedTo"));
      parts.add("r.awardedOn <= $to");
    }
    if (w.amountMin() != null) {
      params.put("amountMin", w.amountMin());
      parts.add("r.amountGbp >= $amountMin");
    }
    if (w.amountMax() != null) {
      params.put("amountMax", w.amountMax());
      parts.add("r.amountGbp <= $amountMax");
    }
    return parts.isEmpty() ? "true" : String.join(" AND ", parts);
  }

  private static String str(Value v) {
    return v.isNull() ? null : v.asString();
  }
}
