package uk.sectorgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<description>.cypher} on the classpath, listed
 * in {@code db/migration/index.txt}, applied in order and recorded as {@code (:__SchemaMigration)}
 * nodes with a checksum. Applying twice does nothing; editing an applied migration is refused.
 *
 * <p>Why our own: neo4j-migrations (the library we would use) cannot be resolved from Maven Central
 * here (its parent POM is not served), and Liquibase's Neo4j extension brings a JDBC driver of an
 * older major version. This keeps the same file convention so switching later is a rename away.
 */
public final class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cypher");
  private static final String LOCATION = "db/migration/";

  private final Driver driver;
  private final String database;

  public SchemaMigrations(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  record Migration(int version, String description, String script, String checksum) {}

  public int apply() {
    List<Migration> migrations = discover();
    int applied = 0;
    try (Session session = driver.session(sessionConfig())) {
      session.run("CREATE CONSTRAINT schema_migration_version IF NOT EXISTS "
          + "FOR (m:__SchemaMigration) REQUIRE m.version IS UNIQUE").consume();
      Map<Integer, String> done = new java.util.HashMap<>();
      session.run("MATCH (m:__SchemaMigration) RETURN m.version AS v, m.checksum AS c")
          .forEachRemaining(r -> done.put(r.get("v").asInt(), r.get("c").asString()));
      for (Migration m : migrations) {
        String previous = done.get(m.version());
        if (previous != null) {
          if (!previous.equals(m.checksum())) {
            throw new IllegalStateException("Schema migration V" + m.version() + " (" + m.description()
                + ") was changed after it was applied; add a new migration instead");
          }
          continue;
        }
        // Schema commands cannot share a transaction with data writes, so each statement runs on its own.
        for (String statement : statements(m.script())) {
          session.run(statement).consume();
        }
        session.run("MERGE (m:__SchemaMigration {version: $version}) "
                + "SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()",
            Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum())).consume();
        applied++;
        log.info("Applied schema migration V{} {}", m.version(), m.description());
      }
      if (applied > 0) {
        // Indexes created over existing data (a bulk-loaded national store) take minutes to populate.
        log.info("Waiting for new indexes to come online");
      }
      session.run("CALL db.awaitIndexes(3600)").consume();
    }
    return applied;
  }

  private SessionConfig sessionConfig() {
    return database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
  }

  static List<Migration> discover() {
    List<Migration> migrations = new ArrayList<>();
    for (String file : read(LOCATION + "index.txt").lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
      Matcher m = NAME.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException("Migration file name '" + file + "' does not match V<n>__<description>.cypher");
      }
      String script = read(LOCATION + file);
      migrations.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script, sha256(script)));
    }
    migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
    return migrations;
  }

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.startsWith("//") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().trim();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  private static String read(String resource) {
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
