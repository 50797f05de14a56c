package io.clockhealth.exporter.collect;

/** A {@link CollectionResult} with the collector's name and the time it took. */
public record CollectorOutcome(String collector, CollectionResult result, double durationSeconds) {}
