package io.clockhealth.exporter.os;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code CLOCK_BOOTTIME} in nanoseconds: the clock no step touches and that, unlike {@code
 * System.nanoTime()}'s {@code CLOCK_MONOTONIC}, keeps counting while the system is suspended. NTP
 * slewing moves it together with the wall clock, so wall minus boot time changes only on steps.
 */
public final class BootTime implements LongSupplier {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final LibC libc;

  private BootTime(LibC libc) {
    this.libc = libc;
  }

  /** The reader, where the C library could be loaded and the clock exists. */
  public static Optional<LongSupplier> system() {
    return NativeLibC.get().filter(BootTime::readable).map(BootTime::new);
  }

  private static boolean readable(LibC libc) {
    return libc.clock_gettime(LibC.CLOCK_BOOTTIME, new long[2]) == 0;
  }

  @Override
  public long getAsLong() {
    long[] timespec = new long[2];
    if (libc.clock_gettime(LibC.CLOCK_BOOTTIME, timespec) != 0) {
      // Only an invalid clock id fails, and system() checked it exists.
      throw new IllegalStateException("clock_gettime(CLOCK_BOOTTIME) failed");
    }
    return timespec[0] * NANOS_PER_SECOND + timespec[1];
  }
}
