package uk.sectorgraph.api;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import uk.sectorgraph.store.StoreSettings;

/**
 * Everything a user configures, under {@code sectorgraph.*}; application.properties maps the
 * SECTORGRAPH_* environment variables onto these.
 */
@ConfigurationProperties("sectorgraph")
public record SectorGraphProperties(
    Path dataDir,
    int boltPort,
    Neo4j neo4j,
    boolean sampleData,
    Boolean loadDataInBackground,
    Boolean anonymousReads,
    String adminPassword,
    List<User> users,
    List<Token> tokens,
    Limits limits,
    DataSize minFreeDisk) {

  /** {@code truncateDamagedTxLog}: an operator's one-off repair after a full disk (see StoreSettings). */
  public record Neo4j(String uri, String user, String password, String database, String pagecache,
      boolean truncateDamagedTxLog) {}

  /** A named user; {@code passwordHash} is a Spring Security encoded hash, e.g. {bcrypt}$2a$10$... */
  public record User(String name, String passwordHash, String role) {}

  /** An API token, stored only as its SHA-256 hex digest. */
  public record Token(String name, String sha256, String role) {}

  public record Limits(int maxDepth, int maxComplexity, int maxPageSize, int timeoutSeconds, int maxRequestBytes) {}

  public SectorGraphProperties {
    users = users == null ? List.of() : users;
    tokens = tokens == null ? List.of() : tokens;
    if (neo4j == null) {
      neo4j = new Neo4j(null, null, null, null, null, false);
    }
    if (limits == null) {
      limits = new Limits(12, 5000, 500, 20, 1_000_000);
    }
    if (minFreeDisk == null) {
      minFreeDisk = DataSize.ofMegabytes(10);
    }
  }

  /** On by default: the server answers while a fresh store is filled, and health says when it is ready. */
  public boolean dataLoadsInBackground() {
    return loadDataInBackground == null || loadDataInBackground;
  }

  public StoreSettings storeSettings() {
    return new StoreSettings(dataDir, boltPort, blankToNull(neo4j.password()), blankToNull(neo4j.uri()),
        blankToNull(neo4j.user()), blankToNull(neo4j.database()), blankToNull(neo4j.pagecache()),
        neo4j.truncateDamagedTxLog());
  }

  public boolean embedded() {
    return storeSettings().embedded();
  }

  /** Anonymous reads default to on for the embedded demo and off once an external Neo4j is configured. */
  public boolean anonymousReadsAllowed() {
    return anonymousReads != null ? anonymousReads : embedded();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
