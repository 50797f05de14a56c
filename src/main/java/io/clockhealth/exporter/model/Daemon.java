package io.clockhealth.exporter.model;

/** The time daemons the exporter reads; {@link #label()} is the {@code daemon} label value. */
public enum Daemon {
  CHRONY("chrony"),
  NTPD("ntpd"),
  TIMESYNCD("timesyncd");

  private final String label;

  Daemon(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
