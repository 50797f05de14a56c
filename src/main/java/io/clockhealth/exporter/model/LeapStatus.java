package io.clockhealth.exporter.model;

/** Leap indicator as the state set {@code clock_leap_status} exposes it. */
public enum LeapStatus {
  NORMAL("normal"),
  INSERT_SECOND("insert_second"),
  DELETE_SECOND("delete_second"),
  UNSYNCHRONISED("unsynchronised");

  private final String label;

  LeapStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
