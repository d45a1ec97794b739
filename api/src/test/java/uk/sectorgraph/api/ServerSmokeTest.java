package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The server as a newcomer meets it: embedded Neo4j, reference data and the sample region loaded,
 * GraphQL answering the first slice and the analyses over HTTP.
 */
class ServerSmokeTest extends ApiTestSupport {

  JsonNode graphql(String query) {
    return post(ANONYMOUS, query).json();
  }

  @Test
  void aNewcomerFindsASampleCompanyAndItsNetwork() {
    JsonNode result = graphql("""
        { searchOrganisations(text: "seal sands chemicals", first: 1) {
            organisation { id name sample localAuthority { name } suppliers { supplier { name } }
                           memberships { role partnership { name } } } } }""");
    JsonNode organisation = result.at("/data/searchOrganisations/0/organisation");
    assertThat(organisation.get("name").asString()).isEqualTo("Seal Sands Chemicals Ltd (sample)");
    assertThat(organisation.get("sample").asBoolean()).isTrue();
    assertThat(organisation.at("/localAuthority/name").asString()).isEqualTo("Stockton-on-Tees");
    assertThat(organisation.get("suppliers").size()).isGreaterThanOrEqualTo(4);
    assertThat(organisation.at("/memberships/0/role").asString()).isEqualTo("BOARD");
  }

  @Test
  void lepsListTheirLocalAuthoritiesWithShares() {
    JsonNode leps = graphql("{ leps { code name localAuthorities { share localAuthority { code name } } } }").at("/data/leps");
    assertThat(leps.size()).isEqualTo(38);
    JsonNode tees = null;
    for (JsonNode lep : leps) {
      if (lep.get("code").asString().equals("E37000034")) {
        tees = lep;
      }
    }
    assertThat(tees).isNotNull();
    assertThat(tees.get("localAuthorities").size()).isEqualTo(5);
  }

  @Test
  void sectorsStartAtTheTwentyOneSections() {
    JsonNode sectors = graphql("{ sectors { code name children { code } } }").at("/data/sectors");
    assertThat(sectors.size()).isEqualTo(21);
    assertThat(sectors.get(2).get("code").asString()).isEqualTo("C");
    assertThat(sectors.get(2).get("children").size()).isEqualTo(24);
  }

  @Test
  void analysesAnswerOverGraphQl() {
    JsonNode industry = graphql("{ industry(code: \"C20B\") { name outputMultiplier suppliers(first: 3) { coefficient industry { code } } } }")
        .at("/data/industry");
    assertThat(industry.get("outputMultiplier").asDouble()).isGreaterThan(1.0);
    assertThat(industry.get("suppliers").size()).isEqualTo(3);

    JsonNode gaps = graphql("{ partnershipGaps(partnershipId: \"darlington-digital\") { gaps { kind severity sentence } thresholds } }")
        .at("/data/partnershipGaps");
    assertThat(gaps.get("gaps").valueStream().map(g -> g.get("kind").asString())).contains("MISSING_KIND");
    assertThat(gaps.get("thresholds").get("minLocationQuotient").asDouble()).isEqualTo(1.25);

    JsonNode impact = graphql("""
        { supplyChainImpact(input: {area: "E37000034", partnershipId: "tees-valley-clean-industry",
            scenario: {kind: FINAL_DEMAND, industry: "C20B", amountGbpMillion: 10}}) {
            partners { organisation { name } gainGbpMillion why } totalInsideGbpMillion totalOutsideGbpMillion } }""")
        .at("/data/supplyChainImpact");
    assertThat(impact.at("/partners/0/organisation/name").asString()).isEqualTo("Seal Sands Chemicals Ltd (sample)");
    assertThat(impact.at("/partners/0/why").asString()).isNotBlank();
  }

  @Test
  void aBadQueryIsAnErrorAndTheNextQueryStillWorks() {
    JsonNode bad = graphql("{ organisation(id: \"x\") { noSuchField } }");
    assertThat(bad.get("errors").get(0).get("message").asString()).contains("noSuchField");
    JsonNode good = graphql("{ organisation(id: \"GB-SAMPLE-TVCA\") { name } }");
    assertThat(good.at("/data/organisation/name").asString()).isEqualTo("Tees Valley Combined Authority (sample)");
  }
}
