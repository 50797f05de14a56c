package io.clockhealth.exporter.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps at most {@code limit} bytes and remembers whether more arrived. Extra bytes are drained and
 * dropped rather than refused, so the child never blocks on a full pipe.
 */
final class BoundedOutputStream extends OutputStream {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final int limit;
  private volatile boolean overflowed;

  BoundedOutputStream(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void write(int b) {
    if (buffer.size() < limit) {
      buffer.write(b);
    } else {
      overflowed = true;
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int room = limit - buffer.size();
    if (length > room) {
      overflowed = true;
    }
    buffer.write(bytes, offset, Math.max(0, Math.min(room, length)));
  }

  boolean overflowed() {
    return overflowed;
  }

  /** The kept bytes as UTF-8; malformed sequences become U+FFFD instead of failing. */
  synchronized String text() {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
