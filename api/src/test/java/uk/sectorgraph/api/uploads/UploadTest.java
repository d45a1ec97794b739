package uk.sectorgraph.api.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.sectorgraph.api.ApiTestSupport;

class UploadTest extends ApiTestSupport {

  static final String LINKS = """
      supplier_id,customer_id,what,value_gbp,source
      GB-COH-SG000001,GB-EDU-SAMPLE-TVU,Upload test reagents,12500,upload test
      GB-COH-SG000001,GB-COH-NOSUCH01,Upload test nothing,10,upload test
      """;

  static final String GRANT = """
      {"grants": [{"id": "360G-upload-test-1", "title": "Upload test grant", "currency": "GBP", "amountAwarded": 5000,
        "awardDate": "2024-05-01T00:00:00+00:00",
        "recipientOrganization": [{"id": "GB-COH-SG000001", "name": "Seal Sands Chemicals Ltd (sample)"}],
        "fundingOrganization": [{"id": "GB-CHC-UPLOADTEST", "name": "Upload Test Foundation"}],
        "grantProgramme": [{"code": "upload-test", "title": "Upload test programme"}]}]}
      """;

  @AfterEach
  void removeUploads() {
    graph.store().driver().executableQuery("""
        MATCH ()-[r:SUPPLIES]->() WHERE r.what STARTS WITH 'Upload test' DELETE r
        WITH count(*) AS done
        MATCH (n) WHERE n.id IN ['GB-CHC-UPLOADTEST'] OR n.id STARTS WITH 'GB-CHC-UPLOADTEST/' DETACH DELETE n""").execute();
  }

  HttpResponse<String> upload(String auth, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEditorUploadsSupplierLinksAndBadRowsAreReportedNotFatal() throws Exception {
    HttpResponse<String> response = upload(EDITOR, "/api/uploads/supply-links", LINKS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode summary = JSON.readTree(response.body());
    assertThat(summary.get("created").asLong()).isEqualTo(1);
    assertThat(summary.get("rejected").asLong()).isEqualTo(1);
    assertThat(summary.get("rejects").toString()).contains("GB-COH-NOSUCH01");
    JsonNode customers = query("{ organisation(id: \"GB-COH-SG000001\") { customers { what } } }");
    assertThat(customers.toString()).contains("Upload test reagents");
  }

  @Test
  void uploadsNeedTheRightRole() throws Exception {
    assertThat(upload(ANONYMOUS, "/api/uploads/supply-links", LINKS).statusCode()).isEqualTo(401);
    assertThat(upload(ANALYST, "/api/uploads/supply-links", LINKS).statusCode()).isEqualTo(403);
    assertThat(upload(EDITOR, "/api/uploads/grants", GRANT).statusCode()).isEqualTo(403);
    HttpResponse<String> admin = upload(ADMIN, "/api/uploads/grants?format=json", GRANT);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    assertThat(JSON.readTree(admin.body()).get("created").asLong()).isPositive();
  }

  @Test
  void aFileOfTheWrongKindIsRefusedWhole() throws Exception {
    HttpResponse<String> response = upload(EDITOR, "/api/uploads/supply-links", "a,b,c\n1,2,3\n");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("supplier_id");
  }
}
