package uk.sectorgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.store.GraphStore;
import uk.sectorgraph.store.StoreSettings;

/**
 * External mode: the Neo4j server (here another embedded DBMS acting as the external server) goes
 * away and comes back. While it is down the API answers with errors and health says DOWN; when it
 * is back the API recovers by itself, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalNeo4jOutageTest {

  static final String PASSWORD = "external-password-1";
  static Path externalDir;
  static int boltPort;
  static GraphStore external;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    externalDir = Files.createTempDirectory("sector-graph-external-");
    boltPort = ServerProcess.freePort();
    external = GraphStore.open(new StoreSettings(externalDir, boltPort, PASSWORD, null, null, null, "64m"));
    registry.add("sectorgraph.data-dir", () -> externalDir.resolveSibling(externalDir.getFileName() + "-app").toString());
    registry.add("sectorgraph.neo4j.uri", () -> "bolt://127.0.0.1:" + boltPort);
    registry.add("sectorgraph.neo4j.password", () -> PASSWORD);
    registry.add("sectorgraph.sample-data", () -> "false");
    registry.add("sectorgraph.load-data-in-background", () -> "false");
    registry.add("sectorgraph.anonymous-reads", () -> "true");
  }

  @AfterAll
  static void stopExternal() {
    if (external != null) {
      external.close();
    }
  }

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theApiReportsAnOutageAndRecoversWhenNeo4jComesBack() throws Exception {
    assertThat(lepCount()).isEqualTo(38);

    external.close();
    external = null;
    HttpResponse<String> during = query("{ leps { code } }");
    assertThat(during.statusCode()).isLessThan(500);
    assertThat(json.readTree(during.body()).has("errors")).isTrue();
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("DOWN");

    external = GraphStore.open(new StoreSettings(externalDir, boltPort, PASSWORD, null, null, null, "64m"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    Integer leps = null;
    while (System.nanoTime() < deadline && leps == null) {
      leps = lepCount();
      Thread.sleep(500);
    }
    assertThat(leps).isEqualTo(38);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }

  private Integer lepCount() throws Exception {
    JsonNode body = json.readTree(query("{ leps { code } }").body());
    return body.has("errors") ? null : body.at("/data/leps").size();
  }

  private HttpResponse<String> query(String query) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
