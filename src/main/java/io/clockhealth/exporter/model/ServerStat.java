package io.clockhealth.exporter.model;

/**
 * One server-role statistic (chrony {@code serverstats}). {@code name} is the metric name; counters
 * are named without the {@code _total} suffix, which the exposition adds.
 */
public record ServerStat(String name, String help, double value, boolean counter) {}
