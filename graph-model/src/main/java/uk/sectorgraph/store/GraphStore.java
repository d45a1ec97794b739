package uk.sectorgraph.store;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph, wherever it lives. The server, the importer and the tests all open it here, and all of
 * them talk to it through one {@link Driver}: embedded and external mode differ only in who started
 * the DBMS, so every query runs the same way in both (and routes reads in a cluster).
 */
public final class GraphStore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GraphStore.class);

  private final EmbeddedNeo4j embedded;
  private final Driver driver;
  private final String uri;
  private final String database;

  private GraphStore(EmbeddedNeo4j embedded, Driver driver, String uri, String database) {
    this.embedded = embedded;
    this.driver = driver;
    this.uri = uri;
    this.database = database;
  }

  /** Starts the embedded DBMS (or connects to the external one), then applies the schema migrations. */
  public static GraphStore open(StoreSettings settings) {
    GraphStore store = settings.embedded() ? startEmbedded(settings) : connectExternal(settings);
    try {
      new SchemaMigrations(store.driver(), store.database()).apply();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /**
   * For tools such as the importer: use the running server's embedded DBMS over Bolt when there is
   * one (its store is locked while it runs), otherwise start the embedded DBMS in this process.
   */
  public static GraphStore attach(StoreSettings settings) {
    if (!settings.embedded()) {
      return open(settings);
    }
    OptionalInt running = EmbeddedNeo4j.runningOn(settings.dataDirectory());
    if (running.isPresent()) {
      int port = running.getAsInt();
      String password = Neo4jPassword.resolve(settings);
      log.info("A Sector Graph server is running with Bolt on {}; importing through it", port);
      return open(new StoreSettings(settings.dataDirectory(), port, password,
          "bolt://" + EmbeddedNeo4j.LOOPBACK + ":" + port, settings.user(), settings.database(), null));
    }
    return open(settings);
  }

  /**
   * The Bolt port of a Sector Graph server (an embedded DBMS in another process) running on this data
   * directory, if one is.
   */
  public static OptionalInt runningServerPort(StoreSettings settings) {
    return settings.embedded() ? EmbeddedNeo4j.runningOn(settings.dataDirectory()) : OptionalInt.empty();
  }

  /** Connects to a DBMS that somebody else runs: an external server, or another process's embedded one. */
  public static GraphStore connect(String uri, String user, String password, String database) {
    return connectExternal(new StoreSettings(null, 0, password, uri, user, database, null));
  }

  private static GraphStore startEmbedded(StoreSettings settings) {
    String password = Neo4jPassword.resolve(settings);
    EmbeddedNeo4j embedded = EmbeddedNeo4j.start(settings, password);
    try {
      Driver driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic(settings.user(), password), driverConfig());
      driver.verifyConnectivity();
      return new GraphStore(embedded, driver, embedded.boltUri(), null);
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
  }

  private static GraphStore connectExternal(StoreSettings settings) {
    String password = settings.configuredPassword().orElseThrow(() -> new StoreStartupException(
        StoreSettings.PASSWORD, "is required when " + StoreSettings.URI + " names an external Neo4j"));
    Driver driver;
    try {
      driver = GraphDatabase.driver(settings.externalUri(), AuthTokens.basic(settings.user(), password), driverConfig());
    } catch (IllegalArgumentException e) {
      throw new StoreStartupException(StoreSettings.URI,
          "'" + settings.externalUri() + "' is not a Neo4j URI (use bolt://, neo4j:// or neo4j+s://): " + e.getMessage(), e);
    }
    try {
      driver.verifyConnectivity();
    } catch (AuthenticationException e) {
      driver.close();
      throw new StoreStartupException(StoreSettings.PASSWORD,
          "Neo4j at " + settings.externalUri() + " refused user '" + settings.user() + "' with this password", e);
    } catch (ServiceUnavailableException e) {
      driver.close();
      throw new StoreStartupException(StoreSettings.URI,
          "no Neo4j answers at " + settings.externalUri() + " (" + e.getMessage() + ")", e);
    } catch (Neo4jException e) {
      driver.close();
      throw new StoreStartupException(StoreSettings.URI,
          "Neo4j at " + settings.externalUri() + " failed: " + e.getMessage(), e);
    }
    log.info("Connected to external Neo4j at {}", settings.externalUri());
    return new GraphStore(null, driver, settings.externalUri(), blankToNull(settings.database()));
  }

  private static Config driverConfig() {
    return Config.builder()
        .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
        .withMaxConnectionPoolSize(64)
        .withConnectionTimeout(10, TimeUnit.SECONDS)
        .withLogging(Logging.slf4j())
        .build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public Driver driver() {
    return driver;
  }

  /** A session on the configured database (the server's default when none is named). */
  public Session session() {
    return driver.session(sessionConfig());
  }

  public SessionConfig sessionConfig() {
    return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
  }

  /** The database to run queries against; null means the server's default database. */
  public String database() {
    return database;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  public String uri() {
    return uri;
  }

  /** The Bolt port of the embedded DBMS, or -1 in external mode. */
  public int embeddedBoltPort() {
    return embedded == null ? -1 : embedded.boltPort();
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
