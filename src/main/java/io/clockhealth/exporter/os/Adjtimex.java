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

  /** The fields a read takes back from native memory: JNA's full read costs 4x as much. */
  private static final String[] READ =
      new String[] {"offset", "freq", "maxerror", "esterror", "status", "tai"};

  private final LibC libc;

  /** One structure for every call (allocating one costs more than the call). Guarded by this. */
  private final Timex timex = new Timex();

  private Adjtimex(LibC libc) {
    this.libc = libc;
    timex.setAutoSynch(false);
    timex.write();
  }

  /** The reader, where the C library could be loaded ({@link NativeLibC#unavailableReason}). */
  public static Optional<KernelTimexSource> system() {
    return NativeLibC.get().map(Adjtimex::new);
  }

  @Override
  public synchronized KernelTimex read() throws IOException {
    timex.writeField("modes"); // 0 again in native memory, whatever the kernel left there
    int state = libc.adjtimex(timex);
    if (state < 0) {
      // EPERM under a seccomp filter that blocks @clock (systemd's ProtectClock=yes).
      throw new IOException("adjtimex(2) failed: errno " + Native.getLastError());
    }
    for (String field : READ) {
      timex.readField(field);
    }
    return new KernelTimex(
        state,
        timex.status,
        timex.offset.longValue(),
        timex.freq.longValue(),
        timex.maxerror.longValue(),
        timex.esterror.longValue(),
        timex.tai);
  }
}
