package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.DaemonReport;
import java.util.List;

/**
 * What one collector produced in one scrape. {@code success} is false when any of its required
 * commands failed or did not parse; {@code report} still carries whatever was measured.
 */
public record CollectionResult(boolean success, DaemonReport report, List<String> refused) {

  /**
   * @param refused the commands the daemon refuses to this client, e.g. chronyd's socket-only
   *     reports over UDP
   */
  public CollectionResult {
    refused = List.copyOf(refused);
  }

  public CollectionResult(boolean success, DaemonReport report) {
    this(success, report, List.of());
  }
}
