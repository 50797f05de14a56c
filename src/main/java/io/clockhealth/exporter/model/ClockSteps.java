package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * The wall-clock steps seen since the exporter started.
 *
 * @param forward steps that moved the wall clock ahead
 * @param backward steps that moved it back
 * @param lastStepSeconds the last step's size, new minus old (negative = time went back); {@code
 *     null} before the first
 * @param lastStepTimestampSeconds when the last step was seen, Unix seconds on the stepped clock;
 *     {@code null} before the first
 */
public record ClockSteps(
    long forward,
    long backward,
    @Nullable Double lastStepSeconds,
    @Nullable Double lastStepTimestampSeconds) {

  /** None seen yet. */
  public static final ClockSteps NONE = new ClockSteps(0, 0, null, null);
}
