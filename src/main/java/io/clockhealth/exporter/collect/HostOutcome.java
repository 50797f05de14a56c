package io.clockhealth.exporter.collect;

/** A {@link HostCollection} with the time it took. */
public record HostOutcome(HostCollection result, double durationSeconds) {}
