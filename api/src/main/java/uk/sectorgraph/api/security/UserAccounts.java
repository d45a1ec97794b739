package uk.sectorgraph.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.sectorgraph.api.SectorGraphProperties;

/**
 * The users and API tokens named in the settings (stored hashed only), plus the built-in {@code admin},
 * whose password comes from SECTORGRAPH_ADMIN_PASSWORD or is generated on first start into
 * {@code <data dir>/admin-password}, readable by the owner only. Nothing here ever logs a secret.
 */
public class UserAccounts {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD_FILE = "admin-password";
  private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final List<UserDetails> users = new ArrayList<>();
  private final Map<String, TokenOwner> tokensBySha256 = new ConcurrentHashMap<>();

  public record TokenOwner(String name, Role role) {}

  public UserAccounts(SectorGraphProperties properties) {
    String adminPassword = Optional.ofNullable(properties.adminPassword()).filter(p -> !p.isBlank())
        .orElseGet(() -> readOrGenerate(properties.dataDir()));
    users.add(user(ADMIN, encoder.encode(adminPassword), Role.ADMIN));
    for (SectorGraphProperties.User u : properties.users()) {
      if (u.name() == null || u.passwordHash() == null) {
        throw new IllegalArgumentException("sectorgraph.users: every user needs a name and a password-hash");
      }
      users.add(user(u.name(), u.passwordHash(), role(u.role(), "sectorgraph.users[" + u.name() + "].role")));
    }
    for (SectorGraphProperties.Token t : properties.tokens()) {
      if (t.sha256() == null || !t.sha256().matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("sectorgraph.tokens[" + t.name() + "].sha256 must be 64 hex digits");
      }
      tokensBySha256.put(t.sha256().toLowerCase(Locale.ROOT),
          new TokenOwner(t.name(), role(t.role(), "sectorgraph.tokens[" + t.name() + "].role")));
    }
  }

  public List<UserDetails> users() {
    return users;
  }

  public PasswordEncoder encoder() {
    return encoder;
  }

  public Optional<TokenOwner> ownerOfToken(String token) {
    return Optional.ofNullable(tokensBySha256.get(sha256(token)));
  }

  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UserDetails user(String name, String hash, Role role) {
    return User.withUsername(name).password(hash).authorities(role.authority()).build();
  }

  private static Role role(String value, String setting) {
    try {
      return Role.valueOf(value == null ? "ANALYST" : value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + " must be ANALYST, EDITOR or ADMIN, was '" + value + "'");
    }
  }

  private static String readOrGenerate(Path dataDir) {
    Path file = dataDir.resolve(ADMIN_PASSWORD_FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      Files.createDirectories(dataDir);
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, password);
      log.info("Generated the password of user 'admin' into {} (owner-only). Writes need it; reads may not.", file.toAbsolutePath());
      return password;
    } catch (IOException e) {
      throw new IllegalStateException("SECTORGRAPH_DATA_DIR: cannot read or write " + file.toAbsolutePath(), e);
    }
  }
}
