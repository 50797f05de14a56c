package io.clockhealth.exporter.os;

import com.sun.jna.Native;
import java.util.Optional;

/**
 * Loads the C library through JNA once, on first use, and keeps why it could not be loaded (JNA
 * unpacks its native part into a temporary directory first: a read-only one makes loading fail).
 * Callers degrade to what they can do without it and say so with that reason.
 */
public final class NativeLibC {

  private NativeLibC() {}

  /** The loaded library, if it could be loaded. */
  public static Optional<LibC> get() {
    return Optional.ofNullable(Holder.LIBC);
  }

  /** Why the library could not be loaded; empty when it was. */
  public static String unavailableReason() {
    return Holder.REASON;
  }

  private static final class Holder {
    private static final @org.jspecify.annotations.Nullable LibC LIBC;
    private static final String REASON;

    static {
      LibC loaded = null;
      String reason = "";
      try {
        loaded = Native.load("c", LibC.class);
      } catch (LinkageError | SecurityException e) {
        reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      LIBC = loaded;
      REASON = reason;
    }
  }
}
