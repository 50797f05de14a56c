package io.clockhealth.exporter.collect.chrony;

/**
 * The lines of {@code chronyc serverstats} in the order chrony prints them (and the CSV layout
 * lists them). chrony 2.4–4.3 print a prefix of this list; 4.4+ print all of it.
 */
public enum ServerStatField {
  NTP_PACKETS_RECEIVED("NTP packets received", "clock_server_ntp_packets_received", true),
  NTP_PACKETS_DROPPED("NTP packets dropped", "clock_server_ntp_packets_dropped", true),
  COMMAND_PACKETS_RECEIVED(
      "Command packets received", "clock_server_command_packets_received", true),
  COMMAND_PACKETS_DROPPED("Command packets dropped", "clock_server_command_packets_dropped", true),
  CLIENT_LOG_RECORDS_DROPPED(
      "Client log records dropped", "clock_server_client_log_records_dropped", true),
  NTS_KE_CONNECTIONS_ACCEPTED(
      "NTS-KE connections accepted", "clock_server_nts_ke_connections_accepted", true),
  NTS_KE_CONNECTIONS_DROPPED(
      "NTS-KE connections dropped", "clock_server_nts_ke_connections_dropped", true),
  AUTHENTICATED_NTP_PACKETS(
      "Authenticated NTP packets", "clock_server_authenticated_ntp_packets", true),
  INTERLEAVED_NTP_PACKETS("Interleaved NTP packets", "clock_server_interleaved_ntp_packets", true),
  NTP_TIMESTAMPS_HELD("NTP timestamps held", "clock_server_ntp_timestamps_held", false),
  NTP_TIMESTAMP_SPAN("NTP timestamp span", "clock_server_ntp_timestamp_span_seconds", false),
  NTP_DAEMON_RX_TIMESTAMPS(
      "NTP daemon RX timestamps", "clock_server_ntp_daemon_rx_timestamps", true),
  NTP_DAEMON_TX_TIMESTAMPS(
      "NTP daemon TX timestamps", "clock_server_ntp_daemon_tx_timestamps", true),
  NTP_KERNEL_RX_TIMESTAMPS(
      "NTP kernel RX timestamps", "clock_server_ntp_kernel_rx_timestamps", true),
  NTP_KERNEL_TX_TIMESTAMPS(
      "NTP kernel TX timestamps", "clock_server_ntp_kernel_tx_timestamps", true),
  NTP_HARDWARE_RX_TIMESTAMPS(
      "NTP hardware RX timestamps", "clock_server_ntp_hardware_rx_timestamps", true),
  NTP_HARDWARE_TX_TIMESTAMPS(
      "NTP hardware TX timestamps", "clock_server_ntp_hardware_tx_timestamps", true);

  private final String label;
  private final String metricName;
  private final boolean counter;

  ServerStatField(String label, String metricName, boolean counter) {
    this.label = label;
    this.metricName = metricName;
    this.counter = counter;
  }

  /** The text before the colon in chronyc's human layout. */
  public String label() {
    return label;
  }

  /** Metric name; counters without the {@code _total} suffix the exposition adds. */
  public String metricName() {
    return metricName;
  }

  /** False for the two gauges (timestamps held, timestamp span). */
  public boolean counter() {
    return counter;
  }
}
