package uk.sectorgraph.importer.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Resumability: {@code <data dir>/import-checkpoints/<source>-<sha256 of file>.properties} holds the
 * position (data-row ordinal in the file, zip parts counted in order) and the part/line of the last
 * committed batch. A rerun of the same file (same content, whatever its name) skips the rows up to it;
 * the checkpoint is deleted when the file has been imported completely.
 *
 * <p>Why this is safe without two-phase bookkeeping: the checkpoint is written after the batch's
 * transaction commits. If the process dies between commit and checkpoint, the rerun writes that batch
 * again, and since every importer writes only with MERGE keyed by public identifiers and compares
 * a row hash, re-writing a committed batch changes nothing (its rows count as unchanged).
 */
public final class Checkpoint {

  public static final String DIRECTORY = "import-checkpoints";

  private final Path file;
  private long committedPosition;

  private Checkpoint(Path file, long committedPosition) {
    this.file = file;
    this.committedPosition = committedPosition;
  }

  /** Loads (or starts) the checkpoint of {@code input} for {@code source}; hashes the whole input once. */
  public static Checkpoint of(Path dataDirectory, String source, Path input) {
    Path file = dataDirectory.resolve(DIRECTORY).resolve(source + "-" + sha256(input) + ".properties");
    long position = 0;
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read checkpoint " + file, e);
      }
      position = Long.parseLong(p.getProperty("position", "0").trim());
    }
    return new Checkpoint(file, position);
  }

  /** Rows at or before this position were committed by an earlier run; 0 when starting afresh. */
  public long committedPosition() {
    return committedPosition;
  }

  public boolean isCommitted(long position) {
    return position <= committedPosition;
  }

  /** Records a committed batch; written to a temp file and moved, so a crash never leaves half a checkpoint. */
  public void committed(long position, String part, long line) {
    Properties p = new Properties();
    p.setProperty("position", Long.toString(position));
    p.setProperty("part", part);
    p.setProperty("line", Long.toString(line));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(out, "last committed batch; delete this file to import the whole file again");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write checkpoint " + file, e);
    }
    committedPosition = position;
  }

  /** The file was imported completely: forget the checkpoint. */
  public void completed() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete checkpoint " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  static String sha256(Path input) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(input), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // digesting
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + input, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
