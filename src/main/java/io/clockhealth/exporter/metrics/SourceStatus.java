package io.clockhealth.exporter.metrics;

/**
 * One time source as a daemon sees it, in base units and the exporter's sign convention (offset =
 * local clock minus source). {@code null} components were not measured and yield no series.
 */
public record SourceStatus(
    String source,
    SourceMode mode,
    String refId,
    SourceState state,
    Double offsetSeconds,
    Double offsetErrorSeconds,
    Double delaySeconds,
    Double jitterSeconds,
    Integer stratum,
    Double pollIntervalSeconds,
    Integer reachability,
    Double lastSampleAgeSeconds,
    Integer samples,
    Double frequencyPpm,
    Double frequencySkewPpm,
    Double stdDevSeconds,
    Double spanSeconds,
    Integer ntsCookies,
    Long ntsKeAttempts,
    Long ntsNaks) {

  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Fluent builder, so each daemon's mapper sets only what its tool reports. */
  public static final class Builder {
    private final String source;
    private SourceMode mode;
    private String refId;
    private SourceState state;
    private Double offsetSeconds;
    private Double offsetErrorSeconds;
    private Double delaySeconds;
    private Double jitterSeconds;
    private Integer stratum;
    private Double pollIntervalSeconds;
    private Integer reachability;
    private Double lastSampleAgeSeconds;
    private Integer samples;
    private Double frequencyPpm;
    private Double frequencySkewPpm;
    private Double stdDevSeconds;
    private Double spanSeconds;
    private Integer ntsCookies;
    private Long ntsKeAttempts;
    private Long ntsNaks;

    private Builder(String source) {
      this.source = source;
    }

    public Builder mode(SourceMode value) {
      mode = value;
      return this;
    }

    public Builder refId(String value) {
      refId = value;
      return this;
    }

    public Builder state(SourceState value) {
      state = value;
      return this;
    }

    public Builder offsetSeconds(Double value) {
      offsetSeconds = value;
      return this;
    }

    public Builder offsetErrorSeconds(Double value) {
      offsetErrorSeconds = value;
      return this;
    }

    public Builder delaySeconds(Double value) {
      delaySeconds = value;
      return this;
    }

    public Builder jitterSeconds(Double value) {
      jitterSeconds = value;
      return this;
    }

    public Builder stratum(Integer value) {
      stratum = value;
      return this;
    }

    public Builder pollIntervalSeconds(Double value) {
      pollIntervalSeconds = value;
      return this;
    }

    public Builder reachability(Integer value) {
      reachability = value;
      return this;
    }

    public Builder lastSampleAgeSeconds(Double value) {
      lastSampleAgeSeconds = value;
      return this;
    }

    public Builder samples(Integer value) {
      samples = value;
      return this;
    }

    public Builder frequencyPpm(Double value) {
      frequencyPpm = value;
      return this;
    }

    public Builder frequencySkewPpm(Double value) {
      frequencySkewPpm = value;
      return this;
    }

    public Builder stdDevSeconds(Double value) {
      stdDevSeconds = value;
      return this;
    }

    public Builder spanSeconds(Double value) {
      spanSeconds = value;
      return this;
    }

    public Builder ntsCookies(Integer value) {
      ntsCookies = value;
      return this;
    }

    public Builder ntsKeAttempts(Long value) {
      ntsKeAttempts = value;
      return this;
    }

    public Builder ntsNaks(Long value) {
      ntsNaks = value;
      return this;
    }

    public SourceStatus build() {
      return new SourceStatus(
          source,
          mode,
          refId,
          state,
          offsetSeconds,
          offsetErrorSeconds,
          delaySeconds,
          jitterSeconds,
          stratum,
          pollIntervalSeconds,
          reachability,
          lastSampleAgeSeconds,
          samples,
          frequencyPpm,
          frequencySkewPpm,
          stdDevSeconds,
          spanSeconds,
          ntsCookies,
          ntsKeAttempts,
          ntsNaks);
    }
  }
}
