package uk.sectorgraph.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Neo4j DBMS in this process. Only its Bolt connector is on, bound to 127.0.0.1 with
 * authentication, so that everything (our own code included) reaches it through the driver exactly
 * as it would reach a server, and nothing off this machine reaches it at all.
 */
final class EmbeddedNeo4j implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);
  static final String LOOPBACK = "127.0.0.1";

  /**
   * Written in the data directory while the DBMS runs: its Bolt port. Other processes (the importer)
   * find the server of THIS data directory through it, rather than taking whatever listens on a port
   * for it; a random port (0) is found too.
   */
  static final String PORT_FILE = "bolt-port";

  private final DatabaseManagementService dbms;
  private final int boltPort;
  private final Path portFile;

  private EmbeddedNeo4j(DatabaseManagementService dbms, int boltPort, Path portFile) {
    this.dbms = dbms;
    this.boltPort = boltPort;
    this.portFile = portFile;
  }

  static EmbeddedNeo4j start(StoreSettings settings, String password) {
    Path home = prepareDataDirectory(settings.dataDirectory());
    int port = settings.boltPort() == 0 ? freeLoopbackPort() : requireFreePort(settings.boltPort());
    long started = System.nanoTime();
    DatabaseManagementService dbms;
    try {
      DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home.resolve("neo4j"))
          .setConfig(Map.of(
              BoltConnector.enabled, true,
              BoltConnector.listen_address, new SocketAddress(LOOPBACK, port),
              BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port),
              BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED,
              HttpConnector.enabled, false,
              HttpsConnector.enabled, false,
              GraphDatabaseSettings.auth_enabled, true,
              GraphDatabaseSettings.logs_directory, home.resolve("logs").toAbsolutePath(),
              GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCacheMemory())))
          // Netty's default quiet period made every shutdown wait ~10 s for Bolt traffic that, by the
          // time we shut down, cannot come (our own driver is closed first).
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(200))
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
          // Neo4j reports usage to udc.neo4j.com by default. A tool that councils and firms run on their
          // own data must not call out unasked, and machines without internet access would only retry.
          .setConfig(GraphDatabaseSettings.udc_enabled, false);
      if (settings.truncateDamagedTxLog()) {
        log.warn("{}=true: Neo4j may drop an unreadable end of the transaction log while recovering; "
            + "turn it off again once the server has started", StoreSettings.TRUNCATE_DAMAGED_TX_LOG);
        builder.setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, false);
      }
      dbms = builder.build();
    } catch (RuntimeException e) {
      throw new StoreStartupException(StoreSettings.DATA_DIR,
          "the embedded Neo4j could not start on " + home.toAbsolutePath() + ": " + rootMessage(e)
              + " (is another Sector Graph process using this data directory?)", e);
    }
    DefaultDatabase.requireOnline(dbms, home);
    EmbeddedNeo4j embedded = new EmbeddedNeo4j(dbms, port, home.resolve(PORT_FILE));
    embedded.setPassword(settings.user(), password);
    embedded.writePortFile();
    log.info("Embedded Neo4j started in {} ms: data in {}, Bolt on bolt://{}:{} (authentication on)",
        (System.nanoTime() - started) / 1_000_000, home.resolve("neo4j").toAbsolutePath(), LOOPBACK, port);
    return embedded;
  }

  int boltPort() {
    return boltPort;
  }

  private void writePortFile() {
    try {
      Path partial = portFile.resolveSibling(PORT_FILE + ".partial");
      Files.writeString(partial, Integer.toString(boltPort));
      Files.move(partial, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Only other processes' discovery of this server is lost; it still runs.
      log.warn("Cannot write {}: importers will not find this server ({})", portFile, e.getMessage());
    }
  }

  /**
   * The Bolt port of a DBMS running on {@code dataDirectory} in another process: its port file names
   * a port that something listens on. A file left by a killed server names a dead port.
   */
  static OptionalInt runningOn(Path dataDirectory) {
    Path file = dataDirectory.resolve(PORT_FILE);
    try {
      int port = Integer.parseInt(Files.readString(file).trim());
      return isListening(port) ? OptionalInt.of(port) : OptionalInt.empty();
    } catch (NoSuchFileException e) {
      return OptionalInt.empty();
    } catch (IOException | NumberFormatException e) {
      log.warn("Ignoring unreadable {} ({})", file, e.getMessage());
      return OptionalInt.empty();
    }
  }

  String boltUri() {
    return "bolt://" + LOOPBACK + ":" + boltPort;
  }

  /** Keeps the stored password in step with configuration; the system database is reached in-process. */
  private void setPassword(String user, String password) {
    if (password.length() < 8) {
      dbms.shutdown();
      throw new StoreStartupException(StoreSettings.PASSWORD, "must be at least 8 characters long");
    }
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER " + quoteIdentifier(user) + " IF EXISTS SET PASSWORD $password CHANGE NOT REQUIRED",
          Map.of("password", password));
    } catch (QueryExecutionException e) {
      // A restart with the same password: Neo4j refuses to "change" it to itself, which is fine.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        throw e;
      }
    }
  }

  private static String quoteIdentifier(String user) {
    if (!user.matches("[A-Za-z0-9_.-]+")) {
      throw new StoreStartupException(StoreSettings.USER, "may only use letters, digits, '_', '.' and '-'");
    }
    return "`" + user + "`";
  }

  private static Path prepareDataDirectory(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreStartupException(StoreSettings.DATA_DIR,
          "cannot create " + dataDirectory.toAbsolutePath() + " (" + e.getMessage() + ")", e);
    }
    if (!Files.isWritable(dataDirectory)) {
      // A read-only mount (e.g. a disk the kernel remounted after errors) needs another fix than permissions.
      throw new StoreStartupException(StoreSettings.DATA_DIR, dataDirectory.toAbsolutePath()
          + (onReadOnlyFileSystem(dataDirectory)
              ? " is on a read-only file system; remount it read-write or choose another directory"
              : " is not writable by this user"));
    }
    Path probe = dataDirectory.resolve(".write-check");
    try {
      Files.writeString(probe, "ok");
      Files.delete(probe);
    } catch (IOException e) {
      throw new StoreStartupException(StoreSettings.DATA_DIR,
          dataDirectory.toAbsolutePath() + " is not writable (" + e.getMessage() + ")", e);
    }
    return dataDirectory;
  }

  private static boolean onReadOnlyFileSystem(Path directory) {
    try {
      return Files.getFileStore(directory).isReadOnly();
    } catch (IOException e) {
      return false;
    }
  }

  private static int requireFreePort(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
      probe.setReuseAddress(true);
      return port;
    } catch (IOException e) {
      throw new StoreStartupException(StoreSettings.BOLT_PORT,
          "port " + port + " on " + LOOPBACK + " is already in use; choose another port", e);
    }
  }

  static boolean isListening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(LOOPBACK, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new StoreStartupException(StoreSettings.BOLT_PORT, "no free loopback port", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(portFile);
    } catch (IOException e) {
      log.warn("Cannot delete {} ({}); it names a port nothing will listen on", portFile, e.getMessage());
    }
    dbms.shutdown();
  }
}
