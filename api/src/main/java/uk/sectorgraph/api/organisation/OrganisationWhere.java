package uk.sectorgraph.api.organisation;

import graphql.GraphqlErrorException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.sectorgraph.model.geography.DistrictSectorKeys;

/**
 * Turns an {@link OrganisationFilter} into a Cypher predicate on {@code o}. User values only ever
 * become parameters (named p0, p1, ... here); the predicate text is built from fixed fragments.
 */
public final class OrganisationWhere {

  private final Map<String, Object> parameters;
  private int next;

  private OrganisationWhere(Map<String, Object> parameters) {
    this.parameters = parameters;
  }

  /** @return a predicate ("true" when there is no filter); parameters are added to {@code parameters}. */
  public static String of(OrganisationFilter filter, Map<String, Object> parameters) {
    return filter == null ? "true" : new OrganisationWhere(parameters).predicate(filter, "where");
  }

  /**
   * {@link #anchoredMatch} followed by the WHERE that completes it, leaving out the top-level area and
   * sector conditions the anchor already enforces exactly (re-testing them cost a third of a district
   * page at national scale). A sector with {@code primarySectorOnly} is still tested: the anchor follows
   * every OPERATES_IN.
   */
  public static String matchWhere(OrganisationFilter filter, Map<String, Object> params) {
    String match = anchoredMatch(filter, params);
    if (filter == null) {
      return match + "WHERE true";
    }
    boolean areaDone = filter.area() != null;
    boolean sectorDone = filter.sector() != null && !Boolean.TRUE.equals(filter.primarySectorOnly());
    return match + "WHERE " + new OrganisationWhere(params).predicate(filter, "where", areaDone, sectorDone);
  }

  /**
   * The filter's match, walking the organisation id index in order and testing the area on the way: for
   * a page in id order of a large area, which stops after a few hundred organisations where reading the
   * area reads thousands ({@link AnchorChoice#walkIdOrder} says when). Only for a statement that orders
   * by {@code o.id} and has a LIMIT: the index hint keeps the planner on the ordered walk, and without a
   * limit it would pass every organisation.
   */
  static String idOrderWalk(OrganisationFilter filter, Map<String, Object> params) {
    params.put("anchorArea", filter.area());
    return "MATCH (la:LocalAuthority) WHERE " + districtOf("la", "$anchorArea") + " WITH collect(la) AS anchorDistricts "
        + "MATCH (o:Organisation) USING INDEX o:Organisation(id) WHERE o.id IS NOT NULL "
        + "AND EXISTS { (o)-[:LOCATED_IN]->(d) WHERE d IN anchorDistricts } "
        + "AND " + new OrganisationWhere(params).predicate(filter, "where", true, false);
  }

  /**
   * {@code MATCH ... (o:Organisation)}: where a filtered match starts. At national scale a scan of
   * every organisation costs seconds, so a top-level area or sector condition (one every result must
   * meet) becomes the starting point: the area's local authorities, the sector's subtree, or, when the
   * filter names both, the index of (district, sector) keys. The rest of the filter applies afterwards
   * ({@link #matchWhere}); the anchor enforces exactly the conditions it stands for.
   */
  private static String anchoredMatch(OrganisationFilter filter, Map<String, Object> params) {
    String area = filter == null ? null : filter.area();
    String sector = filter == null ? null : filter.sector();
    if (area != null) {
      params.put("anchorArea", area);
    }
    if (sector != null) {
      params.put("anchorSector", sector);
    }
    if (area != null && sector != null) {
      // Both: one full-text lookup of the key "district/sector" per district of the area returns exactly
      // the organisations in both (DistrictSectorKeys). Starting from either side read the whole of it:
      // a LEP page for a SIC division with its count took 40 ms at national scale, reading 13,000
      // organisations for 713. The keys are built from the graph's own codes, never from the arguments.
      return "MATCH (sec:Sector {code: $anchorSector}) "
          + "MATCH (la:LocalAuthority) WHERE " + districtOf("la", "$anchorArea") + " "
          + "WITH sec, collect(la.code) AS districts "
          + "CALL db.index.fulltext.queryNodes('" + DistrictSectorKeys.INDEX + "', "
          + DistrictSectorKeys.luceneQuery("districts", "sec.code") + ") YIELD node AS o WITH o ";
    }
    if (area != null) {
      return "MATCH (la:LocalAuthority) WHERE " + districtOf("la", "$anchorArea") + " "
          + "MATCH (la)<-[:LOCATED_IN]-(o:Organisation) WITH DISTINCT o ";
    }
    if (sector != null) {
      return "MATCH (:Sector {code: $anchorSector})<-[:PART_OF*0..4]-(:Sector)<-[:OPERATES_IN]-(o:Organisation) WITH DISTINCT o ";
    }
    return "MATCH (o:Organisation) ";
  }

  /**
   * Organisation {@code o} operates in sector {@code code} or one of its sub-sectors. Walks up from
   * o's own sectors (a handful of rows): written as EXISTS, the planner started from the sector and
   * walked down its whole subtree for every organisation, 2.3M db hits for one LEP page at national
   * scale against 0.1M this way.
   */
  public static String inSector(String o, String code, boolean primaryOnly) {
    return code + " IN COLLECT { MATCH (" + o + ")-[:OPERATES_IN" + (primaryOnly ? " {primary: true}" : "")
        + "]->(:Sector)-[:PART_OF*0..4]->(t:Sector) RETURN t.code }";
  }

  /** Organisation {@code o} is located in area {@code code}: that district, or a district of that LEP. */
  public static String inArea(String o, String code) {
    return "EXISTS { (" + o + ")-[:LOCATED_IN]->(la:LocalAuthority) WHERE " + districtOf("la", code) + " }";
  }

  /** District {@code la} is area {@code code}, or lies in it (a LEP). */
  static String districtOf(String la, String code) {
    return la + ".code = " + code + " OR EXISTS { (" + la + ")-[:IN_LEP]->(:Lep {code: " + code + "}) }";
  }

  private String predicate(OrganisationFilter f, String path) {
    return predicate(f, path, false, false);
  }

  private String predicate(OrganisationFilter f, String path, boolean areaDone, boolean sectorDone) {
    List<String> parts = new ArrayList<>();
    if (f.AND() != null) {
      for (int i = 0; i < f.AND().size(); i++) {
        parts.add(predicate(f.AND().get(i), path + ".AND[" + i + "]"));
      }
    }
    if (f.OR() != null && !f.OR().isEmpty()) {
      List<String> any = new ArrayList<>();
      for (int i = 0; i < f.OR().size(); i++) {
        any.add(predicate(f.OR().get(i), path + ".OR[" + i + "]"));
      }
      parts.add("(" + String.join(" OR ", any) + ")");
    }
    if (f.NOT() != null) {
      parts.add("NOT (" + predicate(f.NOT(), path + ".NOT") + ")");
    }
    if (f.idIn() != null) {
      parts.add("o.id IN " + param(f.idIn()));
    }
    if (f.nameContains() != null) {
      parts.add("toLower(o.name) CONTAINS toLower(" + param(f.nameContains()) + ")");
    }
    if (f.nameStartsWith() != null) {
      parts.add("toLower(o.name) STARTS WITH toLower(" + param(f.nameStartsWith()) + ")");
    }
    if (f.kindIn() != null) {
      parts.add("o.kind IN " + param(f.kindIn()));
    }
    if (f.statusIn() != null) {
      parts.add("o.status IN " + param(f.statusIn()));
    }
    if (f.statusStartsWith() != null) {
      parts.add("o.status STARTS WITH " + param(f.statusStartsWith()));
    }
    if (f.sector() != null && !sectorDone) {
      String code = param(f.sector());
      parts.add(inSector("o", code, Boolean.TRUE.equals(f.primarySectorOnly())));
    }
    if (f.area() != null && !areaDone) {
      String code = param(f.area());
      parts.add(inArea("o", code));
    }
    if (f.incorporatedFrom() != null) {
      parts.add("o.incorporatedOn >= " + param(date(f.incorporatedFrom(), path + ".incorporatedFrom")));
    }
    if (f.incorporatedTo() != null) {
      parts.add("o.incorporatedOn <= " + param(date(f.incorporatedTo(), path + ".incorporatedTo")));
    }
    if (f.employeesMin() != null) {
      parts.add("o.employees >= " + param(f.employeesMin()));
    }
    if (f.employeesMax() != null) {
      parts.add("o.employees <= " + param(f.employeesMax()));
    }
    if (f.postcodeStartsWith() != null) {
      parts.add("o.postcode STARTS WITH toUpper(" + param(f.postcodeStartsWith()) + ")");
    }
    if (f.memberOf() != null) {
      parts.add("EXISTS { (o)-[:MEMBER_OF]->(:Partnership {id: " + param(f.memberOf()) + "}) }");
    }
    if (f.sample() != null) {
      parts.add("coalesce(o.sample, false) = " + param(f.sample()));
    }
    return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
  }

  private String param(Object value) {
    String name = "p" + next++;
    parameters.put(name, value);
    return "$" + name;
  }

  private static LocalDate date(String text, String path) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw GraphqlErrorException.newErrorException()
          .message(path + ": '" + text + "' is not a date in the form YYYY-MM-DD").build();
    }
  }
}
