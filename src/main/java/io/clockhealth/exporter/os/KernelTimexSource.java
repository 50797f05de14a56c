package io.clockhealth.exporter.os;

import java.io.IOException;

/** Where the kernel's NTP state comes from: {@link Adjtimex} on Linux, a fixed value in tests. */
@FunctionalInterface
public interface KernelTimexSource {

  /** One read; never changes the kernel's state. */
  KernelTimex read() throws IOException;
}
