package uk.sectorgraph.model.geography;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.QueryRunner;

/**
 * Each organisation's (district, sector) pairs, kept on the node as {@code o.districtSectors} (keys such as
 * {@code E06000001/20.1}: every local authority it is located in, paired with every sector it operates in
 * and all of that sector's ancestors) and indexed by the full-text index {@value #INDEX}, keyword analyser,
 * one term per key.
 *
 * <p>Why: "organisations in this area and this sector" is the question analysts ask most, and both sides are
 * large (a LEP holds 13,000 organisations at national scale, a SIC division 47,000). Without the keys the
 * answer reads every organisation of the area and its sector links, 40 ms for a LEP; with them it is one
 * index lookup per district that returns exactly the intersection. Range indexes cannot index a list's
 * elements; the full-text index can.
 *
 * <p>The keys are derived from {@code LOCATED_IN} and {@code OPERATES_IN} and the SIC tree, so every writer
 * of either relationship ends its write with {@link #refresh(String)} (or, in the bulk load, computes the
 * same keys with {@link #keys}); {@link #stale} finds organisations whose keys disagree, and every
 * writer's tests run it.
 */
public final class DistrictSectorKeys {

  public static final String PROPERTY = "districtSectors";
  public static final String INDEX = "organisation_district_sectors";

  private static final String DERIVED = """
      COLLECT { MATCH (%1$s)-[:LOCATED_IN]->(la:LocalAuthority)
                MATCH (%1$s)-[:OPERATES_IN]->(:Sector)-[:PART_OF*0..4]->(t:Sector)
                WITH DISTINCT la.code + '/' + t.code AS key RETURN key ORDER BY key }""";

  private static final String STALE = """
      MATCH (o:Organisation) WHERE $ids IS NULL OR o.id IN $ids
      WITH o, coalesce(o.districtSectors, []) AS stored, %s AS derived
      WHERE stored <> derived
      RETURN o.id AS id, stored, derived LIMIT 20
      """.formatted(DERIVED.formatted("o"));

  /** Sector code → that sector's code and its ancestors' codes: what {@link #keys} needs for each code. */
  public static final String LINEAGES = """
      MATCH (s:Sector)
      RETURN s.code AS code, COLLECT { MATCH p = (s)-[:PART_OF*0..4]->(t:Sector) RETURN t.code ORDER BY length(p) } AS lineage
      """;

  private DistrictSectorKeys() {}

  /**
   * The organisations among {@code ids} (every organisation when null) whose keys are not what their
   * relationships say, each as "id stored [...] derived [...]", at most 20. Reads every organisation
   * named: for tests and checks, not for requests.
   */
  public static List<String> stale(QueryRunner graph, List<String> ids) {
    return graph.run(STALE, Collections.singletonMap("ids", ids))
        .list(r -> r.get("id").asString() + " stored " + r.get("stored") + " derived " + r.get("derived"));
  }

  /**
   * Cypher that sets the keys of the organisation bound to {@code variable} from its relationships as they
   * are now: for the end of a statement that wrote its {@code LOCATED_IN} or {@code OPERATES_IN}. A unit
   * subquery, so it neither adds nor removes rows.
   */
  public static String refresh(String variable) {
    return "CALL (" + variable + ") { WITH " + variable + ", " + DERIVED.formatted(variable) + " AS keys SET "
        + variable + ".districtSectors = CASE WHEN size(keys) = 0 THEN null ELSE keys END } ";
  }

  /**
   * The keys {@link #refresh} would write for an organisation in these districts operating in sectors whose
   * lineages (the sector's own code first, then its ancestors) are given, sorted as {@link #refresh}
   * sorts them; null when there are none.
   */
  public static List<String> keys(Collection<String> districts, Collection<String> sectorCodes,
      Map<String, List<String>> lineages) {
    Set<String> keys = new TreeSet<>();
    for (String district : districts) {
      for (String code : sectorCodes) {
        for (String level : lineages.getOrDefault(code, List.of())) {
          keys.add(district + "/" + level);
        }
      }
    }
    return keys.isEmpty() ? null : new ArrayList<>(keys);
  }

  /**
   * A Cypher expression for the Lucene query that matches the key of any district in the list
   * {@code districtsVariable} paired with the sector code {@code sectorCodeExpression}. Every key is a quoted term, with quotes and
   * backslashes escaped, so no value can change the query's structure.
   */
  public static String luceneQuery(String districtsVariable, String sectorCodeExpression) {
    return "reduce(q = '', d IN " + districtsVariable + " | q + ' \"' + " + escaped("d + '/' + " + sectorCodeExpression)
        + " + '\"')";
  }

  private static String escaped(String expression) {
    return "replace(replace(" + expression + ", '\\\\', '\\\\\\\\'), '\"', '\\\\\"')";
  }
}
