package uk.sectorgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded DBMS password: the configured one, or one generated on first start and kept in
 * {@code <data dir>/neo4j-password}, readable by the owner only, so that restarts and the importer
 * find the same one without anybody typing it.
 */
final class Neo4jPassword {

  static final String FILE_NAME = "neo4j-password";
  private static final Logger log = LoggerFactory.getLogger(Neo4jPassword.class);

  private Neo4jPassword() {}

  static String resolve(StoreSettings settings) {
    return settings.configuredPassword().orElseGet(() -> readOrGenerate(settings.dataDirectory()));
  }

  static Path fileIn(Path dataDirectory) {
    return dataDirectory.resolve(FILE_NAME);
  }

  private static String readOrGenerate(Path dataDirectory) {
    Path file = fileIn(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      } catch (FileAlreadyExistsException raced) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.writeString(file, generated, StandardCharsets.UTF_8);
      log.info("Generated a Neo4j password for user 'neo4j' and stored it in {} (owner-only).", file.toAbsolutePath());
      return generated;
    } catch (IOException e) {
      throw new StoreStartupException(StoreSettings.DATA_DIR,
          "cannot read or write the password file " + file.toAbsolutePath() + " (" + e.getMessage() + ")", e);
    }
  }
}
