package uk.sectorgraph.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.springframework.util.unit.DataSize;

/**
 * Refuses writes while the disk holding the embedded store is nearly full. When a commit finds no
 * space, Neo4j stops the whole database (reads too) until the server restarts, and the commit it cut
 * off can leave a transaction log that needs a repair before it starts again; refusing the write first
 * keeps reads answering and lets writes resume by themselves once space is freed. The threshold is
 * the one the diskSpace health component uses, so health DOWN means writes are refused.
 */
public final class DiskSpaceGuard {

  private static final long NEARLY_NOTHING = 1_048_576;

  private final Path directory;
  private final DataSize minimum;

  DiskSpaceGuard(Path directory, DataSize minimum) {
    this.directory = directory;
    this.minimum = minimum;
  }

  /** For an external Neo4j: its disk is not ours to watch, so nothing is refused here. */
  static DiskSpaceGuard off() {
    return new DiskSpaceGuard(null, DataSize.ofBytes(0));
  }

  /** Throws {@link StorageFullException} when the store's disk has less free space than the threshold. */
  public void checkRoomToWrite() {
    OptionalLong free = freeBytes();
    if (free.isPresent() && free.getAsLong() < minimum.toBytes()) {
      throw new StorageFullException("Not saved: the disk holding the data directory (" + directory.toAbsolutePath()
          + ") has " + megabytes(free.getAsLong()) + " free, less than SECTORGRAPH_MIN_FREE_DISK ("
          + megabytes(minimum.toBytes()) + "). Reads still work; free some space and writes resume without a restart.");
    }
  }

  /**
   * For explaining a failure after the fact: below the threshold, or under 1 MB even when the threshold
   * is set lower (0 turns the refusal off, but a disk with no room left is still the likely cause).
   */
  boolean looksFull() {
    OptionalLong free = freeBytes();
    return free.isPresent() && free.getAsLong() < Math.max(minimum.toBytes(), NEARLY_NOTHING);
  }

  /** Empty when there is no directory to watch or the file system cannot say (then Neo4j reports any failure). */
  OptionalLong freeBytes() {
    if (directory == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Files.getFileStore(directory).getUsableSpace());
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  Path directory() {
    return directory;
  }

  static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
