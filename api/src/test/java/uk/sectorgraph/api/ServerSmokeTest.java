package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server as a newcomer meets it: embedded Neo4j, reference data and the sample region loaded,
 * GraphQL answering the first slice and the analyses over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerSmokeTest {

  static Path dataDir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    dataDir = Files.createTempDirectory("sector-graph-smoke-");
    registry.add("sectorgraph.data-dir", dataDir::toString);
    registry.add("sectorgraph.bolt-port", () -> "0");
    registry.add("sectorgraph.neo4j.password", () -> "smoke-test-password");
  }

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  JsonNode graphql(String query) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/graphql-response+json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("query", query))))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }

  @Test
  void aNewcomerFindsASampleCompanyAndItsNetwork() throws Exception {
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
  void lepsListTheirLocalAuthoritiesWithShares() throws Exception {
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
  void sectorsStartAtTheTwentyOneSections() throws Exception {
    JsonNode sectors = graphql("{ sectors { code name children { code } } }").at("/data/sectors");
    assertThat(sectors.size()).isEqualTo(21);
    assertThat(sectors.get(2).get("code").asString()).isEqualTo("C");
    assertThat(sectors.get(2).get("children").size()).isEqualTo(24);
  }

  @Test
  void analysesAnswerOverGraphQl() throws Exception {
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
  void aBadQueryIsAnErrorAndTheNextQueryStillWorks() throws Exception {
    JsonNode bad = graphql("{ organisation(id: \"x\") { noSuchField } }");
    assertThat(bad.get("errors").get(0).get("message").asString()).contains("noSuchField");
    JsonNode good = graphql("{ organisation(id: \"GB-SAMPLE-TVCA\") { name } }");
    assertThat(good.at("/data/organisation/name").asString()).isEqualTo("Tees Valley Combined Authority (sample)");
  }
}
