package io.clockhealth.exporter.model;

import java.util.Optional;

/**
 * The clock state {@code adjtimex(2)} returns ({@code TIME_OK} 0 … {@code TIME_ERROR} 5), as the
 * {@code state} label of {@code clock_kernel_time_state}.
 */
public enum KernelTimeState {
  OK("ok"),
  INSERT_SECOND("insert_second"),
  DELETE_SECOND("delete_second"),
  LEAP_IN_PROGRESS("leap_in_progress"),
  LEAP_DONE("leap_done"),
  ERROR("error");

  private final String label;

  KernelTimeState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The state of a return value; empty for -1 or a value the kernel does not document. */
  public static Optional<KernelTimeState> of(int returnValue) {
    KernelTimeState[] all = values();
    return returnValue >= 0 && returnValue < all.length
        ? Optional.of(all[returnValue])
        : Optional.empty();
  }
}
