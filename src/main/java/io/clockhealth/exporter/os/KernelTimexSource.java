package io.clockhealth.exporter.os;

import java.io.IOException;

/** Where the kernel's NTP state comes from: {@link Adjtimex} on Linux, a fixed value in tests. */
@FunctionalInterface
public interface KernelTimexSource {

  /** One read; never changes the kernel's state. */
  KernelTimex read() throws IOException;

  /** A source that cannot be read here, for {@code reason} (e.g. no C library to call into). */
  static KernelTimexSource unavailable(String reason) {
    return () -> {
      throw new IOException(reason);
    };
  }
}
