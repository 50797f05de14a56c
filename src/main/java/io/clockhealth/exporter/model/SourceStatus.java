package io.clockhealth.exporter.model;

import org.jspecify.annotations.Nullable;

/**
 * One time source as a daemon sees it, in base units and the exporter's sign convention (offset =
 * local clock minus source). {@code null} components were not measured and yield no series.
 */
public record SourceStatus(
    String source,
    @Nullable SourceMode mode,
    @Nullable String refId,
    @Nullable SourceState state,
    @Nullable Double offsetSeconds,
    @Nullable Double offsetErrorSeconds,
    @Nullable Double delaySeconds,
    @Nullable Double jitterSeconds,
    @Nullable Integer stratum,
    @Nullable Double pollIntervalSeconds,
    @Nullable Integer reachability,
    @Nullable Double lastSampleAgeSeconds,
    @Nullable Integer samples,
    @Nullable Double frequencyPpm,
    @Nullable Double frequencySkewPpm,
    @Nullable Double stdDevSeconds,
    @Nullable Double spanSeconds,
    @Nullable Integer ntsCookies,
    @Nullable Long ntsKeAttempts,
    @Nullable Long ntsNaks,
    @Nullable SelectionReason selectionReason,
    @Nullable Double selectionScore,
    @Nullable NtpExchange exchange) {

  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** A builder holding all of this, for a report that adds to what another one said. */
  public Builder toBuilder() {
    return new Builder(source)
        .mode(mode)
        .refId(refId)
        .state(state)
        .offsetSeconds(offsetSeconds)
        .offsetErrorSeconds(offsetErrorSeconds)
        .delaySeconds(delaySeconds)
        .jitterSeconds(jitterSeconds)
        .stratum(stratum)
        .pollIntervalSeconds(pollIntervalSeconds)
        .reachability(reachability)
        .lastSampleAgeSeconds(lastSampleAgeSeconds)
        .samples(samples)
        .frequencyPpm(frequencyPpm)
        .frequencySkewPpm(frequencySkewPpm)
        .stdDevSeconds(stdDevSeconds)
        .spanSeconds(spanSeconds)
        .ntsCookies(ntsCookies)
        .ntsKeAttempts(ntsKeAttempts)
        .ntsNaks(ntsNaks)
        .selectionReason(selectionReason)
        .selectionScore(selectionScore)
        .exchange(exchange);
  }

  /** Fluent builder, so each daemon's mapper sets only what its tool reports. */
  public static final class Builder {
    private final String source;
    private @Nullable SourceMode mode;
    private @Nullable String refId;
    private @Nullable SourceState state;
    private @Nullable Double offsetSeconds;
    private @Nullable Double offsetErrorSeconds;
    private @Nullable Double delaySeconds;
    private @Nullable Double jitterSeconds;
    private @Nullable Integer stratum;
    private @Nullable Double pollIntervalSeconds;
    private @Nullable Integer reachability;
    private @Nullable Double lastSampleAgeSeconds;
    private @Nullable Integer samples;
    private @Nullable Double frequencyPpm;
    private @Nullable Double frequencySkewPpm;
    private @Nullable Double stdDevSeconds;
    private @Nullable Double spanSeconds;
    private @Nullable Integer ntsCookies;
    private @Nullable Long ntsKeAttempts;
    private @Nullable Long ntsNaks;
    private @Nullable SelectionReason selectionReason;
    private @Nullable Double selectionScore;
    private @Nullable NtpExchange exchange;

    private Builder(String source) {
      this.source = source;
    }

    public Builder mode(@Nullable SourceMode value) {
      mode = value;
      return this;
    }

    public Builder refId(@Nullable String value) {
      refId = value;
      return this;
    }

    public Builder state(@Nullable SourceState value) {
      state = value;
      return this;
    }

    public Builder offsetSeconds(@Nullable Double value) {
      offsetSeconds = value;
      return this;
    }

    public Builder offsetErrorSeconds(@Nullable Double value) {
      offsetErrorSeconds = value;
      return this;
    }

    public Builder delaySeconds(@Nullable Double value) {
      delaySeconds = value;
      return this;
    }

    public Builder jitterSeconds(@Nullable Double value) {
      jitterSeconds = value;
      return this;
    }

    public Builder stratum(@Nullable Integer value) {
      stratum = value;
      return this;
    }

    public Builder pollIntervalSeconds(@Nullable Double value) {
      pollIntervalSeconds = value;
      return this;
    }

    public Builder reachability(@Nullable Integer value) {
      reachability = value;
      return this;
    }

    public Builder lastSampleAgeSeconds(@Nullable Double value) {
      lastSampleAgeSeconds = value;
      return this;
    }

    public Builder samples(@Nullable Integer value) {
      samples = value;
      return this;
    }

    public Builder frequencyPpm(@Nullable Double value) {
      frequencyPpm = value;
      return this;
    }

    public Builder frequencySkewPpm(@Nullable Double value) {
      frequencySkewPpm = value;
      return this;
    }

    public Builder stdDevSeconds(@Nullable Double value) {
      stdDevSeconds = value;
      return this;
    }

    public Builder spanSeconds(@Nullable Double value) {
      spanSeconds = value;
      return this;
    }

    public Builder ntsCookies(@Nullable Integer value) {
      ntsCookies = value;
      return this;
    }

    public Builder ntsKeAttempts(@Nullable Long value) {
      ntsKeAttempts = value;
      return this;
    }

    public Builder ntsNaks(@Nullable Long value) {
      ntsNaks = value;
      return this;
    }

    public Builder selectionReason(@Nullable SelectionReason value) {
      selectionReason = value;
      return this;
    }

    public Builder selectionScore(@Nullable Double value) {
      selectionScore = value;
      return this;
    }

    public Builder exchange(@Nullable NtpExchange value) {
      exchange = value;
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
          ntsNaks,
          selectionReason,
          selectionScore,
          exchange);
    }
  }
}
