package io.clockhealth.exporter.model;

/** Selection state of one time source, as the state set {@code clock_source_state} exposes it. */
public enum SourceState {
  SELECTED("selected"),
  COMBINED("combined"),
  NOT_COMBINED("not_combined"),
  FALSETICKER("falseticker"),
  TOO_VARIABLE("too_variable"),
  UNUSABLE("unusable");

  private final String label;

  SourceState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
