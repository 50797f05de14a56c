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
  private final int lineLimit;
  private int lines;
  private volatile boolean overflowed;

  BoundedOutputStream(int limit, int lineLimit) {
    this.limit = limit;
    this.lineLimit = lineLimit;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (overflowed) {
      return;
    }
    int room = limit - buffer.size();
    int take = Math.min(room, length);
    for (int i = offset; i < offset + take; i++) {
      if (bytes[i] == '\n' && ++lines > lineLimit) {
        take = i - offset;
        overflowed = true;
        break;
      }
    }
    if (length > room) {
      overflowed = true;
    }
    buffer.write(bytes, offset, Math.max(0, take));
  }

  boolean overflowed() {
    return overflowed;
  }

  /** The kept bytes as UTF-8; malformed sequences become U+FFFD instead of failing. */
  synchronized String text() {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
