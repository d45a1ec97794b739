package uk.sectorgraph.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import uk.sectorgraph.model.geography.DistrictSectorKeys;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.TestGraph;

/**
 * Test data for importer tests on the shared test DBMS. Reference nodes are MERGEd and marked
 * {@code source: 'import-test'} only when this created them, so cleanup never removes real reference data.
 */
public final class GraphFixtures {

  public static final String TEST_SOURCE = "import-test";
  /** The companies of basic_company_data_sample.csv. */
  public static final List<String> SAMPLE_IDS = List.of("GB-COH-07687209", "GB-COH-12778855", "GB-COH-08209948", "GB-COH-11399177");

  private GraphFixtures() {}

  public static GraphStore store() {
    return TestGraph.store();
  }

  public static Driver driver() {
    return store().driver();
  }

  public static void run(String cypher, Map<String, Object> parameters) {
    try (var session = driver().session()) {
      session.run(cypher, parameters).consume();
    }
  }

  public static void sectors(String... codes) {
    run("UNWIND $codes AS code MERGE (s:Sector {code: code}) ON CREATE SET s.source = $source, s.level = 'SUBCLASS',"
        + " s.name = 'test ' + code", Map.of("codes", List.of(codes), "source", TEST_SOURCE));
  }

  public static void localAuthority(String code) {
    run("MERGE (la:LocalAuthority {code: $code}) ON CREATE SET la.source = $source, la.name = 'test ' + $code",
        Map.of("code", code, "source", TEST_SOURCE));
  }

  public static void postcode(String code, String laCode) {
    run("MERGE (p:Postcode {code: $code}) ON CREATE SET p.source = $source, p.laCode = $la",
        Map.of("code", code, "la", laCode, "source", TEST_SOURCE));
  }

  /** Deletes the given organisations and every node this test support created. */
  public static void cleanUp(List<String> organisationIds) {
    run("MATCH (o:Organisation) WHERE o.id IN $ids DETACH DELETE o", Map.of("ids", organisationIds));
    run("MATCH (n) WHERE (n:Sector OR n:LocalAuthority OR n:Postcode) AND n.source = $source DETACH DELETE n",
        Map.of("source", TEST_SOURCE));
  }

  /**
   * Fails, naming them, when any of these organisations (every organisation when null) has district-sector
   * keys other than its relationships say: every writer of LOCATED_IN or OPERATES_IN must keep them.
   */
  public static void assertDistrictSectorKeysCurrent(List<String> organisationIds) {
    try (var session = driver().session()) {
      org.assertj.core.api.Assertions.assertThat(DistrictSectorKeys.stale(session, organisationIds))
          .as("organisations with stale district-sector keys").isEmpty();
    }
  }

  public static void deletePostcodes(List<String> codes) {
    run("MATCH (p:Postcode) WHERE p.code IN $codes DETACH DELETE p", Map.of("codes", codes));
  }

  /**
   * A canonical text dump of the organisations and all their relationships (type, other end's key,
   * properties), sorted, so two graphs can be compared with one equals.
   */
  public static String dump(List<String> organisationIds) {
    StringBuilder out = new StringBuilder();
    try (var session = driver().session()) {
      session.run("""
          MATCH (o:Organisation) WHERE o.id IN $ids
          OPTIONAL MATCH (o)-[r]->(x)
          WITH o, r, x ORDER BY type(r), coalesce(x.code, x.id)
          RETURN o.id AS id, properties(o) AS props,
                 collect(CASE WHEN r IS NULL THEN null ELSE [type(r), coalesce(x.code, x.id), properties(r)] END) AS rels
          ORDER BY id
          """, Map.of("ids", organisationIds)).forEachRemaining(record -> {
        out.append(record.get("id").asString()).append(' ').append(new TreeMap<>(record.get("props").asMap())).append('\n');
        for (Value rel : record.get("rels").values()) {
          out.append("  ").append(rel.get(0).asString()).append(" -> ").append(rel.get(1).asString()).append(' ')
              .append(new TreeMap<>(rel.get(2).asMap())).append('\n');
        }
      });
    }
    return out.toString();
  }

  public static String resource(String name) {
    try (InputStream in = GraphFixtures.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
