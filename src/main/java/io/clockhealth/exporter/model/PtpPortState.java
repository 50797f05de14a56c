package io.clockhealth.exporter.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A PTP port's state as linuxptp prints it ({@code portState}), the states of the state set {@code
 * clock_ptp_port_state}; {@link #label()} is the name in lower case.
 */
public enum PtpPortState {
  NONE,
  INITIALIZING,
  FAULTY,
  DISABLED,
  LISTENING,
  PRE_MASTER,
  MASTER,
  PASSIVE,
  UNCALIBRATED,
  SLAVE,
  GRAND_MASTER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state pmc printed, e.g. {@code SLAVE}; empty for a word it does not print. */
  public static Optional<PtpPortState> printed(String word) {
    for (PtpPortState state : values()) {
      if (state.name().equals(word)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
