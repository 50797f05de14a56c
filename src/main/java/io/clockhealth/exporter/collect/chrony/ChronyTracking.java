package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code chronyc tracking}, human or CSV layout, in base units and the exporter's sign convention.
 *
 * @param refId reference ID as printed: 8 hex digits (chrony ≥ 3.0 and all CSV), or a dotted quad
 *     (chrony < 3.0, e.g. {@code 1.2.3.4})
 * @param referenceName the name in parentheses (CSV field 2); empty when none ({@code ()})
 * @param refTimeSeconds "Ref time (UTC)" as Unix seconds; 0 for the never-synchronised epoch
 * @param systemOffsetSeconds local clock minus NTP time: "slow" ⇒ negative; the CSV field has the
 *     opposite sign and is negated
 * @param lastOffsetSeconds "Last offset" with chrony's printed sign
 * @param frequencyPpm "ppm slow" ⇒ negative, "ppm fast" ⇒ positive (CSV: as printed)
 * @param leapStatus {@code null} when the "Leap status" line is missing
 */
public record ChronyTracking(
    String refId,
    String referenceName,
    int stratum,
    double refTimeSeconds,
    double systemOffsetSeconds,
    double lastOffsetSeconds,
    double rmsOffsetSeconds,
    double frequencyPpm,
    double residualFrequencyPpm,
    double skewPpm,
    double rootDelaySeconds,
    double rootDispersionSeconds,
    double updateIntervalSeconds,
    @Nullable LeapStatus leapStatus) {}
