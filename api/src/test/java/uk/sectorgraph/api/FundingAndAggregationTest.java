package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FundingAndAggregationTest extends ApiTestSupport {

  private List<String> streamIds(String where) {
    List<String> ids = new ArrayList<>();
    query("{ fundingStreams(where: " + where + ", first: 50) { edges { node { id } } } }")
        .path("fundingStreams").path("edges").forEach(e -> ids.add(e.path("node").path("id").asString()));
    return ids;
  }

  @Test
  void fundingStreamFiltersReturnWhatTheySay() {
    assertThat(streamIds("{funderContains: \"combined authority\"}")).containsExactly("GB-SAMPLE-TVCA/net-zero-industry-fund");
    assertThat(streamIds("{programmeContains: \"digital\"}")).containsExactly("GB-LAE-SAMPLE-DAL/digital-growth-grants");
    // Hartlepool is in the LEP: LEP-wide streams and streams open anywhere, not Darlington's own
    assertThat(streamIds("{eligibleArea: \"E06000001\"}")).contains("GB-SAMPLE-TVCA/net-zero-industry-fund",
        "GB-SAMPLE-NIA/hydrogen-supply-chain", "GB-SAMPLE-ESIF/ERDF/E37000034").doesNotContain("GB-LAE-SAMPLE-DAL/digital-growth-grants");
    assertThat(streamIds("{eligibleSector: \"20110\"}")).contains("GB-SAMPLE-TVCA/net-zero-industry-fund",
        "GB-SAMPLE-NIA/hydrogen-supply-chain").doesNotContain("GB-LAE-SAMPLE-DAL/digital-growth-grants");
    assertThat(streamIds("{amountMin: 1000000}")).containsExactlyInAnyOrder("GB-SAMPLE-NIA/hydrogen-supply-chain", "GB-SAMPLE-ESIF/ERDF/E37000034");
    assertThat(streamIds("{opensFrom: \"2022-01-01\", opensTo: \"2022-12-31\"}")).containsExactly("GB-LAE-SAMPLE-DAL/digital-growth-grants");
  }

  @Test
  void fundingStreamsPageAndCarryTheirAwards() {
    JsonNode c = query("{ fundingStreams(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id awards { amountGbp organisation { name } } } } } }")
        .path("fundingStreams");
    assertThat(c.path("totalCount").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(c.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    JsonNode nzif = query("{ fundingStream(id: \"GB-SAMPLE-TVCA/net-zero-industry-fund\") { awards { id amountGbp fundingStream { id } organisation { name awards { id } } } } }")
        .path("fundingStream").path("awards");
    assertThat(nzif).hasSize(2);
    assertThat(nzif.path(0).path("organisation").path("awards").size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void personHasRolesAndControls() {
    JsonNode p = query("{ person(id: \"SAMPLE-OFFICER-p12\") { name roles { role organisation { name } } controls { controlled { name } } } }").path("person");
    assertThat(p.path("name").asString()).startsWith("Mark Heslop");
    assertThat(p.path("roles")).hasSize(3);
    assertThat(p.path("controls").isArray()).isTrue();
  }

  @Test
  void corporateOfficerLeadsToTheCompanyItIs(@Autowired uk.sectorgraph.store.GraphStore store) {
    // What the officers importer writes for a corporate secretary registered at Companies House.
    try (var session = store.session()) {
      session.run("""
          MATCH (o:Organisation {id: 'GB-COH-SG000001'})
          MERGE (p:Person {id: 'test-corporate-officer'}) SET p.name = 'A corporate secretary', p.kind = 'CORPORATE'
          MERGE (p)-[:REGISTERED_AS]->(o)""").consume();
    }
    try {
      JsonNode p = query("{ person(id: \"test-corporate-officer\") { kind registeredAs { id } } }").path("person");
      assertThat(p.path("kind").asString()).isEqualTo("CORPORATE");
      assertThat(p.path("registeredAs").path("id").asString()).isEqualTo("GB-COH-SG000001");
      assertThat(query("{ person(id: \"SAMPLE-OFFICER-p12\") { registeredAs { id } } }").path("person").path("registeredAs").isNull())
          .isTrue();
    } finally {
      try (var session = store.session()) {
        session.run("MATCH (p:Person {id: 'test-corporate-officer'}) DETACH DELETE p").consume();
      }
    }
  }

  @Test
  void companiesPerDivisionInTeesValleyIncorporatedSince2020() {
    JsonNode buckets = query("{ organisationAggregate(where: {area: \"E37000034\", incorporatedFrom: \"2020-01-01\"}, groupBy: DIVISION) { key label count employees } }")
        .path("organisationAggregate");
    assertThat(buckets.size()).isPositive();
    int sum = 0;
    for (JsonNode b : buckets) {
      sum += b.path("count").asInt();
      assertThat(b.path("key").asString()).matches("\\d\\d");
    }
    int total = query("{ organisations(where: {area: \"E37000034\", incorporatedFrom: \"2020-01-01\", kindIn: [COMPANY]}) { totalCount } }")
        .path("organisations").path("totalCount").asInt();
    assertThat(sum).isEqualTo(total);
  }

  @Test
  void precomputedAggregatesAgreeWithCountingAndRunOneStatement() {
    for (String groupBy : List.of("DIVISION", "SECTION", "INDUSTRY", "LOCAL_AUTHORITY")) {
      JsonNode[] fast = new JsonNode[1];
      long statements = statementsDuring(() -> fast[0] = query("{ organisationAggregate(where: {area: \"E37000034\"}, groupBy: " + groupBy + ") { key count employees } }"));
      assertThat(statements).isEqualTo(1);
      assertThat(fast[0].path("organisationAggregate").path(0).path("employees").isNull()).isTrue();
      // nameContains "" matches everything but forces the counting path
      JsonNode counted = query("{ organisationAggregate(where: {area: \"E37000034\", kindIn: [COMPANY], nameContains: \"\"}, groupBy: " + groupBy + ") { key count } }");
      assertThat(counts(fast[0])).as(groupBy).isEqualTo(counts(counted));
    }
  }

  @Test
  void otherGroupingsCount() {
    JsonNode kinds = query("{ organisationAggregate(where: {area: \"E37000034\"}, groupBy: KIND) { key count } }").path("organisationAggregate");
    assertThat(counts(kinds)).containsEntry("LOCAL_AUTHORITY", 5).containsEntry("UNIVERSITY", 1);
    assertThat(query("{ organisationAggregate(groupBy: LEP, where: {sector: \"20\"}) { key count } }").toString()).contains("E37000034");
    assertThat(query("{ organisationAggregate(groupBy: INCORPORATION_YEAR, where: {area: \"E06000005\"}) { key count } }")
        .path("organisationAggregate").size()).isPositive();
    assertThat(query("{ organisationAggregate(groupBy: STATUS, where: {area: \"E06000005\"}) { key count } }")
        .path("organisationAggregate").size()).isPositive();
  }

  @Test
  void grantTotalsByFunderAndLep() {
    JsonNode buckets = query("{ fundingAggregate(groupBy: [FUNDER, LEP]) { keys labels count totalGbp } }").path("fundingAggregate");
    double total = 0;
    Map<String, Double> byFunder = new HashMap<>();
    for (JsonNode b : buckets) {
      total += b.path("totalGbp").asDouble();
      byFunder.merge(b.path("keys").path(0).asString(), b.path("totalGbp").asDouble(), Double::sum);
    }
    assertThat(byFunder.get("GB-SAMPLE-TVCA")).isEqualTo(650_000.0);
    assertThat(byFunder.get("GB-SAMPLE-NIA")).isEqualTo(1_350_000.0);
    // the eight sample awards, each recipient in one LEP (or none)
    assertThat(total).isEqualTo(4_160_000.0);
    JsonNode years = query("{ fundingAggregate(groupBy: [YEAR], where: {recipientArea: \"E06000005\"}) { keys count totalGbp } }").path("fundingAggregate");
    assertThat(years.toString()).contains("2022");
  }

  private static Map<String, Integer> counts(JsonNode root) {
    Map<String, Integer> m = new HashMap<>();
    JsonNode list = root.has("organisationAggregate") ? root.path("organisationAggregate") : root;
    list.forEach(b -> m.put(b.path("key").asString(), b.path("count").asInt()));
    return m;
  }
}
