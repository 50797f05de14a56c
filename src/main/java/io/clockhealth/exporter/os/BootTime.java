package io.clockhealth.exporter.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code CLOCK_BOOTTIME} in nanoseconds: the clock no step touches and that, unlike {@code
 * System.nanoTime()}'s {@code CLOCK_MONOTONIC}, keeps counting while the system is suspended. NTP
 * slewing moves it together with the wall clock, so wall minus boot time changes only on steps.
 *
 * <p>Read through JNA's direct mapping, not a {@link LibC} proxy: it is read twice a second for
 * good, and a proxy call costs tens of microseconds of reflection more.
 */
public final class BootTime implements LongSupplier {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** The calls bound to the C library by {@link Native#register}. */
  private static final class Direct {
    static native int clock_gettime(int clockId, long[] timespec);
  }

  private BootTime() {}

  /** The reader, where the C library could be loaded and the clock exists. */
  public static Optional<LongSupplier> system() {
    if (NativeLibC.get().isEmpty()) {
      return Optional.empty(); // JNA's native part could not be loaded: NativeLibC says why
    }
    try {
      Native.register(Direct.class, NativeLibrary.getInstance("c"));
    } catch (LinkageError e) {
      return Optional.empty();
    }
    return Direct.clock_gettime(LibC.CLOCK_BOOTTIME, new long[2]) == 0
        ? Optional.of(new BootTime())
        : Optional.empty();
  }

  @Override
  public long getAsLong() {
    long[] timespec = new long[2];
    if (Direct.clock_gettime(LibC.CLOCK_BOOTTIME, timespec) != 0) {
      // Only an invalid clock id fails, and system() checked this one exists.
      throw new IllegalStateException("clock_gettime(CLOCK_BOOTTIME) failed");
    }
    return timespec[0] * NANOS_PER_SECOND + timespec[1];
  }
}
