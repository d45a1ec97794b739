package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.sectorgraph.api.organisation.AnchorChoice;
import uk.sectorgraph.api.organisation.OrganisationFilter;

class OrganisationQueryTest extends ApiTestSupport {

  private static final String NESTED = """
      { organisations(where: {area: "E37000034"}, first: 20) {
          edges { node { id name
            sectors { sector { code name } primary }
            localAuthority { code name }
            suppliers { supplier { name } }
            memberships { partnership { name } }
          } } } }""";

  @Test
  void nestedQueryIsFetchedInBatchesWithAPinnedNumberOfStatements() {
    query(NESTED); // the first page of an area also estimates the area's size, kept for a minute (AnchorChoice)
    JsonNode[] data = new JsonNode[1];
    long statements = statementsDuring(() -> data[0] = query(NESTED));
    assertThat(data[0].path("organisations").path("edges").size()).isEqualTo(20);
    // one page + sectors + localAuthority + suppliers + memberships (+ the security lookup is not Cypher)
    assertThat(statements).isLessThanOrEqualTo(5);
  }

  /**
   * totalCount with a page of an anchored match is one statement (the matches are sorted once and the
   * page sliced from them); it must give what asking for each separately gives, on every page.
   */
  @Test
  void totalCountWithAPageIsOneStatementAndAgreesWithEachAskedAlone() {
    String where = "{area: \"E06000002\", statusIn: [\"Active\"]}";
    int total = count(where);
    assertThat(total).isGreaterThan(45);
    String after = null;
    List<String> together = new ArrayList<>();
    List<String> apart = new ArrayList<>();
    for (int pageNo = 0; pageNo < 3; pageNo++) {
      String args = "where: " + where + ", first: 20, orderBy: [{field: NAME}]" + (after == null ? "" : ", after: \"" + after + "\"");
      JsonNode[] both = new JsonNode[1];
      long statements = statementsDuring(() -> both[0] = query("{ organisations(" + args
          + ") { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }")
          .path("organisations"));
      assertThat(statements).isEqualTo(1);
      assertThat(both[0].path("totalCount").asInt()).isEqualTo(total);
      JsonNode alone = query("{ organisations(" + args
          + ") { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }").path("organisations");
      together.add(both[0].path("edges").toString() + both[0].path("pageInfo"));
      apart.add(alone.path("edges").toString() + alone.path("pageInfo"));
      after = alone.path("pageInfo").path("endCursor").asString();
    }
    assertThat(together).isEqualTo(apart);
    assertThat(together.get(2)).contains("\"hasNextPage\":" + (total > 60));
  }

  @Test
  void totalCountAloneRunsExactlyOneStatement() {
    JsonNode[] data = new JsonNode[1];
    long statements = statementsDuring(() -> data[0] = query("{ organisations(where: {area: \"E37000034\"}) { totalCount } }"));
    assertThat(statements).isEqualTo(1);
    assertThat(data[0].path("organisations").path("totalCount").asInt()).isGreaterThan(100);
  }

  @Test
  void areaAsLepIncludesAllItsLocalAuthorities() {
    int lep = count("{area: \"E37000034\"}");
    int sum = 0;
    for (String la : List.of("E06000001", "E06000002", "E06000003", "E06000004", "E06000005")) {
      sum += count("{area: \"" + la + "\"}");
    }
    assertThat(lep).isEqualTo(sum).isGreaterThan(0);
  }

  @Test
  void sectorFilterIncludesSubSectors() {
    int division = count("{sector: \"20\", area: \"E37000034\"}");
    int parts = 0;
    for (String code : List.of("20.1", "20.2", "20.3", "20.4", "20.5", "20.6")) {
      parts += count("{sector: \"" + code + "\", area: \"E37000034\"}");
    }
    assertThat(division).isGreaterThan(0);
    // a firm may declare codes in two groups of division 20, so the groups can add up to more
    assertThat(parts).isGreaterThanOrEqualTo(division);
    assertThat(count("{sector: \"20140\", area: \"E37000034\"}")).isLessThanOrEqualTo(count("{sector: \"20.14\", area: \"E37000034\"}"));
    JsonNode nodes = query("""
        { organisations(where: {sector: "20", area: "E37000034"}, first: 500) { edges { node { sectors { sector { code } } } } } }""")
        .path("organisations").path("edges");
    for (JsonNode edge : nodes) {
      boolean inDivision = false;
      for (JsonNode s : edge.path("node").path("sectors")) {
        inDivision |= s.path("sector").path("code").asString().startsWith("20");
      }
      assertThat(inDivision).isTrue();
    }
  }

  @Autowired
  AnchorChoice anchor;

  static OrganisationFilter areaAndSector(String area, String sector) {
    return new OrganisationFilter(null, null, null, null, null, null, null, null, null, sector, null, area, null, null,
        null, null, null, null, null);
  }

  /**
   * Area and sector together: the match starts from the index of (district, sector) keys, and its pages
   * and counts are those of a plain match over every organisation, at every level of the SIC tree, with
   * primarySectorOnly, for codes that do not exist and for arguments that look like Lucene syntax.
   */
  @Test
  void areaAndSectorTogetherGiveThePlainMatchesOrganisations() {
    record Case(String area, String sector, boolean primaryOnly) {}
    // 20.16 in Stockton-on-Tees: a firm there has it only as a secondary code
    List<Case> cases = List.of(new Case("E37000034", "20", false), new Case("E06000002", "C", false),
        new Case("E37000034", "20", true), new Case("E06000002", "C", true),
        new Case("E06000004", "20.16", false), new Case("E06000004", "20.16", true),
        new Case("E37000034", "20.1", false), new Case("E37000034", "20160", false),
        new Case("E37000034", "99.99", false), new Case("E99999999", "20", false),
        new Case("E37000034", "20\" OR \"E06000001/C", false), new Case("E06000001\" OR *", "C", false));
    List<Integer> sizes = new ArrayList<>();
    for (Case c : cases) {
      List<String> expected = graph.read("""
          MATCH (o:Organisation)
          WHERE EXISTS { (o)-[:LOCATED_IN]->(la:LocalAuthority)
                         WHERE la.code = $area OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $area}) } }
            AND EXISTS { (o)-[op:OPERATES_IN]->(:Sector)-[:PART_OF*0..4]->(:Sector {code: $sector})
                         WHERE op.primary OR NOT $primaryOnly }
          RETURN o.id AS id ORDER BY id""", Map.of("area", c.area(), "sector", c.sector(), "primaryOnly", c.primaryOnly()))
          .stream().map(r -> r.get("id").asString()).toList();
      sizes.add(expected.size());

      JsonNode page = query("query($area: ID, $sector: ID, $primary: Boolean) { organisations(where: {area: $area,"
          + " sector: $sector, primarySectorOnly: $primary}, first: 500) { totalCount edges { node { id } } } }",
          Map.of("area", c.area(), "sector", c.sector(), "primary", c.primaryOnly()))
          .path("organisations");

      assertThat(page.path("totalCount").asInt()).as(c.toString()).isEqualTo(expected.size());
      List<String> ids = new ArrayList<>();
      page.path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
      assertThat(ids).as(c.toString()).isEqualTo(expected);
    }
    assertThat(sizes.subList(0, 4)).allMatch(n -> n > 1);
    assertThat(sizes.get(4)).as("primarySectorOnly leaves out a secondary code").isGreaterThan(sizes.get(5));
    assertThat(sizes.subList(6, 8)).as("a group and a subclass").allMatch(n -> n > 0);
    assertThat(sizes.subList(8, 12)).as("unknown codes and Lucene syntax match nothing").allMatch(n -> n == 0);
  }

  static OrganisationFilter areaOnly(String area) {
    return areaAndSector(area, null);
  }

  /**
   * A page of an area in id order either walks the id index (large areas, early pages) or reads the
   * area and sorts it (AnchorChoice.walkIdOrder); both must give the pages of a plain match, following
   * the cursors to the end.
   */
  @Test
  void pagesOfAnAreaAreTheSameWhetherTheyWalkTheIdIndexOrReadTheArea() {
    // The sample LEP holds about 290 located organisations of 1,787: a page of 5 walks, a page of 150
    // reads the LEP; a district holds about 70, and is read.
    assertThat(anchor.walkIdOrder(areaOnly("E37000034"), 6)).isTrue();
    assertThat(anchor.walkIdOrder(areaOnly("E37000034"), 151)).isFalse();
    assertThat(anchor.walkIdOrder(areaOnly("E06000001"), 6)).isFalse();
    assertThat(anchor.walkIdOrder(areaAndSector("E37000034", "20"), 6)).as("area and nothing else").isFalse();
    for (String area : List.of("E37000034", "E06000001")) {
      List<String> expected = graph.read("""
          MATCH (o:Organisation)
          WHERE EXISTS { (o)-[:LOCATED_IN]->(la:LocalAuthority)
                         WHERE la.code = $area OR EXISTS { (la)-[:IN_LEP]->(:Lep {code: $area}) } }
          RETURN o.id AS id ORDER BY id""", Map.of("area", area)).stream().map(r -> r.get("id").asString()).toList();
      assertThat(expected).hasSizeGreaterThan(60);
      for (int size : new int[] {5, 150}) {
        List<String> ids = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
          JsonNode page = query("{ organisations(where: {area: \"" + area + "\"}, first: " + size
              + (after == null ? "" : ", after: \"" + after + "\"") + ") { totalCount edges { node { id } } "
              + "pageInfo { hasNextPage endCursor } } }").path("organisations");
          assertThat(page.path("totalCount").asInt()).isEqualTo(expected.size());
          page.path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
          more = page.path("pageInfo").path("hasNextPage").asBoolean();
          after = page.path("pageInfo").path("endCursor").asString();
          if (size == 5 && ids.size() >= 60) {
            break; // the walk's early pages; the rest is the size-150 run's
          }
        }
        assertThat(ids).as(area + " by " + size).isEqualTo(size == 5 ? expected.subList(0, ids.size()) : expected);
      }
    }
  }

  @Test
  void andOrNotCombineAsTheySay() {
    int all = count("{area: \"E37000034\"}");
    int chem = count("{area: \"E37000034\", sector: \"20\"}");
    int notChem = count("{area: \"E37000034\", NOT: {sector: \"20\"}}");
    assertThat(chem + notChem).isEqualTo(all);
    int hartlepool = count("{area: \"E06000001\"}");
    int darlington = count("{area: \"E06000005\"}");
    assertThat(count("{OR: [{area: \"E06000001\"}, {area: \"E06000005\"}]}")).isEqualTo(hartlepool + darlington);
    assertThat(count("{AND: [{area: \"E06000001\"}, {area: \"E06000005\"}]}")).isZero();
    assertThat(count("{memberOf: \"tees-valley-clean-industry\", kindIn: [LOCAL_AUTHORITY]}")).isEqualTo(3);
  }

  @Test
  void incorporationDateRangeReturnsOnlyThoseDates() {
    JsonNode edges = query("""
        { organisations(where: {area: "E37000034", incorporatedFrom: "2020-01-01", incorporatedTo: "2021-12-31"}, first: 500) {
            totalCount edges { node { incorporatedOn } } } }""").path("organisations");
    assertThat(edges.path("totalCount").asInt()).isPositive();
    for (JsonNode e : edges.path("edges")) {
      assertThat(e.path("node").path("incorporatedOn").asString()).isBetween("2020-01-01", "2021-12-31");
    }
    Answer bad = post(ANALYST, "{ organisations(where: {incorporatedFrom: \"2020-13-45\"}) { totalCount } }");
    assertThat(bad.firstError()).contains("incorporatedFrom").contains("YYYY-MM-DD");
  }

  @Test
  void cursorPagingForwardsAndBackwardsCoversAllWithoutDuplicates() {
    String where = "{area: \"E06000005\"}";
    int total = count(where);
    List<String> forward = new ArrayList<>();
    String after = null;
    boolean more = true;
    while (more) {
      JsonNode page = query("query($after: String) { organisations(where: " + where + ", first: 7, after: $after, orderBy: [{field: NAME}]) {"
          + " edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after))
          .path("organisations");
      page.path("edges").forEach(e -> forward.add(e.path("node").path("id").asString()));
      more = page.path("pageInfo").path("hasNextPage").asBoolean();
      after = page.path("pageInfo").path("endCursor").asString();
    }
    assertThat(forward).hasSize(total).doesNotHaveDuplicates();

    List<String> backward = new ArrayList<>();
    String before = null;
    boolean previous = true;
    while (previous) {
      JsonNode page = query("query($before: String) { organisations(where: " + where + ", last: 6, before: $before, orderBy: [{field: NAME}]) {"
          + " edges { node { id } } pageInfo { hasPreviousPage startCursor } } }", before == null ? Map.of() : Map.of("before", before))
          .path("organisations");
      List<String> ids = new ArrayList<>();
      page.path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
      backward.addAll(0, ids);
      previous = page.path("pageInfo").path("hasPreviousPage").asBoolean();
      before = page.path("pageInfo").path("startCursor").asString();
    }
    assertThat(backward).isEqualTo(forward);
    Set<String> unique = new HashSet<>(forward);
    assertThat(unique).hasSize(total);
  }

  private int count(String where) {
    return query("{ organisations(where: " + where + ") { totalCount } }").path("organisations").path("totalCount").asInt();
  }
}
