package uk.sectorgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import uk.sectorgraph.api.ApiTestSupport;

/**
 * Every mutation and every upload against every role: anonymous and ANALYST are refused and change
 * nothing; EDITOR (password or API token) and ADMIN get through. The list of mutations is checked
 * against the schema, so a new mutation without an entry here fails this test. Along the way, no
 * password, token or Basic credential may appear in the server's output.
 */
@ExtendWith(OutputCaptureExtension.class)
class RoleMatrixTest extends ApiTestSupport {

  private static final String SUPPLIER = "GB-SAMPLE-TVCA";
  private static final String CUSTOMER = "GB-EDU-SAMPLE-TVU";

  /** One call of each mutation, in an order that works when allowed (create before update and delete). */
  private static Map<String, String> mutations(String tag) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("createPartnership", "mutation { createPartnership(input: {id: \"rm-%s\", name: \"Role matrix %s\", areaCode: \"E37000034\"}) { partnership { id } } }");
    m.put("updatePartnership", "mutation { updatePartnership(input: {id: \"rm-%s\", name: \"Role matrix %s renamed\"}) { partnership { id } } }");
    m.put("addPartnershipMember", "mutation { addPartnershipMember(input: {partnershipId: \"rm-%s\", organisationId: \"" + SUPPLIER + "\", role: \"MEMBER\"}) { membership { role } } } # %s");
    m.put("removePartnershipMember", "mutation { removePartnershipMember(input: {partnershipId: \"rm-%s\", organisationId: \"" + SUPPLIER + "\"}) { deleted } } # %s");
    m.put("addSupplierLink", "mutation { addSupplierLink(input: {supplierId: \"" + SUPPLIER + "\", customerId: \"" + CUSTOMER + "\", what: \"Role matrix %s %s\"}) { __typename } }");
    m.put("removeSupplierLink", "mutation { removeSupplierLink(input: {supplierId: \"" + SUPPLIER + "\", customerId: \"" + CUSTOMER + "\"}) { deleted } } # %s %s");
    m.put("createFundingStream", "mutation { createFundingStream(input: {id: \"rm-fs-%s\", funder: \"Role matrix %s\", programme: \"Test\"}) { fundingStream { id } } }");
    m.put("updateFundingStream", "mutation { updateFundingStream(input: {id: \"rm-fs-%s\", programme: \"Test %s\"}) { fundingStream { id } } }");
    m.put("createSectorGrouping", "mutation { createSectorGrouping(input: {id: \"rm-sg-%s\", name: \"Role matrix %s\", sectors: [\"20\"]}) { sectorGrouping { id } } }");
    m.put("deleteSectorGrouping", "mutation { deleteSectorGrouping(id: \"rm-sg-%s\") { deleted } } # %s");
    m.put("deletePartnership", "mutation { deletePartnership(id: \"rm-%s\") { deleted } } # %s");
    m.replaceAll((name, text) -> text.formatted(tag, tag));
    return m;
  }

  @AfterEach
  void removeWhatTheAllowedRolesCreated() {
    graph.store().driver().executableQuery("""
        MATCH (n) WHERE n.id STARTS WITH 'rm-' DETACH DELETE n
        WITH count(*) AS done
        MATCH (:Organisation {id: $supplier})-[r:SUPPLIES]->(:Organisation {id: $customer}) DELETE r""")
        .withParameters(Map.of("supplier", SUPPLIER, "customer", CUSTOMER)).execute();
  }

  @Test
  void theMatrixCoversEveryMutationInTheSchema() {
    JsonNode fields = query("{ __schema { mutationType { fields { name } } } }").at("/__schema/mutationType/fields");
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(f.get("name").asString()));
    assertThat(names).containsExactlyInAnyOrderElementsOf(mutations("x").keySet());
  }

  @Test
  void anonymousAndAnalystAreRefusedEveryMutationAndNothingChanges() {
    assertThat(linkCount()).as("precondition: no sample link between the two organisations used").isZero();
    long before = curatedCount();
    mutations("refused").forEach((name, mutation) -> {
      assertThat(classification(post(ANONYMOUS, mutation))).as(name + " anonymous").isEqualTo("UNAUTHORIZED");
      assertThat(classification(post(ANALYST, mutation))).as(name + " analyst").isEqualTo("FORBIDDEN");
    });
    assertThat(curatedCount()).isEqualTo(before);
    assertThat(linkCount()).isZero();
  }

  @Test
  void editorsByPasswordOrTokenAndAdminsMayRunEveryMutation() {
    Map<String, String> roles = Map.of("editor", EDITOR, "token", TOKEN, "admin", ADMIN);
    roles.forEach((tag, auth) -> mutations(tag).forEach((name, mutation) ->
        assertThat(post(auth, mutation).errors()).as(name + " as " + tag).isEmpty()));
    assertThat(linkCount()).as("each role removed the link it added").isZero();
  }

  @Test
  void uploadsNeedEditorForSupplierLinksAndAdminForGrants() throws Exception {
    // A header the importers reject: past the role check it is a 400, so nothing is written either way.
    String notCsvOfThatKind = "a,b\n1,2\n";
    for (String path : List.of("/api/uploads/supply-links", "/api/uploads/grants")) {
      assertThat(upload(ANONYMOUS, path, notCsvOfThatKind)).as(path + " anonymous").isEqualTo(401);
      assertThat(upload(ANALYST, path, notCsvOfThatKind)).as(path + " analyst").isEqualTo(403);
      assertThat(upload(ADMIN, path, notCsvOfThatKind)).as(path + " admin").isEqualTo(400);
    }
    assertThat(upload(EDITOR, "/api/uploads/supply-links", notCsvOfThatKind)).isEqualTo(400);
    assertThat(upload(TOKEN, "/api/uploads/supply-links", notCsvOfThatKind)).isEqualTo(400);
    assertThat(upload(EDITOR, "/api/uploads/grants", notCsvOfThatKind)).isEqualTo(403);
    assertThat(upload(TOKEN, "/api/uploads/grants", notCsvOfThatKind)).isEqualTo(403);
  }

  @Test
  void passwordsTokensAndCredentialsNeverReachTheLog(CapturedOutput output) throws Exception {
    post(EDITOR, mutations("log").get("createPartnership"));
    post(basic("editor", "wrong-password-456"), "{ leps { code } }");
    post("Bearer sg_wrong_token_0123456789", "{ leps { code } }");
    post(ANALYST, "mutation { deletePartnership(id: \"rm-log\") { deleted } }");
    upload(ANALYST, "/api/uploads/grants", "a\n");
    org.slf4j.LoggerFactory.getLogger(RoleMatrixTest.class).warn("role-matrix log capture marker");
    String logged = output.getAll();
    assertThat(logged).as("the capture sees the logging pipeline").contains("role-matrix log capture marker");
    for (String secret : List.of(EDITOR_PASSWORD, ANALYST_PASSWORD, "admin-password-123", "wrong-password-456",
        EDITOR_TOKEN, "sg_wrong_token_0123456789", EDITOR.substring("Basic ".length()), ANALYST.substring("Basic ".length()))) {
      assertThat(logged).as("the log").doesNotContain(secret);
    }
  }

  private static String classification(Answer a) {
    return a.errors().path(0).path("extensions").path("classification").asString();
  }

  private long curatedCount() {
    return graph.store().driver().executableQuery("""
        CALL () { MATCH (n) WHERE n.source = 'curated' RETURN count(n) AS nodes }
        CALL () { MATCH ()-[r]->() WHERE r.source = 'curated' RETURN count(r) AS rels }
        RETURN nodes + rels AS n""").execute().records().getFirst().get("n").asLong();
  }

  private long linkCount() {
    return graph.store().driver().executableQuery(
            "MATCH (:Organisation {id: $s})-[r:SUPPLIES]->(:Organisation {id: $c}) RETURN count(r) AS n")
        .withParameters(Map.of("s", SUPPLIER, "c", CUSTOMER)).execute().records().getFirst().get("n").asLong();
  }

  private int upload(String auth, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
