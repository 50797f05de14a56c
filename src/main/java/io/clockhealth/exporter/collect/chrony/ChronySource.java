package io.clockhealth.exporter.collect.chrony;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code chronyc sources}, human or CSV layout, offsets in seconds with chrony's sign
 * (positive = local clock ahead of the source, which is the exporter's convention).
 *
 * @param modeSymbol {@code ^} server, {@code =} peer, {@code #} local reference clock
 * @param stateSymbol {@code *} {@code +} {@code -} {@code x} {@code ~} {@code ?}
 * @param name as printed, including a trailing {@code >} when chronyc truncated it
 * @param pollLog2 polling interval as log2 seconds (may be negative)
 * @param reach the reach register, already converted from octal (377 ⇒ 255)
 * @param lastRxSeconds seconds since the last sample; {@code null} when never ({@code -})
 */
public record ChronySource(
    char modeSymbol,
    char stateSymbol,
    String name,
    int stratum,
    int pollLog2,
    int reach,
    @Nullable Double lastRxSeconds,
    double adjustedOffsetSeconds,
    double measuredOffsetSeconds,
    double errorSeconds) {}
