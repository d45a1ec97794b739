package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SecurityAndCurationTest extends ApiTestSupport {

  private static final String CREATE = """
      mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) {
        partnership { id name areaCode areaName focusSectors { code } } } }""";

  private Map<String, Object> partnership(String id) {
    return Map.of("input", Map.of("id", id, "name", "Test " + id, "focusSectors", List.of("20", "62"), "areaCode", LEP));
  }

  private void delete(String id) {
    post(EDITOR, "mutation($id: ID!) { deletePartnership(id: $id) { deleted } }", Map.of("id", id)).ok();
  }

  @Test
  void unauthenticatedMutationIsRefused() {
    Answer a = post(ANONYMOUS, CREATE, partnership("anon-attempt"));
    assertThat(a.errors().path(0).path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    assertThat(query("{ partnership(id: \"anon-attempt\") { id } }").path("partnership").isNull()).isTrue();
  }

  @Test
  void analystMutationIsRefused() {
    Answer a = post(ANALYST, CREATE, partnership("analyst-attempt"));
    assertThat(a.errors().path(0).path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
    assertThat(query("{ partnership(id: \"analyst-attempt\") { id } }").path("partnership").isNull()).isTrue();
  }

  @Test
  void editorMayCreateUpdateAndDeleteAPartnershipStampedAsCurated() {
    JsonNode p = post(EDITOR, CREATE, partnership("editor-made")).ok().path("createPartnership").path("partnership");
    assertThat(p.path("areaName").asString()).contains("Tees Valley");
    assertThat(p.path("focusSectors")).hasSize(2);
    var stamp = graph.read("MATCH (p:Partnership {id: 'editor-made'}) RETURN p.source AS s, p.curatedBy AS by, p.asOf AS asOf", Map.of()).getFirst();
    assertThat(stamp.get("s").asString()).isEqualTo("curated");
    assertThat(stamp.get("by").asString()).isEqualTo("editor");
    assertThat(stamp.get("asOf").isNull()).isFalse();
    JsonNode u = post(EDITOR, "mutation { updatePartnership(input: {id: \"editor-made\", name: \"Renamed\", focusSectors: [\"35\"]}) { partnership { name focusSectors { code } } } }").ok();
    assertThat(u.path("updatePartnership").path("partnership").path("name").asString()).isEqualTo("Renamed");
    assertThat(u.path("updatePartnership").path("partnership").path("focusSectors").path(0).path("code").asString()).isEqualTo("35");
    delete("editor-made");
    assertThat(query("{ partnership(id: \"editor-made\") { id } }").path("partnership").isNull()).isTrue();
  }

  @Test
  void apiTokenWorksAndAWrongTokenIs401() {
    JsonNode p = post(TOKEN, CREATE, partnership("token-made")).ok();
    assertThat(p.path("createPartnership").path("partnership").path("id").asString()).isEqualTo("token-made");
    assertThat(graph.read("MATCH (p:Partnership {id: 'token-made'}) RETURN p.curatedBy AS by", Map.of()).getFirst().get("by").asString())
        .isEqualTo("token:ci-editor");
    delete("token-made");
    assertThat(post("Bearer not-a-real-token", "{ leps { code } }").status()).isEqualTo(401);
    assertThat(post(basic("editor", "wrong-password"), "{ leps { code } }").status()).isEqualTo(401);
  }

  @Test
  void membersAndSupplierLinksCanBeAddedAndRemoved() {
    post(EDITOR, CREATE, partnership("members-test")).ok();
    String steel = query("{ organisations(where: {nameContains: \"Teesside Steel\"}, first: 1) { edges { node { id } } } }")
        .path("organisations").path("edges").path(0).path("node").path("id").asString();
    String gas = query("{ organisations(where: {nameContains: \"Greatham Gas\"}, first: 1) { edges { node { id } } } }")
        .path("organisations").path("edges").path(0).path("node").path("id").asString();
    JsonNode m = post(EDITOR, "mutation($o: ID!) { addPartnershipMember(input: {partnershipId: \"members-test\", organisationId: $o, role: \"board\", since: \"2024-05-01\"}) { membership { role since organisation { id } } } }",
        Map.of("o", steel)).ok().path("addPartnershipMember").path("membership");
    assertThat(m.path("role").asString()).isEqualTo("BOARD");
    assertThat(m.path("since").asString()).isEqualTo("2024-05-01");
    assertThat(post(EDITOR, "mutation($o: ID!) { removePartnershipMember(input: {partnershipId: \"members-test\", organisationId: $o}) { deleted } }",
        Map.of("o", steel)).ok().path("removePartnershipMember").path("deleted").asBoolean()).isTrue();
    delete("members-test");

    JsonNode link = post(EDITOR, "mutation($s: ID!, $c: ID!) { addSupplierLink(input: {supplierId: $s, customerId: $c, what: \"Industrial gases\", valueGbp: 1000}) { supplyLink { supplier { id } customer { id } valueGbp source } } }",
        Map.of("s", gas, "c", steel)).ok().path("addSupplierLink").path("supplyLink");
    assertThat(link.path("source").asString()).isEqualTo("curated");
    assertThat(post(EDITOR, "mutation($s: ID!, $c: ID!) { removeSupplierLink(input: {supplierId: $s, customerId: $c}) { deleted } }",
        Map.of("s", gas, "c", steel)).ok().path("removeSupplierLink").path("deleted").asBoolean()).isTrue();
  }

  @Test
  void fundingStreamsAndSectorGroupingsCanBeCurated() {
    JsonNode f = post(EDITOR, """
        mutation { createFundingStream(input: {funder: "Test Funder", programme: "Test Programme", amountGbp: 5000,
          opensOn: "2025-01-01", closesOn: "2025-12-31", eligibleSectors: ["20"], eligibleAreas: ["E37000034"]}) {
          fundingStream { id funder amountGbp source } } }""").ok().path("createFundingStream").path("fundingStream");
    assertThat(f.path("id").asString()).isEqualTo("test-funder/test-programme");
    assertThat(f.path("source").asString()).isEqualTo("curated");
    JsonNode u = post(EDITOR, "mutation { updateFundingStream(input: {id: \"test-funder/test-programme\", amountGbp: 7000}) { fundingStream { amountGbp } } }").ok();
    assertThat(u.path("updateFundingStream").path("fundingStream").path("amountGbp").asDouble()).isEqualTo(7000.0);
    graph.write("MATCH (f:FundingStream {id: 'test-funder/test-programme'}) DETACH DELETE f", Map.of(), r -> r);

    JsonNode g = post(EDITOR, "mutation { createSectorGrouping(input: {name: \"Test Grouping\", sectors: [\"20.11\", \"27900\"]}) { sectorGrouping { id sectors { code } } } }")
        .ok().path("createSectorGrouping").path("sectorGrouping");
    assertThat(g.path("id").asString()).isEqualTo("test-grouping");
    assertThat(g.path("sectors")).hasSize(2);
    assertThat(post(EDITOR, "mutation { deleteSectorGrouping(id: \"test-grouping\") { deleted } }").ok()
        .path("deleteSectorGrouping").path("deleted").asBoolean()).isTrue();
  }

  @Test
  void invalidInputIsABadUserInputErrorNamingTheField() {
    assertField(post(EDITOR, "mutation { addPartnershipMember(input: {partnershipId: \"tees-valley-clean-industry\", organisationId: \"GB-NOPE\", role: \"MEMBER\"}) { membership { role } } }"),
        "input.organisationId", "no organisation");
    String tvca = "GB-SAMPLE-TVCA";
    assertField(post(EDITOR, "mutation { addPartnershipMember(input: {partnershipId: \"tees-valley-clean-industry\", organisationId: \"" + tvca + "\", role: \"CHAIR\"}) { membership { role } } }"),
        "input.role", "LEAD, BOARD or MEMBER");
    assertField(post(EDITOR, "mutation { createPartnership(input: {name: \"   \"}) { partnership { id } } }"), "input.name", "empty");
    assertField(post(EDITOR, "mutation { createFundingStream(input: {funder: \"F\", programme: \"P\", amountGbp: -5}) { fundingStream { id } } }"),
        "input.amountGbp", "negative");
    assertField(post(EDITOR, "mutation { createSectorGrouping(input: {name: \"X\", sectors: [\"20\", \"20.1x\"]}) { sectorGrouping { id } } }"),
        "input.sectors[1]", "SIC");
    assertField(post(EDITOR, "mutation { createFundingStream(input: {funder: \"F\", programme: \"P\", opensOn: \"2025-02-30\"}) { fundingStream { id } } }"),
        "input.opensOn", "YYYY-MM-DD");
  }

  @Test
  void injectionThroughStringArgumentsIsTreatedAsData() {
    long nodes = graph.read("MATCH (n) RETURN count(n) AS n", Map.of()).getFirst().get("n").asLong();
    for (String evil : List.of("x' OR 1=1 //", "\"}) DETACH DELETE n //", "}) DETACH DELETE n //", "' }) MATCH (n) DETACH DELETE n //",
        "Ünïcødé ☃ \u202e rtl", "$p0", "\\u0027")) {
      Answer a = post(ANALYST, "query($t: String, $i: ID) { organisations(where: {nameContains: $t, OR: [{area: $i}, {sector: $i}]}) { totalCount } }",
          Map.of("t", evil, "i", evil));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.data().path("organisations").path("totalCount").asInt()).isZero();
      post(ANALYST, "query($t: String!) { searchOrganisations(text: $t) { score } fundingStreams(where: {funderContains: $t}) { totalCount } }",
          Map.of("t", evil));
      Answer m = post(EDITOR, "mutation($t: ID!) { deletePartnership(id: $t) { deleted } addPartnershipMember(input: {partnershipId: $t, organisationId: $t, role: \"MEMBER\"}) { membership { role } } }",
          Map.of("t", evil));
      assertThat(m.status()).isEqualTo(200);
      assertThat(m.data().path("deletePartnership").path("deleted").asBoolean()).isFalse();
    }
    assertThat(graph.read("MATCH (n) RETURN count(n) AS n", Map.of()).getFirst().get("n").asLong()).isEqualTo(nodes);
    assertThat(query("{ partnership(id: \"tees-valley-clean-industry\") { members { role } } }").path("partnership").path("members").size())
        .isEqualTo(14);
  }

  private static void assertField(Answer a, String field, String text) {
    JsonNode error = a.errors().path(0);
    assertThat(a.status()).isEqualTo(200);
    assertThat(error.path("message").asString()).as(a.body()).contains(text);
    assertThat(error.path("extensions").path("field").asString()).as(a.body()).isEqualTo(field);
    assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
  }
}
