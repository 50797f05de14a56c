package io.clockhealth.exporter.collect.chrony;

/**
 * One row of {@code chronyc sourcestats}, human or CSV layout, in base units.
 *
 * @param name as printed, including a trailing {@code >} when chronyc truncated it
 * @param samples NP, the number of sample points kept
 * @param runs NR, the number of runs of residuals with the same sign
 * @param spanSeconds time between oldest and newest sample ({@code m}/{@code h}/{@code d} suffixes
 *     converted)
 * @param frequencyPpm estimated residual frequency
 * @param frequencySkewPpm estimated error bound on the frequency
 * @param offsetSeconds estimated offset of the source
 * @param stdDevSeconds estimated sample standard deviation
 */
public record ChronySourceStats(
    String name,
    int samples,
    int runs,
    double spanSeconds,
    double frequencyPpm,
    double frequencySkewPpm,
    double offsetSeconds,
    double stdDevSeconds) {}
