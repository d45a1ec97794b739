package uk.sectorgraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.api.security.UserAccounts;
import uk.sectorgraph.api.store.GraphReads;

/**
 * Every API test class extends this, so they all share one Spring context (same properties, so the
 * context cache hands the same one out) and so one embedded Neo4j with the sample region, in one temp
 * directory per JVM. Clients are plain java.net.http, one credential per role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "sectorgraph.bolt-port=0",
    "sectorgraph.neo4j.password=test-password-123",
    "sectorgraph.admin-password=admin-password-123",
    "sectorgraph.sample-data=true",
    "sectorgraph.load-data-in-background=false",
    "logging.level.org.springframework.graphql=WARN"})
public abstract class ApiTestSupport {

  public static final String ANALYST_PASSWORD = "analyst-password-123";
  public static final String EDITOR_PASSWORD = "editor-password-123";
  public static final String EDITOR_TOKEN = "sg_test_editor_token_0123456789";
  public static final String ANONYMOUS = null;
  public static final String ANALYST = basic("analyst", ANALYST_PASSWORD);
  public static final String EDITOR = basic("editor", EDITOR_PASSWORD);
  public static final String ADMIN = basic("admin", "admin-password-123");
  public static final String TOKEN = "Bearer " + EDITOR_TOKEN;
  public static final String LEP = "E37000034";
  public static final String CLEAN_INDUSTRY = "tees-valley-clean-industry";

  private static final Path DATA_DIR = tempDir();
  private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
  private static final String ANALYST_HASH = "{bcrypt}" + BCRYPT.encode(ANALYST_PASSWORD);
  private static final String EDITOR_HASH = "{bcrypt}" + BCRYPT.encode(EDITOR_PASSWORD);

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void perJvm(DynamicPropertyRegistry registry) {
    registry.add("sectorgraph.data-dir", DATA_DIR::toString);
    // a list binds from one property source, so every element of users and tokens is set here
    registry.add("sectorgraph.users[0].name", () -> "analyst");
    registry.add("sectorgraph.users[0].role", () -> "ANALYST");
    registry.add("sectorgraph.users[1].name", () -> "editor");
    registry.add("sectorgraph.users[1].role", () -> "EDITOR");
    registry.add("sectorgraph.tokens[0].name", () -> "ci-editor");
    registry.add("sectorgraph.tokens[0].role", () -> "EDITOR");
    registry.add("sectorgraph.users[0].password-hash", () -> ANALYST_HASH);
    registry.add("sectorgraph.users[1].password-hash", () -> EDITOR_HASH);
    registry.add("sectorgraph.tokens[0].sha256", () -> UserAccounts.sha256(EDITOR_TOKEN));
  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected GraphReads graph;

  /** An HTTP answer: status, content type and the body parsed as JSON (null when it is not JSON). */
  public record Answer(int status, String contentType, String body, JsonNode json) {

    public JsonNode data() {
      return json.path("data");
    }

    public JsonNode errors() {
      return json.path("errors");
    }

    /** The data, after checking there are no errors. */
    public JsonNode ok() {
      assertThat(errors().isMissingNode() || errors().isEmpty()).as("errors in %s", body).isTrue();
      assertThat(status).as(body).isEqualTo(200);
      return data();
    }

    public String firstError() {
      return errors().path(0).path("message").asString();
    }
  }

  protected Answer post(String auth, String query) {
    return post(auth, query, Map.of());
  }

  protected Answer post(String auth, String query, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return postRaw(auth, JSON.writeValueAsString(body));
  }

  protected Answer postRaw(String auth, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/graphql-response+json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, auth);
  }

  protected Answer get(String auth, String query, String variablesJson) {
    String path = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + (variablesJson == null ? "" : "&variables=" + URLEncoder.encode(variablesJson, StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/graphql-response+json").GET(), auth);
  }

  protected Answer getPath(String auth, String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), auth);
  }

  /** Shorthand: run a query as the analyst and return its data, failing on any error. */
  protected JsonNode query(String query) {
    return post(ANALYST, query).ok();
  }

  protected JsonNode query(String query, Map<String, Object> variables) {
    return post(ANALYST, query, variables).ok();
  }

  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Answer send(HttpRequest.Builder request, String auth) {
    if (auth != null) {
      request.header("Authorization", auth);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = null;
      if (type.contains("json")) {
        try {
          json = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
          json = null;
        }
      }
      return new Answer(response.statusCode(), type, response.body(), json == null ? JSON.createObjectNode() : json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Cypher statements the server ran while {@code action} ran. */
  protected long statementsDuring(Runnable action) {
    long before = graph.statementCount();
    action.run();
    return graph.statementCount() - before;
  }

  protected static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sector-graph-api-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
