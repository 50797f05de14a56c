package io.clockhealth.exporter.os;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * {@code struct timex} of {@code <sys/timex.h>} (glibc, LP64: 208 bytes), for {@code adjtimex(2)}.
 * {@code modes} is 0 and has no setter: a call with this structure can only read the kernel's
 * state, never change it.
 *
 * <p>JNA fills the public fields in this order; {@code int} for C {@code int}, {@link NativeLong}
 * for C {@code long}.
 */
@Structure.FieldOrder({
  "modes",
  "offset",
  "freq",
  "maxerror",
  "esterror",
  "status",
  "constant",
  "precision",
  "tolerance",
  "time",
  "tick",
  "ppsfreq",
  "jitter",
  "shift",
  "stabil",
  "jitcnt",
  "calcnt",
  "errcnt",
  "stbcnt",
  "tai",
  "reserved"
})
public final class Timex extends Structure {

  /** {@code struct timeval}: with {@code STA_NANO}, {@code tv_usec} holds nanoseconds. */
  @Structure.FieldOrder({"tv_sec", "tv_usec"})
  public static final class Timeval extends Structure {
    public NativeLong tv_sec = new NativeLong();
    public NativeLong tv_usec = new NativeLong();
  }

  /** 0: read only. Final, so no caller can ask the kernel to change anything. */
  public final int modes = 0;

  public NativeLong offset = new NativeLong();
  public NativeLong freq = new NativeLong();
  public NativeLong maxerror = new NativeLong();
  public NativeLong esterror = new NativeLong();
  public int status;
  public NativeLong constant = new NativeLong();
  public NativeLong precision = new NativeLong();
  public NativeLong tolerance = new NativeLong();
  public Timeval time = new Timeval();
  public NativeLong tick = new NativeLong();
  public NativeLong ppsfreq = new NativeLong();
  public NativeLong jitter = new NativeLong();
  public int shift;
  public NativeLong stabil = new NativeLong();
  public NativeLong jitcnt = new NativeLong();
  public NativeLong calcnt = new NativeLong();
  public NativeLong errcnt = new NativeLong();
  public NativeLong stbcnt = new NativeLong();
  public int tai;
  public int[] reserved = new int[11];
}
