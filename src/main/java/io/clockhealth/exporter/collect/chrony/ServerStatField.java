package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.metrics.MetricCatalog;

/**
 * The lines of {@code chronyc serverstats} in the order chrony prints them (and the CSV layout
 * lists them). chrony 2.4–4.3 print a prefix of this list; 4.4+ print all of it. Names, types and
 * help texts come from {@link MetricCatalog}.
 */
public enum ServerStatField {
  NTP_PACKETS_RECEIVED("NTP packets received", MetricCatalog.SERVER_NTP_PACKETS_RECEIVED),
  NTP_PACKETS_DROPPED("NTP packets dropped", MetricCatalog.SERVER_NTP_PACKETS_DROPPED),
  COMMAND_PACKETS_RECEIVED(
      "Command packets received", MetricCatalog.SERVER_COMMAND_PACKETS_RECEIVED),
  COMMAND_PACKETS_DROPPED("Command packets dropped", MetricCatalog.SERVER_COMMAND_PACKETS_DROPPED),
  CLIENT_LOG_RECORDS_DROPPED(
      "Client log records dropped", MetricCatalog.SERVER_CLIENT_LOG_RECORDS_DROPPED),
  NTS_KE_CONNECTIONS_ACCEPTED(
      "NTS-KE connections accepted", MetricCatalog.SERVER_NTS_KE_CONNECTIONS_ACCEPTED),
  NTS_KE_CONNECTIONS_DROPPED(
      "NTS-KE connections dropped", MetricCatalog.SERVER_NTS_KE_CONNECTIONS_DROPPED),
  AUTHENTICATED_NTP_PACKETS(
      "Authenticated NTP packets", MetricCatalog.SERVER_AUTHENTICATED_NTP_PACKETS),
  INTERLEAVED_NTP_PACKETS("Interleaved NTP packets", MetricCatalog.SERVER_INTERLEAVED_NTP_PACKETS),
  NTP_TIMESTAMPS_HELD("NTP timestamps held", MetricCatalog.SERVER_NTP_TIMESTAMPS_HELD),
  NTP_TIMESTAMP_SPAN("NTP timestamp span", MetricCatalog.SERVER_NTP_TIMESTAMP_SPAN_SECONDS),
  NTP_DAEMON_RX_TIMESTAMPS(
      "NTP daemon RX timestamps", MetricCatalog.SERVER_NTP_DAEMON_RX_TIMESTAMPS),
  NTP_DAEMON_TX_TIMESTAMPS(
      "NTP daemon TX timestamps", MetricCatalog.SERVER_NTP_DAEMON_TX_TIMESTAMPS),
  NTP_KERNEL_RX_TIMESTAMPS(
      "NTP kernel RX timestamps", MetricCatalog.SERVER_NTP_KERNEL_RX_TIMESTAMPS),
  NTP_KERNEL_TX_TIMESTAMPS(
      "NTP kernel TX timestamps", MetricCatalog.SERVER_NTP_KERNEL_TX_TIMESTAMPS),
  NTP_HARDWARE_RX_TIMESTAMPS(
      "NTP hardware RX timestamps", MetricCatalog.SERVER_NTP_HARDWARE_RX_TIMESTAMPS),
  NTP_HARDWARE_TX_TIMESTAMPS(
      "NTP hardware TX timestamps", MetricCatalog.SERVER_NTP_HARDWARE_TX_TIMESTAMPS);

  private final String label;
  private final MetricCatalog metric;

  ServerStatField(String label, MetricCatalog metric) {
    this.label = label;
    this.metric = metric;
  }

  /** The text before the colon in chronyc's human layout. */
  public String label() {
    return label;
  }

  /** The catalogued metric this line is served as. */
  public MetricCatalog metric() {
    return metric;
  }

  /** Metric name; counters without the {@code _total} suffix the exposition adds. */
  public String metricName() {
    return metric.baseName();
  }

  /** False for the two gauges (timestamps held, timestamp span). */
  public boolean counter() {
    return metric.type() == MetricCatalog.Type.COUNTER;
  }
}
