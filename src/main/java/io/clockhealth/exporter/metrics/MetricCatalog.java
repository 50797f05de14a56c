package io.clockhealth.exporter.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every metric the exporter can serve: the one place a metric name and its help text are spelt. A
 * metric's name is {@code clock_} and its constant's name in lower case: {@link #OFFSET_SECONDS} is
 * {@code clock_offset_seconds}. {@link ClockMetrics} and the chrony serverstats fields take their
 * names from here, and a unit test checks that docs/metrics.md, the alert rules and the dashboards
 * use only these names (and that docs/metrics.md documents each of them).
 *
 * <p>{@link #baseName()} is the name client_java registers; {@link #exposedName()} is what a scrape
 * shows and PromQL selects: counters get {@code _total}, info metrics {@code _info}.
 */
public enum MetricCatalog {
  // Exporter and host
  TIME_SECONDS(
      Type.GAUGE,
      "Exporter host's wall clock at collection, Unix seconds; compare with"
          + " timestamp(clock_time_seconds) for skew against Prometheus."),
  SCRAPE_COLLECTOR_SUCCESS(
      Type.GAUGE, "1 if the collector's commands ran and their output parsed, else 0."),
  SCRAPE_COLLECTOR_DURATION_SECONDS(Type.GAUGE, "Time the collector spent in this scrape."),
  EXPORTER_BUILD(Type.INFO, "Build of clock-health-exporter."),

  // Host clock: the kernel and the host's files, no daemon label
  KERNEL_SYNCHRONIZED(
      Type.GAUGE,
      "1 unless adjtimex(2) returns TIME_ERROR: the kernel's own view, whichever daemon"
          + " disciplines it (node_timex_sync_status)."),
  KERNEL_TIME_STATE(
      Type.GAUGE, "The clock state adjtimex(2) returns as a state set: the current state is 1."),
  KERNEL_STATUS_FLAG(Type.GAUGE, "1 when the kernel's STA_* status bit is set, else 0."),
  KERNEL_OFFSET_SECONDS(
      Type.GAUGE,
      "Phase offset the kernel PLL is still correcting, local clock minus reference"
          + " (-node_timex_offset_seconds)."),
  KERNEL_FREQUENCY_PPM(
      Type.GAUGE, "Frequency error the kernel corrects; positive = local oscillator runs fast."),
  KERNEL_MAX_ERROR_SECONDS(
      Type.GAUGE,
      "The kernel's maximum error; grows 500 us/s while no daemon updates it, 16 s = unsynchronised."),
  KERNEL_ESTIMATED_ERROR_SECONDS(Type.GAUGE, "The kernel's estimated error."),
  KERNEL_TAI_OFFSET_SECONDS(Type.GAUGE, "TAI minus UTC as the kernel holds it (0 = never set)."),
  RTC_TIME_SECONDS(
      Type.GAUGE, "The real-time clock as the kernel reads it, Unix seconds (1 s resolution)."),
  RTC_OFFSET_SECONDS(Type.GAUGE, "RTC minus system clock; positive = RTC ahead (1 s resolution)."),
  RTC_HCTOSYS(Type.GAUGE, "1 if the system clock was set from this RTC at boot."),
  RTC_LOCAL_TIME(
      Type.GAUGE,
      "1 when the RTC keeps local time (/etc/adjtime LOCAL, timedated LocalRTC=yes), 0 for UTC."),
  CLOCKSOURCE_CURRENT(
      Type.INFO, "The kernel's current clocksource (node_time_clocksource_current_info)."),
  CLOCKSOURCE_AVAILABLE(
      Type.INFO, "A clocksource the kernel could use (node_time_clocksource_available_info)."),
  TIMEZONE(Type.INFO, "The host's time zone (/etc/localtime)."),
  TIMEZONE_OFFSET_SECONDS(
      Type.GAUGE, "The host time zone's current UTC offset, east positive, DST included."),
  TIME_DAEMON_RUNNING(Type.GAUGE, "1 per clock-disciplining process found running in /proc."),
  TIMEDATED_NTP_ENABLED(
      Type.GAUGE, "1 when systemd-timedated says NTP is enabled (timedatectl NTP=yes), else 0."),
  STEPS(
      Type.COUNTER,
      "Wall-clock steps seen since the exporter started, by direction (larger than 5 ms, against"
          + " CLOCK_BOOTTIME: a suspend is not a step)."),
  LAST_STEP_SECONDS(
      Type.GAUGE, "Size of the last wall-clock step, new minus old: negative = time went back."),
  LAST_STEP_TIMESTAMP_SECONDS(Type.GAUGE, "When the last wall-clock step was seen, Unix seconds."),

  // Per daemon
  DAEMON_UP(
      Type.GAUGE,
      "1 if the time daemon answered its tool, 0 if the tool ran but the daemon did not."),
  SYNCHRONIZED(Type.GAUGE, "1 if the daemon considers the clock synchronised to a source."),
  OFFSET_SECONDS(
      Type.GAUGE, "Estimated local clock minus true time; positive = local clock ahead (fast)."),
  LAST_OFFSET_SECONDS(
      Type.GAUGE, "Offset measured at the last clock update (local minus reference)."),
  RMS_OFFSET_SECONDS(Type.GAUGE, "Long-term average of the offset (root mean square)."),
  FREQUENCY_PPM(
      Type.GAUGE, "Frequency error of the local clock; positive = local oscillator runs fast."),
  RESIDUAL_FREQUENCY_PPM(Type.GAUGE, "Residual frequency of the selected reference."),
  SKEW_PPM(Type.GAUGE, "Estimated error bound on the frequency."),
  ROOT_DELAY_SECONDS(Type.GAUGE, "Total network path delay to the primary reference."),
  ROOT_DISPERSION_SECONDS(Type.GAUGE, "Total dispersion accumulated to the primary reference."),
  MAX_ERROR_SECONDS(
      Type.GAUGE, "Upper bound on the clock error: |offset| + root dispersion + root delay / 2."),
  STRATUM(Type.GAUGE, "Stratum of the local clock."),
  REFERENCE(
      Type.INFO, "Reference the daemon follows: ref_id as printed, reference = selected source."),
  REFERENCE_TIMESTAMP_SECONDS(Type.GAUGE, "Unix time of the last clock update from the reference."),
  UPDATE_INTERVAL_SECONDS(Type.GAUGE, "Interval between the last two clock updates."),
  POLL_INTERVAL_SECONDS(Type.GAUGE, "Current polling interval of the daemon."),
  JITTER_SECONDS(Type.GAUGE, "System jitter."),
  LEAP_STATUS(Type.GAUGE, "Leap indicator as a state set: the current status is 1, the others 0."),
  SOURCES_ONLINE(
      Type.GAUGE,
      "Sources the daemon polls (chronyc activity; a burst returning online included)."),
  SOURCES_OFFLINE(
      Type.GAUGE,
      "Sources taken offline (chronyc offline or auto_offline; a burst returning offline included)."),
  LOCAL_REFERENCE(
      Type.GAUGE, "1 when the daemon follows its own local clock (chrony 7F7F0101, ntpd LOCL)."),

  // Per source
  SOURCE(Type.INFO, "A time source of the daemon; mode and the source's own reference id."),
  SOURCE_STATE(Type.GAUGE, "Selection state of the source as a state set: the current state is 1."),
  SOURCE_OFFSET_SECONDS(
      Type.GAUGE, "Local clock minus source; positive = local clock ahead of the source."),
  SOURCE_OFFSET_ERROR_SECONDS(Type.GAUGE, "Estimated error of the source offset (chrony's +/-)."),
  SOURCE_DELAY_SECONDS(Type.GAUGE, "Round-trip delay to the source."),
  SOURCE_JITTER_SECONDS(Type.GAUGE, "Jitter of the source."),
  SOURCE_STRATUM(Type.GAUGE, "Stratum of the source."),
  SOURCE_POLL_INTERVAL_SECONDS(Type.GAUGE, "Polling interval of the source."),
  SOURCE_REACHABILITY(
      Type.GAUGE, "Reachability register (8 bits) as an integer; 255 = last 8 polls answered."),
  SOURCE_LAST_SAMPLE_AGE_SECONDS(Type.GAUGE, "Seconds since the last sample from the source."),
  SOURCE_SAMPLES(Type.GAUGE, "Sample points the daemon keeps for the source."),
  SOURCE_FREQUENCY_PPM(Type.GAUGE, "Estimated residual frequency of the source."),
  SOURCE_FREQUENCY_SKEW_PPM(Type.GAUGE, "Estimated error bound on the source frequency."),
  SOURCE_STD_DEV_SECONDS(Type.GAUGE, "Estimated standard deviation of the source samples."),
  SOURCE_SPAN_SECONDS(Type.GAUGE, "Time between the oldest and newest sample of the source."),
  SOURCE_NTS_COOKIES(
      Type.GAUGE,
      "NTS cookies held for the source; 0 on an NTS source means it cannot authenticate."),
  SOURCE_NTS_KE_ATTEMPTS(Type.GAUGE, "NTS-KE attempts since the last successful one."),
  SOURCE_NTS_NAKS(Type.GAUGE, "NTS NAK responses received from the source."),
  SOURCE_SELECTION(
      Type.INFO, "Why source selection used the source or not, in words (chronyc selectdata)."),
  SOURCE_SELECTION_SCORE(
      Type.GAUGE,
      "chrony's reselection score of the source: above 10 it replaces the selected one."),
  SOURCE_PACKETS_SENT(Type.COUNTER, "NTP requests sent to the source (chronyc ntpdata)."),
  SOURCE_PACKETS_RECEIVED(Type.COUNTER, "NTP replies received from the source."),
  SOURCE_PACKETS_VALID(
      Type.COUNTER,
      "Replies from the source that passed the packet tests (origin, mode, no duplicate)."),
  SOURCE_PACKETS_ACCEPTED(
      Type.COUNTER,
      "Replies from the source that also passed the sample tests and became measurements."),
  SOURCE_INTERLEAVED(Type.GAUGE, "1 when the last exchange used interleaved mode."),
  SOURCE_AUTHENTICATED(
      Type.GAUGE,
      "1 when the last reply from the source was authenticated (NTS or a symmetric key)."),

  // PTP (linuxptp's ptp4l through pmc), daemon="ptp4l"
  PTP_PORT_STATE(
      Type.GAUGE,
      "State of the PTP port as a state set over linuxptp's port states: the current one is 1."),
  PTP_MEAN_PATH_DELAY_SECONDS(
      Type.GAUGE, "Mean one-way path delay to the master; absent unless synchronised to it."),
  PTP_STEPS_REMOVED(
      Type.GAUGE,
      "Clocks between this one and the grandmaster (0 = this clock is the grandmaster)."),
  PTP_LAST_SYNC_AGE_SECONDS(
      Type.GAUGE,
      "Seconds since the last Sync message from the master; served while a port is SLAVE."),
  PTP_GRANDMASTER(
      Type.INFO,
      "The grandmaster the clock follows, with its clock class, accuracy and time source."),
  PTP_UTC_OFFSET_SECONDS(
      Type.GAUGE,
      "TAI minus UTC as the grandmaster announces it; absent when it says it is not valid."),
  PTP_TIME_TRACEABLE(
      Type.GAUGE, "1 when the grandmaster's time is traceable to a primary reference (e.g. GNSS)."),
  PTP_FREQUENCY_TRACEABLE(
      Type.GAUGE, "1 when the grandmaster's frequency is traceable to a primary reference."),

  // Probe of a time server (/probe): one reply, this host's view of the server
  PROBE_REACHABLE(
      Type.GAUGE,
      "1 if any well-formed reply came (a Kiss-o'-Death and an unsynchronised reply included)."),
  PROBE_SUCCESS(
      Type.GAUGE,
      "1 if a reply passed RFC 5905's checks: mode 4, origin, leap, stratum 1-15, root distance,"
          + " fresh reference time."),
  PROBE_DURATION_SECONDS(Type.GAUGE, "How long the probe took, all samples."),
  PROBE_OFFSET_SECONDS(
      Type.GAUGE, "This host's clock minus the server's: a server 73 s fast gives -73."),
  PROBE_DELAY_SECONDS(Type.GAUGE, "Round-trip delay of the reply used."),
  PROBE_STRATUM(Type.GAUGE, "Stratum the server sent."),
  PROBE_PRECISION_SECONDS(Type.GAUGE, "Precision of the server's clock."),
  PROBE_ROOT_DELAY_SECONDS(
      Type.GAUGE, "Root delay the server sent: its round trip to the reference."),
  PROBE_ROOT_DISPERSION_SECONDS(
      Type.GAUGE, "Root dispersion the server sent: its error bound to the reference."),
  PROBE_ROOT_DISTANCE_SECONDS(
      Type.GAUGE,
      "Delay / 2 + root delay / 2 + root dispersion: the server's error bound seen from here."),
  PROBE_REFERENCE_AGE_SECONDS(Type.GAUGE, "The server's transmit time minus its reference time."),
  PROBE_LEAP_STATUS(
      Type.GAUGE,
      "Leap indicator of the reply as a state set: the current status is 1, the others 0."),
  PROBE_REFERENCE(
      Type.INFO, "The server's reference ID: 8 hex digits, or the ASCII code at stratum 1."),
  PROBE_KISS_CODE(
      Type.INFO, "The Kiss-o'-Death code the server answered with (RATE, DENY, RSTR, ...)."),
  PROBE_SAMPLES(Type.GAUGE, "Replies used by the probe."),

  // Server role: chronyc serverstats, one metric per line it prints
  SERVER_NTP_PACKETS_RECEIVED(Type.COUNTER, serverStats("NTP packets received")),
  SERVER_NTP_PACKETS_DROPPED(Type.COUNTER, serverStats("NTP packets dropped")),
  SERVER_COMMAND_PACKETS_RECEIVED(Type.COUNTER, serverStats("Command packets received")),
  SERVER_COMMAND_PACKETS_DROPPED(Type.COUNTER, serverStats("Command packets dropped")),
  SERVER_CLIENT_LOG_RECORDS_DROPPED(Type.COUNTER, serverStats("Client log records dropped")),
  SERVER_NTS_KE_CONNECTIONS_ACCEPTED(Type.COUNTER, serverStats("NTS-KE connections accepted")),
  SERVER_NTS_KE_CONNECTIONS_DROPPED(Type.COUNTER, serverStats("NTS-KE connections dropped")),
  SERVER_AUTHENTICATED_NTP_PACKETS(Type.COUNTER, serverStats("Authenticated NTP packets")),
  SERVER_INTERLEAVED_NTP_PACKETS(Type.COUNTER, serverStats("Interleaved NTP packets")),
  SERVER_NTP_TIMESTAMPS_HELD(Type.GAUGE, serverStats("NTP timestamps held")),
  SERVER_NTP_TIMESTAMP_SPAN_SECONDS(Type.GAUGE, serverStats("NTP timestamp span")),
  SERVER_NTP_DAEMON_RX_TIMESTAMPS(Type.COUNTER, serverStats("NTP daemon RX timestamps")),
  SERVER_NTP_DAEMON_TX_TIMESTAMPS(Type.COUNTER, serverStats("NTP daemon TX timestamps")),
  SERVER_NTP_KERNEL_RX_TIMESTAMPS(Type.COUNTER, serverStats("NTP kernel RX timestamps")),
  SERVER_NTP_KERNEL_TX_TIMESTAMPS(Type.COUNTER, serverStats("NTP kernel TX timestamps")),
  SERVER_NTP_HARDWARE_RX_TIMESTAMPS(Type.COUNTER, serverStats("NTP hardware RX timestamps")),
  SERVER_NTP_HARDWARE_TX_TIMESTAMPS(Type.COUNTER, serverStats("NTP hardware TX timestamps")),
  SERVER_CLIENTS(
      Type.GAUGE,
      "Clients in the server's client log with at least one request, by protocol (chronyc"
          + " clients)."),
  SERVER_CLIENTS_RATE_LIMITED(
      Type.GAUGE, "Clients with at least one request dropped by rate limiting, by protocol."),
  SERVER_CLIENTS_REQUESTS(
      Type.GAUGE,
      "Requests of all logged clients, by protocol; a gauge: records leave a full log."),
  SERVER_CLIENTS_REQUESTS_DROPPED(
      Type.GAUGE, "Requests of all logged clients dropped by rate limiting, by protocol."),
  SERVER_CLIENTS_LAST_REQUEST_AGE_SECONDS(
      Type.HISTOGRAM, "How long ago each logged client's last request came, by protocol."),
  SERVER_CLIENTS_REQUEST_INTERVAL_SECONDS(
      Type.HISTOGRAM, "Each logged client's mean interval between requests, by protocol."),
  SERVER_CLIENT_REQUESTS(
      Type.GAUGE, "Requests of one client (--collector.chrony.clients.per-client)."),
  SERVER_CLIENT_REQUESTS_DROPPED(Type.GAUGE, "Requests of one client dropped by rate limiting."),
  SERVER_CLIENT_LAST_REQUEST_AGE_SECONDS(
      Type.GAUGE, "How long ago one client's last request came."),
  SERVER_CLIENT_REQUEST_INTERVAL_SECONDS(
      Type.GAUGE, "One client's mean interval between requests.");

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

  /** A constant variable, so the constructor may read it. */
  private static final String PREFIX = "clock_";

  private final String baseName;
  private final Type type;
  private final String help;

  MetricCatalog(Type type, String help) {
    this.baseName = PREFIX + name().toLowerCase(Locale.ROOT);
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
