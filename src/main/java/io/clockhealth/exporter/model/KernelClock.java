package io.clockhealth.exporter.model;

/**
 * The kernel's NTP state ({@code adjtimex(2)}, read-only) in base units and the contract's signs.
 *
 * @param state what adjtimex returned
 * @param status the {@code STA_*} bits ({@link KernelStatusFlag})
 * @param offsetSeconds the phase offset the kernel PLL is still correcting, as local clock minus
 *     reference (the kernel holds the correction, the opposite sign)
 * @param frequencyPpm the frequency error the kernel corrects; positive = the oscillator runs fast
 *     (the kernel holds the correction, the opposite sign)
 * @param maxErrorSeconds maxerror: grows 500 µs/s while nobody updates it
 * @param estimatedErrorSeconds esterror
 * @param taiOffsetSeconds TAI − UTC as the kernel holds it (0 = never set)
 */
public record KernelClock(
    KernelTimeState state,
    int status,
    double offsetSeconds,
    double frequencyPpm,
    double maxErrorSeconds,
    double estimatedErrorSeconds,
    int taiOffsetSeconds) {

  /** The kernel's own view, whichever daemon disciplines it: node_exporter's sync status. */
  public boolean synchronized_() {
    return state != KernelTimeState.ERROR;
  }
}
