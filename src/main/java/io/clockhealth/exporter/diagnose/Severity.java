package io.clockhealth.exporter.diagnose;

/** How bad a finding is, mildest first; the {@code doctor} exit code follows the worst one. */
public enum Severity {
  OK("ok"),
  INFO("info"),
  WARNING("warning"),
  CRITICAL("critical");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
