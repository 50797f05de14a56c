package io.clockhealth.exporter.collect.chrony;

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code chronyc clients}: one address in chronyd's client log. The second group of
 * columns is command packets ({@code chronyc clients -k} prints NTS-KE there instead).
 *
 * @param ntpIntervalLog2 mean interval between NTP requests, log2 seconds; null when too few
 * @param ntpLimitedIntervalLog2 the same after rate limiting; null when none was limited
 * @param ntpLastSeconds age of the last NTP request; null when never
 */
public record ChronyClient(
    String address,
    long ntpHits,
    long ntpDrops,
    @Nullable Integer ntpIntervalLog2,
    @Nullable Integer ntpLimitedIntervalLog2,
    @Nullable Double ntpLastSeconds,
    long commandHits,
    long commandDrops,
    @Nullable Integer commandIntervalLog2,
    @Nullable Double commandLastSeconds) {}
