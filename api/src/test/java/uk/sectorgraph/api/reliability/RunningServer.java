package uk.sectorgraph.api.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.sectorgraph.api.SectorGraphApplication;

/**
 * One real server in this JVM for tests that are not JUnit Jupiter classes (jqwik properties,
 * benchmarks), started on first use with the sample region and stopped at JVM exit.
 */
final class RunningServer {

  static final String ADMIN_PASSWORD = "admin-password-123";
  /**
   * Writes go with an ADMIN API token: HTTP Basic costs a BCrypt check per request (tens of ms of CPU
   * by design), which would make a load test measure password hashing instead of the API.
   */
  static final String ADMIN_TOKEN = "bench-admin-token-0123456789";
  private static RunningServer instance;
  private final ConfigurableApplicationContext context;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonMapper json = JsonMapper.builder().build();

  private RunningServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static synchronized RunningServer get() throws Exception {
    if (instance == null) {
      // A benchmark can point at a prepared store (e.g. a national-scale synthetic import).
      String dataDir = System.getProperty("bench.dataDir", Files.createTempDirectory("sector-graph-running-").toString());
      // Command-line arguments: application.properties would override builder "default properties".
      ConfigurableApplicationContext context = new SpringApplicationBuilder(SectorGraphApplication.class).run(
          "--sectorgraph.data-dir=" + dataDir,
          "--sectorgraph.bolt-port=0",
          "--server.port=0",
          "--sectorgraph.neo4j.password=" + System.getProperty("bench.neo4jPassword", "running-password-1"),
          "--sectorgraph.admin-password=" + ADMIN_PASSWORD,
          "--sectorgraph.tokens[0].name=running-server",
          "--sectorgraph.tokens[0].sha256=" + sha256(ADMIN_TOKEN),
          "--sectorgraph.tokens[0].role=ADMIN",
          "--sectorgraph.load-data-in-background=false");
      instance = new RunningServer(context);
      Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
    return instance;
  }

  HttpResponse<String> graphql(String query, Map<String, Object> variables, boolean asAdmin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
        .header("Content-Type", "application/json")
        .header("Accept", "application/graphql-response+json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
    if (asAdmin) {
      request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(String token) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  long count(String cypher) {
    var store = context.getBean(uk.sectorgraph.store.GraphStore.class);
    return store.driver().executableQuery(cypher).execute().records().getFirst().get(0).asLong();
  }

  JsonMapper json() {
    return json;
  }
}
