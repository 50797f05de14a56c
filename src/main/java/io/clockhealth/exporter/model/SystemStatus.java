package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * A daemon's view of the local clock, in base units and the exporter's sign convention (offset =
 * local clock minus reference; frequency positive = local oscillator fast). A {@code null}
 * component was not measured and yields no series.
 */
public record SystemStatus(
    @Nullable Boolean synchronized_,
    @Nullable Double offsetSeconds,
    @Nullable Double lastOffsetSeconds,
    @Nullable Double rmsOffsetSeconds,
    @Nullable Double frequencyPpm,
    @Nullable Double residualFrequencyPpm,
    @Nullable Double skewPpm,
    @Nullable Double rootDelaySeconds,
    @Nullable Double rootDispersionSeconds,
    @Nullable Integer stratum,
    @Nullable String refId,
    @Nullable String reference,
    @Nullable Double referenceTimestampSeconds,
    @Nullable Double updateIntervalSeconds,
    @Nullable Double pollIntervalSeconds,
    @Nullable Double jitterSeconds,
    @Nullable LeapStatus leapStatus,
    @Nullable Boolean localReference,
    @Nullable Integer sourcesOnline,
    @Nullable Integer sourcesOffline) {

  /**
   * |offset| + root dispersion + root delay / 2: the bound on the clock error NTP itself uses (root
   * distance plus the current offset). Absent unless all three parts were measured.
   */
  public @Nullable Double maxErrorSeconds() {
    if (offsetSeconds == null || rootDispersionSeconds == null || rootDelaySeconds == null) {
      return null;
    }
    return Math.abs(offsetSeconds) + rootDispersionSeconds + rootDelaySeconds / 2;
  }

  /** A builder holding all of this, for a report that adds to what another one said. */
  public Builder toBuilder() {
    return builder()
        .synchronized_(synchronized_)
        .offsetSeconds(offsetSeconds)
        .lastOffsetSeconds(lastOffsetSeconds)
        .rmsOffsetSeconds(rmsOffsetSeconds)
        .frequencyPpm(frequencyPpm)
        .residualFrequencyPpm(residualFrequencyPpm)
        .skewPpm(skewPpm)
        .rootDelaySeconds(rootDelaySeconds)
        .rootDispersionSeconds(rootDispersionSeconds)
        .stratum(stratum)
        .refId(refId)
        .reference(reference)
        .referenceTimestampSeconds(referenceTimestampSeconds)
        .updateIntervalSeconds(updateIntervalSeconds)
        .pollIntervalSeconds(pollIntervalSeconds)
        .jitterSeconds(jitterSeconds)
        .leapStatus(leapStatus)
        .localReference(localReference)
        .sourcesOnline(sourcesOnline)
        .sourcesOffline(sourcesOffline);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder: parsers set what they read and leave the rest absent. */
  public static final class Builder {
    private @Nullable Boolean synchronized_;
    private @Nullable Double offsetSeconds;
    private @Nullable Double lastOffsetSeconds;
    private @Nullable Double rmsOffsetSeconds;
    private @Nullable Double frequencyPpm;
    private @Nullable Double residualFrequencyPpm;
    private @Nullable Double skewPpm;
    private @Nullable Double rootDelaySeconds;
    private @Nullable Double rootDispersionSeconds;
    private @Nullable Integer stratum;
    private @Nullable String refId;
    private @Nullable String reference;
    private @Nullable Double referenceTimestampSeconds;
    private @Nullable Double updateIntervalSeconds;
    private @Nullable Double pollIntervalSeconds;
    private @Nullable Double jitterSeconds;
    private @Nullable LeapStatus leapStatus;
    private @Nullable Boolean localReference;
    private @Nullable Integer sourcesOnline;
    private @Nullable Integer sourcesOffline;

    public Builder synchronized_(@Nullable Boolean value) {
      synchronized_ = value;
      return this;
    }

    public Builder offsetSeconds(@Nullable Double value) {
      offsetSeconds = value;
      return this;
    }

    public Builder lastOffsetSeconds(@Nullable Double value) {
      lastOffsetSeconds = value;
      return this;
    }

    public Builder rmsOffsetSeconds(@Nullable Double value) {
      rmsOffsetSeconds = value;
      return this;
    }

    public Builder frequencyPpm(@Nullable Double value) {
      frequencyPpm = value;
      return this;
    }

    public Builder residualFrequencyPpm(@Nullable Double value) {
      residualFrequencyPpm = value;
      return this;
    }

    public Builder skewPpm(@Nullable Double value) {
      skewPpm = value;
      return this;
    }

    public Builder rootDelaySeconds(@Nullable Double value) {
      rootDelaySeconds = value;
      return this;
    }

    public Builder rootDispersionSeconds(@Nullable Double value) {
      rootDispersionSeconds = value;
      return this;
    }

    public Builder stratum(@Nullable Integer value) {
      stratum = value;
      return this;
    }

    public Builder refId(@Nullable String value) {
      refId = value;
      return this;
    }

    public Builder reference(@Nullable String value) {
      reference = value;
      return this;
    }

    public Builder referenceTimestampSeconds(@Nullable Double value) {
      referenceTimestampSeconds = value;
      return this;
    }

    public Builder updateIntervalSeconds(@Nullable Double value) {
      updateIntervalSeconds = value;
      return this;
    }

    public Builder pollIntervalSeconds(@Nullable Double value) {
      pollIntervalSeconds = value;
      return this;
    }

    public Builder jitterSeconds(@Nullable Double value) {
      jitterSeconds = value;
      return this;
    }

    public Builder leapStatus(@Nullable LeapStatus value) {
      leapStatus = value;
      return this;
    }

    public Builder localReference(@Nullable Boolean value) {
      localReference = value;
      return this;
    }

    /** Sources online, a burst that returns online included (chrony's activity). */
    public Builder sourcesOnline(@Nullable Integer value) {
      sourcesOnline = value;
      return this;
    }

    /** Sources offline, a burst that returns offline included (chrony's activity). */
    public Builder sourcesOffline(@Nullable Integer value) {
      sourcesOffline = value;
      return this;
    }

    public SystemStatus build() {
      return new SystemStatus(
          synchronized_,
          offsetSeconds,
          lastOffsetSeconds,
          rmsOffsetSeconds,
          frequencyPpm,
          residualFrequencyPpm,
          skewPpm,
          rootDelaySeconds,
          rootDispersionSeconds,
          stratum,
          refId,
          reference,
          referenceTimestampSeconds,
          updateIntervalSeconds,
          pollIntervalSeconds,
          jitterSeconds,
          leapStatus,
          localReference,
          sourcesOnline,
          sourcesOffline);
    }
  }
}
