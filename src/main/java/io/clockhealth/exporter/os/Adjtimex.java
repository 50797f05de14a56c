package io.clockhealth.exporter.os;

import com.sun.jna.Native;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads the kernel's NTP state with {@code adjtimex(2)}, read-only by construction: the {@link
 * Timex} it passes has {@code modes} fixed at 0, which needs no privilege and changes nothing
 * (node_exporter's timex collector makes the same call).
 */
public final class Adjtimex implements KernelTimexSource {

  private final LibC libc;

  private Adjtimex(LibC libc) {
    this.libc = libc;
  }

  /** The reader, where the C library could be loaded ({@link NativeLibC#unavailableReason}). */
  public static Optional<KernelTimexSource> system() {
    return NativeLibC.get().map(Adjtimex::new);
  }

  @Override
  public KernelTimex read() throws IOException {
    Timex t = new Timex();
    int state = libc.adjtimex(t);
    if (state < 0) {
      // EPERM under a seccomp filter that blocks @clock (systemd's ProtectClock=yes).
      throw new IOException("adjtimex(2) failed: errno " + Native.getLastError());
    }
    return new KernelTimex(
        state,
        t.status,
        t.offset.longValue(),
        t.freq.longValue(),
        t.maxerror.longValue(),
        t.esterror.longValue(),
        t.tai);
  }
}
