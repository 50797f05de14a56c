package io.clockhealth.exporter.model;

/**
 * The documented {@code STA_*} bits of {@code struct timex}'s {@code status} (adjtimex(2)), as the
 * {@code flag} label of {@code clock_kernel_status_flag}.
 */
public enum KernelStatusFlag {
  PLL("pll", 0x0001),
  PPS_FREQ("pps_freq", 0x0002),
  PPS_TIME("pps_time", 0x0004),
  FLL("fll", 0x0008),
  INSERT("insert", 0x0010),
  DELETE("delete", 0x0020),
  UNSYNC("unsync", 0x0040),
  FREQ_HOLD("freq_hold", 0x0080),
  PPS_SIGNAL("pps_signal", 0x0100),
  PPS_JITTER("pps_jitter", 0x0200),
  PPS_WANDER("pps_wander", 0x0400),
  PPS_ERROR("pps_error", 0x0800),
  CLOCK_ERROR("clock_error", 0x1000),
  NANO("nano", 0x2000),
  MODE("mode", 0x4000),
  CLK("clk", 0x8000);

  private final String label;
  private final int bit;

  KernelStatusFlag(String label, int bit) {
    this.label = label;
    this.bit = bit;
  }

  public String label() {
    return label;
  }

  public boolean isSetIn(int status) {
    return (status & bit) != 0;
  }
}
