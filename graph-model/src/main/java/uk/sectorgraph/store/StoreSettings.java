package uk.sectorgraph.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the graph lives. Either an embedded DBMS in {@code dataDirectory} with Bolt on loopback, or an
 * external Neo4j named by {@code externalUri}; setting the URI is what turns the embedded one off.
 *
 * @param dataDirectory   store, logs and the generated password file (SECTORGRAPH_DATA_DIR)
 * @param boltPort        loopback Bolt port of the embedded DBMS; 0 picks a free one (SECTORGRAPH_BOLT_PORT)
 * @param password        Neo4j password; null means generate one on first start (SECTORGRAPH_NEO4J_PASSWORD)
 * @param externalUri     bolt://, neo4j:// or neo4j+s:// of an external DBMS, or null (SECTORGRAPH_NEO4J_URI)
 * @param user            Neo4j user name (SECTORGRAPH_NEO4J_USER)
 * @param database        database name, null for the server default (SECTORGRAPH_NEO4J_DATABASE)
 * @param pageCacheMemory embedded page cache size, e.g. "512m" (SECTORGRAPH_PAGECACHE)
 * @param truncateDamagedTxLog let the embedded Neo4j drop an unreadable end of its transaction log
 *                        while recovering, e.g. the write a full disk cut off (SECTORGRAPH_TRUNCATE_DAMAGED_TX_LOG)
 */
public record StoreSettings(
    Path dataDirectory,
    int boltPort,
    String password,
    String externalUri,
    String user,
    String database,
    String pageCacheMemory,
    boolean truncateDamagedTxLog) {

  public static final String DATA_DIR = "SECTORGRAPH_DATA_DIR";
  public static final String BOLT_PORT = "SECTORGRAPH_BOLT_PORT";
  public static final String PASSWORD = "SECTORGRAPH_NEO4J_PASSWORD";
  public static final String URI = "SECTORGRAPH_NEO4J_URI";
  public static final String USER = "SECTORGRAPH_NEO4J_USER";
  public static final String DATABASE = "SECTORGRAPH_NEO4J_DATABASE";
  public static final String PAGECACHE = "SECTORGRAPH_PAGECACHE";
  public static final String TRUNCATE_DAMAGED_TX_LOG = "SECTORGRAPH_TRUNCATE_DAMAGED_TX_LOG";

  /** Without the repair switch, which only an operator turns on, for one start. */
  public StoreSettings(Path dataDirectory, int boltPort, String password, String externalUri, String user,
      String database, String pageCacheMemory) {
    this(dataDirectory, boltPort, password, externalUri, user, database, pageCacheMemory, false);
  }

  public StoreSettings {
    if (dataDirectory == null) {
      dataDirectory = Path.of("data");
    }
    if (user == null || user.isBlank()) {
      user = "neo4j";
    }
    if (pageCacheMemory == null || pageCacheMemory.isBlank()) {
      pageCacheMemory = "512m";
    }
    if (boltPort < 0 || boltPort > 65535) {
      throw new StoreStartupException(BOLT_PORT, "must be a port number between 0 and 65535, was " + boltPort);
    }
  }

  public boolean embedded() {
    return externalUri == null || externalUri.isBlank();
  }

  public Optional<String> configuredPassword() {
    return Optional.ofNullable(password).filter(p -> !p.isBlank());
  }

  /** Reads the SECTORGRAPH_* variables from an environment map (System.getenv() in production). */
  public static StoreSettings fromEnvironment(Map<String, String> env) {
    String port = env.getOrDefault(BOLT_PORT, "7687");
    int boltPort;
    try {
      boltPort = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new StoreStartupException(BOLT_PORT, "must be a port number, was '" + port + "'");
    }
    return new StoreSettings(
        Path.of(env.getOrDefault(DATA_DIR, "data")),
        boltPort,
        env.get(PASSWORD),
        env.get(URI),
        env.get(USER),
        env.get(DATABASE),
        env.get(PAGECACHE),
        Boolean.parseBoolean(env.getOrDefault(TRUNCATE_DAMAGED_TX_LOG, "false").trim()));
  }

  public StoreSettings withBoltPort(int port) {
    return new StoreSettings(dataDirectory, port, password, externalUri, user, database, pageCacheMemory,
        truncateDamagedTxLog);
  }
}
