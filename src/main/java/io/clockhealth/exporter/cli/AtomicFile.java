package io.clockhealth.exporter.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Replaces a file in one step, so that a reader (node_exporter's textfile collector) sees either
 * the old or the new content, never a part of it: the content goes to a temporary file in the same
 * directory (a rename is atomic only within one file system), is fsynced, and is renamed over the
 * target. On any failure the temporary file is removed and the target is left as it was.
 */
final class AtomicFile {

  /** Writes the content; may fail half-way, which must never reach the target. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  static void replace(Path target, Content content) throws IOException {
    Path dir =
        Objects.requireNonNull(target.toAbsolutePath().getParent(), "a file has a directory");
    Path tmp = Files.createTempFile(dir, prefix(target), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
        content.writeTo(out);
        out.flush();
        // On disk before the rename: after a crash the target is the old or the new file.
        channel.force(true);
      }
      // createTempFile makes it 0600; node_exporter runs as another user and must read it.
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncDirectory(dir);
  }

  /**
   * Hidden and not ending in {@code .prom}: node_exporter, which reads {@code *.prom}, never reads
   * a temporary file, not even one left behind by a killed run.
   */
  private static String prefix(Path target) {
    return "." + target.getFileName() + ".";
  }

  /**
   * Makes the rename itself durable. Best effort: the new file is already in place, and a failure
   * here only means a crash in the next seconds could bring the old one back.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // see above
    }
  }
}
