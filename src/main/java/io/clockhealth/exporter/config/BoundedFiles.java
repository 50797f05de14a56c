package io.clockhealth.exporter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files the exporter is given — configuration, certificates, keys, captured outputs —
 * only when they are regular files (a FIFO would hang, {@code /dev/zero} never ends) and only up to
 * a cap, so a wrong path fails fast with a clear message instead of filling the heap.
 */
public final class BoundedFiles {

  /** The cap for configuration, certificate and key files: they are a few KiB. */
  public static final int CONFIG_MAX_BYTES = 1024 * 1024;

  private BoundedFiles() {}

  public static byte[] read(Path file, int maxBytes) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, maxBytes, file.toString());
    }
  }

  /** A configuration, certificate or key file as text, within {@link #CONFIG_MAX_BYTES}. */
  public static String readConfigText(Path file, Charset charset) throws IOException {
    return new String(read(file, CONFIG_MAX_BYTES), charset);
  }

  /** Reads {@code in} to its end, failing once it gives more than {@code maxBytes}. */
  public static byte[] read(InputStream in, int maxBytes, String name) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new IOException(name + ": larger than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
