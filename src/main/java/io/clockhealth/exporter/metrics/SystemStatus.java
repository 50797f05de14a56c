package io.clockhealth.exporter.metrics;

/**
 * A daemon's view of the local clock, in base units and the exporter's sign convention (offset =
 * local clock minus reference; frequency positive = local oscillator fast). A {@code null}
 * component was not measured and yields no series.
 */
public record SystemStatus(
    Boolean synchronized_,
    Double offsetSeconds,
    Double lastOffsetSeconds,
    Double rmsOffsetSeconds,
    Double frequencyPpm,
    Double residualFrequencyPpm,
    Double skewPpm,
    Double rootDelaySeconds,
    Double rootDispersionSeconds,
    Integer stratum,
    String refId,
    String reference,
    Double referenceTimestampSeconds,
    Double updateIntervalSeconds,
    Double pollIntervalSeconds,
    Double jitterSeconds,
    LeapStatus leapStatus,
    Boolean localReference) {

  /**
   * |offset| + root dispersion + root delay / 2: the bound on the clock error NTP itself uses (root
   * distance plus the current offset). Absent unless all three parts were measured.
   */
  public Double maxErrorSeconds() {
    if (offsetSeconds == null || rootDispersionSeconds == null || rootDelaySeconds == null) {
      return null;
    }
    return Math.abs(offsetSeconds) + rootDispersionSeconds + rootDelaySeconds / 2;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent builder: parsers set what they read and leave the rest absent. */
  public static final class Builder {
    private Boolean synchronized_;
    private Double offsetSeconds;
    private Double lastOffsetSeconds;
    private Double rmsOffsetSeconds;
    private Double frequencyPpm;
    private Double residualFrequencyPpm;
    private Double skewPpm;
    private Double rootDelaySeconds;
    private Double rootDispersionSeconds;
    private Integer stratum;
    private String refId;
    private String reference;
    private Double referenceTimestampSeconds;
    private Double updateIntervalSeconds;
    private Double pollIntervalSeconds;
    private Double jitterSeconds;
    private LeapStatus leapStatus;
    private Boolean localReference;

    public Builder synchronized_(Boolean value) {
      synchronized_ = value;
      return this;
    }

    public Builder offsetSeconds(Double value) {
      offsetSeconds = value;
      return this;
    }

    public Builder lastOffsetSeconds(Double value) {
      lastOffsetSeconds = value;
      return this;
    }

    public Builder rmsOffsetSeconds(Double value) {
      rmsOffsetSeconds = value;
      return this;
    }

    public Builder frequencyPpm(Double value) {
      frequencyPpm = value;
      return this;
    }

    public Builder residualFrequencyPpm(Double value) {
      residualFrequencyPpm = value;
      return this;
    }

    public Builder skewPpm(Double value) {
      skewPpm = value;
      return this;
    }

    public Builder rootDelaySeconds(Double value) {
      rootDelaySeconds = value;
      return this;
    }

    public Builder rootDispersionSeconds(Double value) {
      rootDispersionSeconds = value;
      return this;
    }

    public Builder stratum(Integer value) {
      stratum = value;
      return this;
    }

    public Builder refId(String value) {
      refId = value;
      return this;
    }

    public Builder reference(String value) {
      reference = value;
      return this;
    }

    public Builder referenceTimestampSeconds(Double value) {
      referenceTimestampSeconds = value;
      return this;
    }

    public Builder updateIntervalSeconds(Double value) {
      updateIntervalSeconds = value;
      return this;
    }

    public Builder pollIntervalSeconds(Double value) {
      pollIntervalSeconds = value;
      return this;
    }

    public Builder jitterSeconds(Double value) {
      jitterSeconds = value;
      return this;
    }

    public Builder leapStatus(LeapStatus value) {
      leapStatus = value;
      return this;
    }

    public Builder localReference(Boolean value) {
      localReference = value;
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
          localReference);
    }
  }
}
