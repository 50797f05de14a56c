package io.clockhealth.exporter.model;

/**
 * The time daemons the exporter reads; {@link #label()} is the {@code daemon} label value, {@link
 * #collector()} the collector's name in flags, config keys and the {@code collector} label.
 */
public enum Daemon {
  CHRONY("chrony"),
  NTPD("ntpd"),
  TIMESYNCD("timesyncd"),
  /**
   * linuxptp's PTP daemon, read through {@code pmc}; its collector is named after the protocol pmc
   * speaks.
   */
  PTP4L("ptp4l", "ptp");

  private final String label;
  private final String collector;

  /** A daemon whose collector has its name. */
  Daemon(String label) {
    this(label, label);
  }

  Daemon(String label, String collector) {
    this.label = label;
    this.collector = collector;
  }

  public String label() {
    return label;
  }

  /** The collector's name: {@code --collector.NAME}, {@code collectors.NAME}. */
  public String collector() {
    return collector;
  }
}
