package uk.sectorgraph.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Curated data is what people type in by hand, so none of it may be lost: writes stream in, the
 * server is killed with SIGKILL mid-stream, and after a restart every acknowledged write is there.
 */
class AcknowledgedWritesSurviveKillTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
    Path dataDir = Files.createTempDirectory("sector-graph-kill-");
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    try (ServerProcess server = new ServerProcess(dataDir)) {
      server.start(Map.of("SECTORGRAPH_SAMPLE_DATA", "false"));
      AtomicBoolean running = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        for (int i = 0; running.get() && i < 5_000; i++) {
          String id = "kill-test-" + i;
          try {
            JsonNode reply = graphql(server, "mutation($id: ID!, $name: String!) { createPartnership(input: {id: $id, name: $name}) { __typename } }",
                Map.of("id", id, "name", "Kill test " + i), true);
            if (reply != null && !reply.has("errors")) {
              acknowledged.add(id);
            }
          } catch (Exception serverGone) {
            return;
          }
        }
      });
      writer.start();
      while (acknowledged.size() < 40 && writer.isAlive()) {
        Thread.sleep(50);
      }
      server.kill();
      running.set(false);
      writer.join();
      assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);

      server.start(Map.of("SECTORGRAPH_SAMPLE_DATA", "false"));
      JsonNode partnerships = graphql(server, "{ partnerships { id } }", Map.of(), false).at("/data/partnerships");
      List<String> present = new ArrayList<>();
      partnerships.forEach(p -> present.add(p.get("id").asString()));
      assertThat(present).containsAll(acknowledged);
      JsonNode health = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(server.uri("/actuator/health")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(health.get("status").asString()).isEqualTo("UP");
    }
  }

  private JsonNode graphql(ServerProcess server, String query, Map<String, Object> variables, boolean admin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
    if (admin) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          ("admin:" + ServerProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }
}
