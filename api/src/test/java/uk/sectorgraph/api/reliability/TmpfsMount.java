package uk.sectorgraph.api.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs of its own, so that a test can fill a disk or make it read-only without touching
 * the machine's real disks. Mounting needs Linux and root (or CAP_SYS_ADMIN); without them the test
 * is skipped, not failed. Always close it: it unmounts (lazily if still busy) and removes the mount point.
 */
final class TmpfsMount implements AutoCloseable {

  private final Path mountPoint;
  private boolean mounted;

  private TmpfsMount(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of the given size on a fresh directory, or aborts the test saying why it cannot. */
  static TmpfsMount mountOrSkip(String name, int megabytes) throws Exception {
    Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
        "needs Linux to mount a tmpfs, this is " + System.getProperty("os.name"));
    TmpfsMount mount = new TmpfsMount(Files.createTempDirectory("sector-graph-" + name + "-"));
    String failure = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs",
        mount.mountPoint.toString());
    if (failure != null) {
      Files.deleteIfExists(mount.mountPoint);
      Assumptions.abort("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + failure);
    }
    mount.mounted = true;
    return mount;
  }

  Path path() {
    return mountPoint;
  }

  /** Fails when files on it are open for writing (the kernel refuses with "busy"), so stop the server first. */
  void remountReadOnly() throws Exception {
    String failure = run("mount", "-o", "remount,ro", mountPoint.toString());
    if (failure != null) {
      throw new IllegalStateException("could not remount " + mountPoint + " read-only: " + failure);
    }
  }

  /** Writes a filler file until the disk says "no space left", down to the last page; returns it for deletion. */
  Path fill() throws IOException {
    Path filler = mountPoint.resolve("filler");
    for (int chunk : new int[] {1 << 20, 4096}) {
      byte[] bytes = new byte[chunk];
      try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND)) {
        while (true) {
          out.write(bytes);
        }
      } catch (IOException full) {
        // No space for another chunk: go on with a smaller one.
      }
    }
    return filler;
  }

  long usableBytes() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  @Override
  public void close() throws Exception {
    if (mounted && run("umount", mountPoint.toString()) != null) {
      // Still busy (a server that would not die): detach it now, the kernel frees it when unused.
      String lazy = run("umount", "-l", mountPoint.toString());
      if (lazy != null) {
        throw new IllegalStateException("could not unmount " + mountPoint + ": " + lazy);
      }
    }
    mounted = false;
    try (Stream<Path> left = Files.walk(mountPoint)) {
      for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Runs a command; null when it succeeded, otherwise what went wrong (exit code and output). */
  private static String run(String... command) throws InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return command[0] + " could not run: " + e.getMessage();
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", command) + " did not finish within 20 s";
    }
    if (process.exitValue() == 0) {
      return null;
    }
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      output = "";
    }
    return String.join(" ", command) + " exited with " + process.exitValue() + ": " + output;
  }
}
