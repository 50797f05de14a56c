package io.clockhealth.exporter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The process's standard input, or a stream that says it is closed. When a process starts with fd 0
 * closed, the JVM's first open file (its own {@code lib/modules}) gets fd 0, and reading "stdin"
 * would parse the JDK. Linux only: elsewhere {@code System.in} is used as it is.
 */
final class StandardInput {

  private StandardInput() {}

  static InputStream get() {
    return reusedByTheJvm() ? closed() : System.in;
  }

  private static boolean reusedByTheJvm() {
    try {
      Path fd0 = Path.of("/proc/self/fd/0");
      if (!Files.exists(fd0)) {
        return false;
      }
      Path target = fd0.toRealPath();
      return target.startsWith(Path.of(System.getProperty("java.home")).toRealPath());
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static InputStream closed() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("standard input is closed");
      }

      // As InputStream's own, which reads through read() above: the same checks, then the error.
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        throw new IOException("standard input is closed");
      }
    };
  }
}
