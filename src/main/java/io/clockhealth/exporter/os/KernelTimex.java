package io.clockhealth.exporter.os;

/**
 * What one read-only {@code adjtimex(2)} returned, in the kernel's own units and signs: {@code
 * offset} in µs (ns with {@code STA_NANO}), {@code freq} in ppm·2¹⁶, {@code maxerror} and {@code
 * esterror} in µs, {@code tai} in seconds.
 *
 * @param state the return value: {@code TIME_OK} 0 … {@code TIME_ERROR} 5
 * @param status the {@code STA_*} bits
 */
public record KernelTimex(
    int state, int status, long offset, long freq, long maxerror, long esterror, int tai) {

  /** {@code STA_NANO}: {@code offset} is in nanoseconds, not microseconds. */
  public static final int STA_NANO = 0x2000;

  /** The offset in seconds, in the kernel's sign (the correction still to apply). */
  public double offsetSeconds() {
    return (status & STA_NANO) != 0 ? offset / 1e9 : offset / 1e6;
  }
}
