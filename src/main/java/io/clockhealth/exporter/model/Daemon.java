package io.clockhealth.exporter.model;

/**
 * The time daemons the exporter reads; {@link #label()} is the {@code daemon} label value, {@link
 * #collector()} the collector's name in flags, config keys and the {@code collector} label.
 */
public enum Daemon {
  CHRONY("chrony", "chrony"),
  NTPD("ntpd", "ntpd"),
  TIMESYNCD("timesyncd", "timesyncd"),
  /** linuxptp's PTP daemon, read through {@code pmc}. */
  PTP4L("ptp4l", "ptp");

  private final String label;
  private final String collector;

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
