package uk.sectorgraph.api.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server in a child JVM (same classpath as the tests), so that a test can kill it with
 * SIGKILL and start it again on the same data directory, as an operator's machine would.
 */
final class ServerProcess implements AutoCloseable {

  static final String ADMIN_PASSWORD = "admin-password-123";
  static final String NEO4J_PASSWORD = "process-test-password";
  private final Path dataDir;
  private final int httpPort;
  private final int boltPort;
  private final Path log;
  private Process process;

  ServerProcess(Path dataDir) throws IOException {
    this(dataDir, dataDir.resolveSibling(dataDir.getFileName() + "-server.log"));
  }

  /** With the log elsewhere, for a data directory on a disk that fills up or turns read-only. */
  ServerProcess(Path dataDir, Path log) throws IOException {
    this.dataDir = dataDir;
    this.httpPort = freePort();
    this.boltPort = freePort();
    this.log = log;
  }

  ServerProcess start(Map<String, String> extraEnvironment) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "uk.sectorgraph.api.SectorGraphApplication"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(Map.of(
        "SECTORGRAPH_DATA_DIR", dataDir.toString(),
        "SERVER_PORT", String.valueOf(httpPort),
        "SECTORGRAPH_BOLT_PORT", String.valueOf(boltPort),
        "SECTORGRAPH_NEO4J_PASSWORD", NEO4J_PASSWORD,
        "SECTORGRAPH_ADMIN_PASSWORD", ADMIN_PASSWORD));
    builder.environment().putAll(extraEnvironment);
    process = builder.start();
    awaitHealthy(Duration.ofMinutes(6));
    return this;
  }

  /** SIGKILL: no shutdown hooks, no flush, exactly like a power cut to the process. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an operator's stop: Spring and Neo4j shut down in order. Returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** The embedded Neo4j's Bolt port (user neo4j, {@link #NEO4J_PASSWORD}), as the importer reaches it. */
  String boltUri() {
    return "bolt://127.0.0.1:" + boltPort;
  }

  Path log() {
    return log;
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Server exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Server not healthy within " + timeout + "; see " + log);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /** Stops it as {@link #stop()} does, but never hangs a test run: SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
        kill();
      }
    }
  }
}
