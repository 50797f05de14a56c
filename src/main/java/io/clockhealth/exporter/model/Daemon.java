package io.clockhealth.exporter.model;

/**
 * The time daemons the exporter reads; {@link #label()} is the {@code daemon} label value, {@link
 * #collector()} the collector's name in flags, config keys and the {@code collector} label.
 */
public enum Daemon {
  CHRONY("chrony"),
  NTPD("ntpd"),
  TIMESYNCD("timesyncd"),
  /** linuxptp's PTP daemon, read through {@code pmc}. */
  PTP4L("ptp4l");

  private final String label;

  Daemon(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The collector's name: {@code --collector.NAME}, {@code collectors.NAME}. The daemon's own, but
   * ptp4l's collector is named after its protocol, as pmc speaks PTP to whichever daemon serves it.
   */
  public String collector() {
    return this == PTP4L ? "ptp" : label;
  }
}
