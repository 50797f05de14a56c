package io.clockhealth.exporter.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Every metric the exporter can serve: the one place a metric name and its help text are spelt.
 * {@link ClockMetrics} and the chrony serverstats fields take their names from here, and a unit
 * test checks that docs/metrics.md, the alert rules and the dashboards use only these names (and
 * that docs/metrics.md documents each of them).
 *
 * <p>{@link #baseName()} is the name client_java registers; {@link #exposedName()} is what a scrape
 * shows and PromQL selects: counters get {@code _total}, info metrics {@code _info}.
 */
public enum MetricCatalog {
  // Exporter and host
  TIME_SECONDS(
      "clock_time_seconds",
      Type.GAUGE,
      "Exporter host's wall clock at collection, Unix seconds; compare with"
          + " timestamp(clock_time_seconds) for skew against Prometheus."),
  SCRAPE_COLLECTOR_SUCCESS(
      "clock_scrape_collector_success",
      Type.GAUGE,
      "1 if the collector's commands ran and their output parsed, else 0."),
  SCRAPE_COLLECTOR_DURATION_SECONDS(
      "clock_scrape_collector_duration_seconds",
      Type.GAUGE,
      "Time the collector spent in this scrape."),
  EXPORTER_BUILD("clock_exporter_build", Type.INFO, "Build of clock-health-exporter."),

  // Host clock: the kernel and the host's files, no daemon label
  KERNEL_SYNCHRONIZED(
      "clock_kernel_synchronized",
      Type.GAUGE,
      "1 unless adjtimex(2) returns TIME_ERROR: the kernel's own view, whichever daemon"
          + " disciplines it (node_timex_sync_status)."),
  KERNEL_TIME_STATE(
      "clock_kernel_time_state",
      Type.GAUGE,
      "The clock state adjtimex(2) returns as a state set: the current state is 1."),
  KERNEL_STATUS_FLAG(
      "clock_kernel_status_flag",
      Type.GAUGE,
      "1 when the kernel's STA_* status bit is set, else 0."),
  KERNEL_OFFSET_SECONDS(
      "clock_kernel_offset_seconds",
      Type.GAUGE,
      "Phase offset the kernel PLL is still correcting, local clock minus reference"
          + " (-node_timex_offset_seconds)."),
  KERNEL_FREQUENCY_PPM(
      "clock_kernel_frequency_ppm",
      Type.GAUGE,
      "Frequency error the kernel corrects; positive = local oscillator runs fast."),
  KERNEL_MAX_ERROR_SECONDS(
      "clock_kernel_max_error_seconds",
      Type.GAUGE,
      "The kernel's maximum error; grows 500 us/s while no daemon updates it, 16 s = unsynchronised."),
  KERNEL_ESTIMATED_ERROR_SECONDS(
      "clock_kernel_estimated_error_seconds", Type.GAUGE, "The kernel's estimated error."),
  KERNEL_TAI_OFFSET_SECONDS(
      "clock_kernel_tai_offset_seconds",
      Type.GAUGE,
      "TAI minus UTC as the kernel holds it (0 = never set)."),
  RTC_TIME_SECONDS(
      "clock_rtc_time_seconds",
      Type.GAUGE,
      "The real-time clock as the kernel reads it, Unix seconds (1 s resolution)."),
  RTC_OFFSET_SECONDS(
      "clock_rtc_offset_seconds",
      Type.GAUGE,
      "RTC minus system clock; positive = RTC ahead (1 s resolution)."),
  RTC_HCTOSYS(
      "clock_rtc_hctosys", Type.GAUGE, "1 if the system clock was set from this RTC at boot."),
  RTC_LOCAL_TIME(
      "clock_rtc_local_time",
      Type.GAUGE,
      "1 when the RTC keeps local time (/etc/adjtime LOCAL, timedated LocalRTC=yes), 0 for UTC."),
  CLOCKSOURCE_CURRENT(
      "clock_clocksource_current",
      Type.INFO,
      "The kernel's current clocksource (node_time_clocksource_current_info)."),
  CLOCKSOURCE_AVAILABLE(
      "clock_clocksource_available",
      Type.INFO,
      "A clocksource the kernel could use (node_time_clocksource_available_info)."),
  TIMEZONE("clock_timezone", Type.INFO, "The host's time zone (/etc/localtime)."),
  TIMEZONE_OFFSET_SECONDS(
      "clock_timezone_offset_seconds",
      Type.GAUGE,
      "The host time zone's current UTC offset, east positive, DST included."),
  TIME_DAEMON_RUNNING(
      "clock_time_daemon_running",
      Type.GAUGE,
      "1 per clock-disciplining process found running in /proc."),
  TIMEDATED_NTP_ENABLED(
      "clock_timedated_ntp_enabled",
      Type.GAUGE,
      "1 when systemd-timedated says NTP is enabled (timedatectl NTP=yes), else 0."),
  STEPS(
      "clock_steps",
      Type.COUNTER,
      "Wall-clock steps seen since the exporter started, by direction (larger than 5 ms, against"
          + " CLOCK_BOOTTIME: a suspend is not a step)."),
  LAST_STEP_SECONDS(
      "clock_last_step_seconds",
      Type.GAUGE,
      "Size of the last wall-clock step, new minus old: negative = time went back."),
  LAST_STEP_TIMESTAMP_SECONDS(
      "clock_last_step_timestamp_seconds",
      Type.GAUGE,
      "When the last wall-clock step was seen, Unix seconds."),

  // Per daemon
  DAEMON_UP(
      "clock_daemon_up",
      Type.GAUGE,
      "1 if the time daemon answered its tool, 0 if the tool ran but the daemon did not."),
  SYNCHRONIZED(
      "clock_synchronized",
      Type.GAUGE,
      "1 if the daemon considers the clock synchronised to a source."),
  OFFSET_SECONDS(
      "clock_offset_seconds",
      Type.GAUGE,
      "Estimated local clock minus true time; positive = local clock ahead (fast)."),
  LAST_OFFSET_SECONDS(
      "clock_last_offset_seconds",
      Type.GAUGE,
      "Offset measured at the last clock update (local minus reference)."),
  RMS_OFFSET_SECONDS(
      "clock_rms_offset_seconds",
      Type.GAUGE,
      "Long-term average of the offset (root mean square)."),
  FREQUENCY_PPM(
      "clock_frequency_ppm",
      Type.GAUGE,
      "Frequency error of the local clock; positive = local oscillator runs fast."),
  RESIDUAL_FREQUENCY_PPM(
      "clock_residual_frequency_ppm", Type.GAUGE, "Residual frequency of the selected reference."),
  SKEW_PPM("clock_skew_ppm", Type.GAUGE, "Estimated error bound on the frequency."),
  ROOT_DELAY_SECONDS(
      "clock_root_delay_seconds", Type.GAUGE, "Total network path delay to the primary reference."),
  ROOT_DISPERSION_SECONDS(
      "clock_root_dispersion_seconds",
      Type.GAUGE,
      "Total dispersion accumulated to the primary reference."),
  MAX_ERROR_SECONDS(
      "clock_max_error_seconds",
      Type.GAUGE,
      "Upper bound on the clock error: |offset| + root dispersion + root delay / 2."),
  STRATUM("clock_stratum", Type.GAUGE, "Stratum of the local clock."),
  REFERENCE(
      "clock_reference",
      Type.INFO,
      "Reference the daemon follows: ref_id as printed, reference = selected source."),
  REFERENCE_TIMESTAMP_SECONDS(
      "clock_reference_timestamp_seconds",
      Type.GAUGE,
      "Unix time of the last clock update from the reference."),
  UPDATE_INTERVAL_SECONDS(
      "clock_update_interval_seconds", Type.GAUGE, "Interval between the last two clock updates."),
  POLL_INTERVAL_SECONDS(
      "clock_poll_interval_seconds", Type.GAUGE, "Current polling interval of the daemon."),
  JITTER_SECONDS("clock_jitter_seconds", Type.GAUGE, "System jitter."),
  LEAP_STATUS(
      "clock_leap_status",
      Type.GAUGE,
      "Leap indicator as a state set: the current status is 1, the others 0."),
  SOURCES_ONLINE(
      "clock_sources_online",
      Type.GAUGE,
      "Sources the daemon polls (chronyc activity; a burst returning online included)."),
  SOURCES_OFFLINE(
      "clock_sources_offline",
      Type.GAUGE,
      "Sources taken offline (chronyc offline or auto_offline; a burst returning offline included)."),
  LOCAL_REFERENCE(
      "clock_local_reference",
      Type.GAUGE,
      "1 when the daemon follows its own local clock (chrony 7F7F0101, ntpd LOCL)."),

  // Per source
  SOURCE(
      "clock_source",
      Type.INFO,
      "A time source of the daemon; mode and the source's own reference id."),
  SOURCE_STATE(
      "clock_source_state",
      Type.GAUGE,
      "Selection state of the source as a state set: the current state is 1."),
  SOURCE_OFFSET_SECONDS(
      "clock_source_offset_seconds",
      Type.GAUGE,
      "Local clock minus source; positive = local clock ahead of the source."),
  SOURCE_OFFSET_ERROR_SECONDS(
      "clock_source_offset_error_seconds",
      Type.GAUGE,
      "Estimated error of the source offset (chrony's +/-)."),
  SOURCE_DELAY_SECONDS("clock_source_delay_seconds", Type.GAUGE, "Round-trip delay to the source."),
  SOURCE_JITTER_SECONDS("clock_source_jitter_seconds", Type.GAUGE, "Jitter of the source."),
  SOURCE_STRATUM("clock_source_stratum", Type.GAUGE, "Stratum of the source."),
  SOURCE_POLL_INTERVAL_SECONDS(
      "clock_source_poll_interval_seconds", Type.GAUGE, "Polling interval of the source."),
  SOURCE_REACHABILITY(
      "clock_source_reachability",
      Type.GAUGE,
      "Reachability register (8 bits) as an integer; 255 = last 8 polls answered."),
  SOURCE_LAST_SAMPLE_AGE_SECONDS(
      "clock_source_last_sample_age_seconds",
      Type.GAUGE,
      "Seconds since the last sample from the source."),
  SOURCE_SAMPLES(
      "clock_source_samples", Type.GAUGE, "Sample points the daemon keeps for the source."),
  SOURCE_FREQUENCY_PPM(
      "clock_source_frequency_ppm", Type.GAUGE, "Estimated residual frequency of the source."),
  SOURCE_FREQUENCY_SKEW_PPM(
      "clock_source_frequency_skew_ppm",
      Type.GAUGE,
      "Estimated error bound on the source frequency."),
  SOURCE_STD_DEV_SECONDS(
      "clock_source_std_dev_seconds",
      Type.GAUGE,
      "Estimated standard deviation of the source samples."),
  SOURCE_SPAN_SECONDS(
      "clock_source_span_seconds",
      Type.GAUGE,
      "Time between the oldest and newest sample of the source."),
  SOURCE_NTS_COOKIES(
      "clock_source_nts_cookies",
      Type.GAUGE,
      "NTS cookies held for the source; 0 on an NTS source means it cannot authenticate."),
  SOURCE_NTS_KE_ATTEMPTS(
      "clock_source_nts_ke_attempts", Type.GAUGE, "NTS-KE attempts since the last successful one."),
  SOURCE_NTS_NAKS(
      "clock_source_nts_naks", Type.GAUGE, "NTS NAK responses received from the source."),
  SOURCE_SELECTION(
      "clock_source_selection",
      Type.INFO,
      "Why source selection used the source or not, in words (chronyc selectdata)."),
  SOURCE_SELECTION_SCORE(
      "clock_source_selection_score",
      Type.GAUGE,
      "chrony's reselection score of the source: above 10 it replaces the selected one."),
  SOURCE_PACKETS_SENT(
      "clock_source_packets_sent",
      Type.COUNTER,
      "NTP requests sent to the source (chronyc ntpdata)."),
  SOURCE_PACKETS_RECEIVED(
      "clock_source_packets_received", Type.COUNTER, "NTP replies received from the source."),
  SOURCE_PACKETS_VALID(
      "clock_source_packets_valid",
      Type.COUNTER,
      "Replies from the source that passed the packet tests (origin, mode, no duplicate)."),
  SOURCE_PACKETS_ACCEPTED(
      "clock_source_packets_accepted",
      Type.COUNTER,
      "Replies from the source that also passed the sample tests and became measurements."),
  SOURCE_INTERLEAVED(
      "clock_source_interleaved", Type.GAUGE, "1 when the last exchange used interleaved mode."),
  SOURCE_AUTHENTICATED(
      "clock_source_authenticated",
      Type.GAUGE,
      "1 when the last reply from the source was authenticated (NTS or a symmetric key)."),

  // PTP (linuxptp's ptp4l through pmc), daemon="ptp4l"
  PTP_PORT_STATE(
      "clock_ptp_port_state",
      Type.GAUGE,
      "State of the PTP port as a state set over linuxptp's port states: the current one is 1."),
  PTP_MEAN_PATH_DELAY_SECONDS(
      "clock_ptp_mean_path_delay_seconds",
      Type.GAUGE,
      "Mean one-way path delay to the master; absent unless synchronised to it."),
  PTP_STEPS_REMOVED(
      "clock_ptp_steps_removed",
      Type.GAUGE,
      "Clocks between this one and the grandmaster (0 = this clock is the grandmaster)."),
  PTP_LAST_SYNC_AGE_SECONDS(
      "clock_ptp_last_sync_age_seconds",
      Type.GAUGE,
      "Seconds since the last Sync message from the master; served while a port is SLAVE."),
  PTP_GRANDMASTER(
      "clock_ptp_grandmaster",
      Type.INFO,
      "The grandmaster the clock follows, with its clock class, accuracy and time source."),
  PTP_UTC_OFFSET_SECONDS(
      "clock_ptp_utc_offset_seconds",
      Type.GAUGE,
      "TAI minus UTC as the grandmaster announces it; absent when it says it is not valid."),
  PTP_TIME_TRACEABLE(
      "clock_ptp_time_traceable",
      Type.GAUGE,
      "1 when the grandmaster's time is traceable to a primary reference (e.g. GNSS)."),
  PTP_FREQUENCY_TRACEABLE(
      "clock_ptp_frequency_traceable",
      Type.GAUGE,
      "1 when the grandmaster's frequency is traceable to a primary reference."),

  // Probe of a time server (/probe): one reply, this host's view of the server
  PROBE_REACHABLE(
      "clock_probe_reachable",
      Type.GAUGE,
      "1 if any well-formed reply came (a Kiss-o'-Death and an unsynchronised reply included)."),
  PROBE_SUCCESS(
      "clock_probe_success",
      Type.GAUGE,
      "1 if a reply passed RFC 5905's checks: mode 4, origin, leap, stratum 1-15, root distance,"
          + " fresh reference time."),
  PROBE_DURATION_SECONDS(
      "clock_probe_duration_seconds", Type.GAUGE, "How long the probe took, all samples."),
  PROBE_OFFSET_SECONDS(
      "clock_probe_offset_seconds",
      Type.GAUGE,
      "This host's clock minus the server's: a server 73 s fast gives -73."),
  PROBE_DELAY_SECONDS(
      "clock_probe_delay_seconds", Type.GAUGE, "Round-trip delay of the reply used."),
  PROBE_STRATUM("clock_probe_stratum", Type.GAUGE, "Stratum the server sent."),
  PROBE_PRECISION_SECONDS(
      "clock_probe_precision_seconds", Type.GAUGE, "Precision of the server's clock."),
  PROBE_ROOT_DELAY_SECONDS(
      "clock_probe_root_delay_seconds",
      Type.GAUGE,
      "Root delay the server sent: its round trip to the reference."),
  PROBE_ROOT_DISPERSION_SECONDS(
      "clock_probe_root_dispersion_seconds",
      Type.GAUGE,
      "Root dispersion the server sent: its error bound to the reference."),
  PROBE_ROOT_DISTANCE_SECONDS(
      "clock_probe_root_distance_seconds",
      Type.GAUGE,
      "Delay / 2 + root delay / 2 + root dispersion: the server's error bound seen from here."),
  PROBE_REFERENCE_AGE_SECONDS(
      "clock_probe_reference_age_seconds",
      Type.GAUGE,
      "The server's transmit time minus its reference time."),
  PROBE_LEAP_STATUS(
      "clock_probe_leap_status",
      Type.GAUGE,
      "Leap indicator of the reply as a state set: the current status is 1, the others 0."),
  PROBE_REFERENCE(
      "clock_probe_reference",
      Type.INFO,
      "The server's reference ID: 8 hex digits, or the ASCII code at stratum 1."),
  PROBE_KISS_CODE(
      "clock_probe_kiss_code",
      Type.INFO,
      "The Kiss-o'-Death code the server answered with (RATE, DENY, RSTR, ...)."),
  PROBE_SAMPLES("clock_probe_samples", Type.GAUGE, "Replies used by the probe."),

  // Server role: chronyc serverstats, one metric per line it prints
  SERVER_NTP_PACKETS_RECEIVED(
      "clock_server_ntp_packets_received", Type.COUNTER, serverStats("NTP packets received")),
  SERVER_NTP_PACKETS_DROPPED(
      "clock_server_ntp_packets_dropped", Type.COUNTER, serverStats("NTP packets dropped")),
  SERVER_COMMAND_PACKETS_RECEIVED(
      "clock_server_command_packets_received",
      Type.COUNTER,
      serverStats("Command packets received")),
  SERVER_COMMAND_PACKETS_DROPPED(
      "clock_server_command_packets_dropped", Type.COUNTER, serverStats("Command packets dropped")),
  SERVER_CLIENT_LOG_RECORDS_DROPPED(
      "clock_server_client_log_records_dropped",
      Type.COUNTER,
      serverStats("Client log records dropped")),
  SERVER_NTS_KE_CONNECTIONS_ACCEPTED(
      "clock_server_nts_ke_connections_accepted",
      Type.COUNTER,
      serverStats("NTS-KE connections accepted")),
  SERVER_NTS_KE_CONNECTIONS_DROPPED(
      "clock_server_nts_ke_connections_dropped",
      Type.COUNTER,
      serverStats("NTS-KE connections dropped")),
  SERVER_AUTHENTICATED_NTP_PACKETS(
      "clock_server_authenticated_ntp_packets",
      Type.COUNTER,
      serverStats("Authenticated NTP packets")),
  SERVER_INTERLEAVED_NTP_PACKETS(
      "clock_server_interleaved_ntp_packets", Type.COUNTER, serverStats("Interleaved NTP packets")),
  SERVER_NTP_TIMESTAMPS_HELD(
      "clock_server_ntp_timestamps_held", Type.GAUGE, serverStats("NTP timestamps held")),
  SERVER_NTP_TIMESTAMP_SPAN_SECONDS(
      "clock_server_ntp_timestamp_span_seconds", Type.GAUGE, serverStats("NTP timestamp span")),
  SERVER_NTP_DAEMON_RX_TIMESTAMPS(
      "clock_server_ntp_daemon_rx_timestamps",
      Type.COUNTER,
      serverStats("NTP daemon RX timestamps")),
  SERVER_NTP_DAEMON_TX_TIMESTAMPS(
      "clock_server_ntp_daemon_tx_timestamps",
      Type.COUNTER,
      serverStats("NTP daemon TX timestamps")),
  SERVER_NTP_KERNEL_RX_TIMESTAMPS(
      "clock_server_ntp_kernel_rx_timestamps",
      Type.COUNTER,
      serverStats("NTP kernel RX timestamps")),
  SERVER_NTP_KERNEL_TX_TIMESTAMPS(
      "clock_server_ntp_kernel_tx_timestamps",
      Type.COUNTER,
      serverStats("NTP kernel TX timestamps")),
  SERVER_NTP_HARDWARE_RX_TIMESTAMPS(
      "clock_server_ntp_hardware_rx_timestamps",
      Type.COUNTER,
      serverStats("NTP hardware RX timestamps")),
  SERVER_NTP_HARDWARE_TX_TIMESTAMPS(
      "clock_server_ntp_hardware_tx_timestamps",
      Type.COUNTER,
      serverStats("NTP hardware TX timestamps")),
  SERVER_CLIENTS(
      "clock_server_clients",
      Type.GAUGE,
      "Clients in the server's client log with at least one request, by protocol (chronyc"
          + " clients)."),
  SERVER_CLIENTS_RATE_LIMITED(
      "clock_server_clients_rate_limited",
      Type.GAUGE,
      "Clients with at least one request dropped by rate limiting, by protocol."),
  SERVER_CLIENTS_REQUESTS(
      "clock_server_clients_requests",
      Type.GAUGE,
      "Requests of all logged clients, by protocol; a gauge: records leave a full log."),
  SERVER_CLIENTS_REQUESTS_DROPPED(
      "clock_server_clients_requests_dropped",
      Type.GAUGE,
      "Requests of all logged clients dropped by rate limiting, by protocol."),
  SERVER_CLIENTS_LAST_REQUEST_AGE_SECONDS(
      "clock_server_clients_last_request_age_seconds",
      Type.HISTOGRAM,
      "How long ago each logged client's last request came, by protocol."),
  SERVER_CLIENTS_REQUEST_INTERVAL_SECONDS(
      "clock_server_clients_request_interval_seconds",
      Type.HISTOGRAM,
      "Each logged client's mean interval between requests, by protocol."),
  SERVER_CLIENT_REQUESTS(
      "clock_server_client_requests",
      Type.GAUGE,
      "Requests of one client (--collector.chrony.clients.per-client)."),
  SERVER_CLIENT_REQUESTS_DROPPED(
      "clock_server_client_requests_dropped",
      Type.GAUGE,
      "Requests of one client dropped by rate limiting."),
  SERVER_CLIENT_LAST_REQUEST_AGE_SECONDS(
      "clock_server_client_last_request_age_seconds",
      Type.GAUGE,
      "How long ago one client's last request came."),
  SERVER_CLIENT_REQUEST_INTERVAL_SECONDS(
      "clock_server_client_request_interval_seconds",
      Type.GAUGE,
      "One client's mean interval between requests.");

  /** How a metric is exposed. */
  public enum Type {
    GAUGE(""),
    COUNTER("_total"),
    INFO("_info"),
    /** Exposed as {@code _bucket}, {@code _sum} and {@code _count} of this name. */
    HISTOGRAM("");

    private final String suffix;

    Type(String suffix) {
      this.suffix = suffix;
    }
  }

  private final String baseName;
  private final Type type;
  private final String help;

  MetricCatalog(String baseName, Type type, String help) {
    this.baseName = baseName;
    this.type = type;
    this.help = help;
  }

  /** The help text of a serverstats metric: the line of chronyc it comes from. */
  private static String serverStats(String line) {
    return "chronyc serverstats: " + line + ".";
  }

  /** The name client_java registers: counters and info metrics without their suffix. */
  public String baseName() {
    return baseName;
  }

  /** The name a scrape shows and PromQL selects. */
  public String exposedName() {
    return baseName + type.suffix;
  }

  public Type type() {
    return type;
  }

  public String help() {
    return help;
  }

  /** The exposed names of every catalogued metric. */
  public static List<String> exposedNames() {
    return Arrays.stream(values()).map(MetricCatalog::exposedName).toList();
  }
}
