package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.DaemonReport;

/**
 * What one collector produced in one scrape. {@code success} is false when any of its required
 * commands failed or did not parse; {@code report} still carries whatever was measured.
 */
public record CollectionResult(boolean success, DaemonReport report) {}
