package uk.sectorgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

class GraphStoreTest {

  @Test
  void anotherProcessCanReadTheGraphOverBoltWithThePassword() {
    GraphStore store = TestGraph.store();
    try (Driver other = GraphDatabase.driver(store.uri(), AuthTokens.basic("neo4j", TestGraph.PASSWORD))) {
      long constraints = other.executableQuery("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
          .execute().records().getFirst().get("n").asLong();
      assertThat(constraints).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void aToolFindsTheServerOfItsOwnDataDirectoryAndNothingElse(@TempDir Path elsewhere) throws Exception {
    GraphStore server = TestGraph.store();
    StoreSettings same = new StoreSettings(TestGraph.directory(), 0, TestGraph.PASSWORD, null, null, null, "64m");
    assertThat(GraphStore.runningServerPort(same)).hasValue(server.embeddedBoltPort());
    try (GraphStore attached = GraphStore.attach(same)) {
      assertThat(attached.uri()).isEqualTo(server.uri()); // over Bolt to the running server, no second DBMS
    }

    try (ServerSocket somethingElse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StoreSettings other = new StoreSettings(elsewhere, somethingElse.getLocalPort(), TestGraph.PASSWORD, null, null,
          null, "64m");
      assertThat(GraphStore.runningServerPort(other)).as("a listener, but not this directory's server").isEmpty();
      Files.writeString(elsewhere.resolve("bolt-port"), "1"); // left by a killed server: nothing listens there
      assertThat(GraphStore.runningServerPort(other)).isEmpty();
    }
  }

  @Test
  void theEmbeddedDbmsSendsNoUsageDataToNeo4j() throws Exception {
    TestGraph.store();
    String log = Files.readString(TestGraph.directory().resolve("logs").resolve("debug.log"));
    assertThat(log).contains("Bolt server started").doesNotContain("Usage Data is being sent");
  }

  @Test
  void boltRefusesAWrongPassword() {
    GraphStore store = TestGraph.store();
    try (Driver other = GraphDatabase.driver(store.uri(), AuthTokens.basic("neo4j", "not-the-password"))) {
      assertThatThrownBy(other::verifyConnectivity).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void boltIsNotReachableOnNonLoopbackAddresses() throws Exception {
    int port = TestGraph.store().embeddedBoltPort();
    Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(i -> !isLoopback(i))
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
    if (external.isEmpty()) {
      return; // a machine with loopback only has nothing else to reach it on
    }
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 2000))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void applyingMigrationsAgainChangesNothing() {
    GraphStore store = TestGraph.store();
    assertThat(new SchemaMigrations(store.driver(), null).apply()).isZero();
    long recorded = store.driver().executableQuery("MATCH (m:__SchemaMigration) RETURN count(m) AS n")
        .execute().records().getFirst().get("n").asLong();
    assertThat(recorded).isEqualTo(SchemaMigrations.discover().size());
  }

  @Test
  void aPortInUseIsReportedByItsSettingName(@TempDir Path dir) throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      StoreSettings settings = new StoreSettings(dir, busy.getLocalPort(), "password-123", null, null, null, "64m");
      assertThatThrownBy(() -> GraphStore.open(settings))
          .isInstanceOf(StoreStartupException.class)
          .hasMessageStartingWith("SECTORGRAPH_BOLT_PORT")
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void anUnwritableDataDirectoryIsReportedByItsSettingName(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    StoreSettings settings = new StoreSettings(file.resolve("data"), 0, "password-123", null, null, null, "64m");
    assertThatThrownBy(() -> GraphStore.open(settings))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("SECTORGRAPH_DATA_DIR");
  }

  @Test
  void anUnreachableExternalUriIsReportedByItsSettingName() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    StoreSettings settings = new StoreSettings(null, 0, "whatever-123", "bolt://127.0.0.1:" + closedPort, null, null, null);
    assertThatThrownBy(() -> GraphStore.open(settings))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("SECTORGRAPH_NEO4J_URI");
  }

  @Test
  void aWrongPasswordForAnExternalNeo4jIsReportedByItsSettingName() {
    StoreSettings settings = new StoreSettings(null, 0, "wrong-password", TestGraph.store().uri(), null, null, null);
    assertThatThrownBy(() -> GraphStore.open(settings))
        .isInstanceOf(StoreStartupException.class)
        .hasMessageStartingWith("SECTORGRAPH_NEO4J_PASSWORD");
  }

  @Test
  void externalModeUsesTheSameCodePathAgainstAnotherDbms() {
    StoreSettings settings = new StoreSettings(null, 0, TestGraph.PASSWORD, TestGraph.store().uri(), null, null, null);
    try (GraphStore external = GraphStore.open(settings)) {
      assertThat(external.isEmbedded()).isFalse();
      assertThat(external.driver().executableQuery("RETURN 1 AS one").execute().records().getFirst().get("one").asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void aGeneratedPasswordIsKeptOwnerOnlyAndReusedOnRestart(@TempDir Path dir) throws Exception {
    StoreSettings settings = new StoreSettings(dir, 0, null, null, null, null, "64m");
    String first;
    try (GraphStore store = GraphStore.open(settings)) {
      first = Files.readString(dir.resolve("neo4j-password")).trim();
      assertThat(Files.getPosixFilePermissions(dir.resolve("neo4j-password")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
    try (GraphStore again = GraphStore.open(settings);
        Driver other = GraphDatabase.driver(again.uri(), AuthTokens.basic("neo4j", first))) {
      other.verifyConnectivity();
    }
  }

  private static boolean isLoopback(NetworkInterface i) {
    try {
      return i.isLoopback();
    } catch (Exception e) {
      return true;
    }
  }
}
