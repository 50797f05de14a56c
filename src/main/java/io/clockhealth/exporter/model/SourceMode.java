package io.clockhealth.exporter.model;

/** How a daemon talks to a source; {@link #label()} is the {@code mode} label value. */
public enum SourceMode {
  SERVER("server"),
  PEER("peer"),
  REFCLOCK("refclock"),
  POOL("pool"),
  BROADCAST("broadcast"),
  OTHER("other");

  private final String label;

  SourceMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
