package io.clockhealth.exporter.model;

import java.util.Locale;

/**
 * The documented {@code STA_*} bits of {@code struct timex}'s {@code status} (adjtimex(2)), as the
 * {@code flag} label of {@code clock_kernel_status_flag}.
 */
public enum KernelStatusFlag {
  PLL(0x0001),
  PPS_FREQ(0x0002),
  PPS_TIME(0x0004),
  FLL(0x0008),
  INSERT(0x0010),
  DELETE(0x0020),
  UNSYNC(0x0040),
  FREQ_HOLD(0x0080),
  PPS_SIGNAL(0x0100),
  PPS_JITTER(0x0200),
  PPS_WANDER(0x0400),
  PPS_ERROR(0x0800),
  CLOCK_ERROR(0x1000),
  NANO(0x2000),
  MODE(0x4000),
  CLK(0x8000);

  private final int bit;

  KernelStatusFlag(int bit) {
    this.bit = bit;
  }

  /**
   * The constant in lower case: the bit's name without {@code STA_}, {@code STA_PPSFREQ} as {@code
   * pps_freq}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isSetIn(int status) {
    return (status & bit) != 0;
  }
}
