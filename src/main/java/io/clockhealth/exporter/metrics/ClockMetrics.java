package io.clockhealth.exporter.metrics;

import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.KernelStatusFlag;
import io.clockhealth.exporter.model.KernelTimeState;
import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.NtpExchange;
import io.clockhealth.exporter.model.PtpGrandmaster;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.model.ServerClient;
import io.clockhealth.exporter.model.ServerClients;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what one scrape learnt into the metric contract of docs/metrics.md: names, labels, units
 * and the state-set layout. Every name and help text comes from {@link MetricCatalog}, so every
 * collector and the {@code parse} command expose exactly the same series.
 *
 * <p>State sets ({@code clock_leap_status}, {@code clock_source_state}) are written as gauges with
 * one series per state: client_java's StateSetSnapshot names the state label after the metric,
 * while the contract fixes it as {@code status} / {@code state}.
 */
public final class ClockMetrics {

  private final MetricFamilies families = new MetricFamilies();

  /** The exporter host's wall clock at collection, Unix seconds. */
  public ClockMetrics hostTime(double unixSeconds) {
    families.gauge(MetricCatalog.TIME_SECONDS, Labels.EMPTY, unixSeconds);
    return this;
  }

  public ClockMetrics buildInfo(String version, String revision) {
    families.info(
        MetricCatalog.EXPORTER_BUILD, Labels.of("version", version, "revision", revision));
    return this;
  }

  public ClockMetrics collectorResult(String collector, boolean success, double durationSeconds) {
    Labels labels = Labels.of("collector", collector);
    families.gauge(MetricCatalog.SCRAPE_COLLECTOR_SUCCESS, labels, success);
    families.gauge(MetricCatalog.SCRAPE_COLLECTOR_DURATION_SECONDS, labels, durationSeconds);
    return this;
  }

  public ClockMetrics report(DaemonReport report) {
    Labels daemon = Labels.of("daemon", report.daemon().label());
    families.gauge(MetricCatalog.DAEMON_UP, daemon, report.daemonUp());
    if (report.system() != null) {
      system(daemon, report.system());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (SourceStatus source : report.sources()) {
      source(report.daemon(), uniqueName(source.source(), seen), source);
    }
    for (ServerStat stat : report.serverStats()) {
      if (stat.counter()) {
        families.counter(stat.name(), stat.help(), daemon, stat.value());
      } else {
        families.gauge(stat.name(), stat.help(), daemon, stat.value());
      }
    }
    ServerClients clients = report.clients();
    if (clients != null) {
      clients(daemon, clients);
    }
    PtpStatus ptp = report.ptp();
    if (ptp != null) {
      ptp(daemon, ptp);
    }
    return this;
  }

  private void ptp(Labels daemon, PtpStatus ptp) {
    for (PtpPort port : ptp.ports()) {
      Labels labels = daemon.add("port", port.name());
      for (PtpPortState state : PtpPortState.values()) {
        families.gauge(
            MetricCatalog.PTP_PORT_STATE,
            labels.add("state", state.label()),
            state == port.state());
      }
    }
    families.gauge(MetricCatalog.PTP_MEAN_PATH_DELAY_SECONDS, daemon, ptp.meanPathDelaySeconds());
    families.gauge(MetricCatalog.PTP_STEPS_REMOVED, daemon, ptp.stepsRemoved());
    families.gauge(MetricCatalog.PTP_LAST_SYNC_AGE_SECONDS, daemon, ptp.lastSyncAgeSeconds());
    PtpGrandmaster gm = ptp.grandmaster();
    if (gm != null) {
      families.info(
          MetricCatalog.PTP_GRANDMASTER,
          daemon
              .add("grandmaster_identity", gm.identity())
              .add("clock_class", Integer.toString(gm.clockClass()))
              .add("clock_accuracy", gm.clockAccuracy())
              .add("time_source", gm.timeSource() == null ? "" : gm.timeSource()));
    }
    families.gauge(MetricCatalog.PTP_UTC_OFFSET_SECONDS, daemon, ptp.utcOffsetSeconds());
    families.gauge(MetricCatalog.PTP_TIME_TRACEABLE, daemon, ptp.timeTraceable());
    families.gauge(MetricCatalog.PTP_FREQUENCY_TRACEABLE, daemon, ptp.frequencyTraceable());
  }

  /** Last-request ages: a second to a day, by factors of 4. */
  private static final double[] AGE_BOUNDS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536};

  /** Request intervals: chrony's log2 estimates, from 0.25 s to over an hour, by factors of 4. */
  private static final double[] INTERVAL_BOUNDS = {0.25, 1, 4, 16, 64, 256, 1024, 4096};

  /**
   * A server's client log: per protocol, the clients and their requests, and the distributions of
   * their last-request ages and intervals; per client only for the busiest, up to the limit.
   */
  private void clients(Labels daemon, ServerClients log) {
    for (String protocol : ServerClients.PROTOCOLS) {
      List<ServerClient> of =
          log.clients().stream().filter(c -> c.protocol().equals(protocol)).toList();
      Labels labels = daemon.add("protocol", protocol);
      families.gauge(MetricCatalog.SERVER_CLIENTS, labels, of.size());
      families.gauge(
          MetricCatalog.SERVER_CLIENTS_RATE_LIMITED,
          labels,
          of.stream().filter(c -> c.dropped() > 0).count());
      families.gauge(
          MetricCatalog.SERVER_CLIENTS_REQUESTS,
          labels,
          of.stream().mapToLong(ServerClient::packets).sum());
      families.gauge(
          MetricCatalog.SERVER_CLIENTS_REQUESTS_DROPPED,
          labels,
          of.stream().mapToLong(ServerClient::dropped).sum());
      families.histogram(
          MetricCatalog.SERVER_CLIENTS_LAST_REQUEST_AGE_SECONDS,
          labels,
          AGE_BOUNDS,
          of.stream().map(ServerClient::lastPacketAgeSeconds).filter(Objects::nonNull).toList());
      families.histogram(
          MetricCatalog.SERVER_CLIENTS_REQUEST_INTERVAL_SECONDS,
          labels,
          INTERVAL_BOUNDS,
          of.stream().map(ServerClient::intervalSeconds).filter(Objects::nonNull).toList());
    }
    log.clients().stream()
        .sorted(
            Comparator.comparingLong(ServerClient::packets)
                .reversed()
                .thenComparing(ServerClient::address)
                .thenComparing(ServerClient::protocol))
        .limit(log.perClientLimit())
        .forEach(
            c -> {
              Labels labels = daemon.add("client", c.address()).add("protocol", c.protocol());
              families.gauge(MetricCatalog.SERVER_CLIENT_REQUESTS, labels, c.packets());
              families.gauge(MetricCatalog.SERVER_CLIENT_REQUESTS_DROPPED, labels, c.dropped());
              families.gauge(
                  MetricCatalog.SERVER_CLIENT_LAST_REQUEST_AGE_SECONDS,
                  labels,
                  c.lastPacketAgeSeconds());
              families.gauge(
                  MetricCatalog.SERVER_CLIENT_REQUEST_INTERVAL_SECONDS,
                  labels,
                  c.intervalSeconds());
            });
  }

  /** The host clock's series; {@code null} components and empty lists add nothing. */
  public ClockMetrics host(HostClock host) {
    if (host.kernel() != null) {
      kernel(host.kernel());
    }
    for (RtcClock rtc : host.rtcs()) {
      Labels labels = Labels.of("rtc", rtc.name());
      families.gauge(MetricCatalog.RTC_TIME_SECONDS, labels, rtc.timeSeconds());
      families.gauge(MetricCatalog.RTC_OFFSET_SECONDS, labels, rtc.offsetSeconds());
      families.gauge(MetricCatalog.RTC_HCTOSYS, labels, rtc.hctosys());
    }
    families.gauge(MetricCatalog.RTC_LOCAL_TIME, Labels.EMPTY, host.rtcLocalTime());
    if (host.clocksource() != null) {
      families.info(
          MetricCatalog.CLOCKSOURCE_CURRENT, Labels.of("clocksource", host.clocksource()));
    }
    for (String available : host.clocksourcesAvailable()) {
      families.info(MetricCatalog.CLOCKSOURCE_AVAILABLE, Labels.of("clocksource", available));
    }
    if (host.timezone() != null) {
      families.info(MetricCatalog.TIMEZONE, Labels.of("timezone", host.timezone()));
    }
    families.gauge(
        MetricCatalog.TIMEZONE_OFFSET_SECONDS, Labels.EMPTY, host.timezoneOffsetSeconds());
    for (String process : host.timeDaemonsRunning()) {
      families.gauge(MetricCatalog.TIME_DAEMON_RUNNING, Labels.of("process", process), 1);
    }
    families.gauge(MetricCatalog.TIMEDATED_NTP_ENABLED, Labels.EMPTY, host.timedatedNtpEnabled());
    if (host.steps() != null) {
      steps(host.steps());
    }
    return this;
  }

  private void steps(ClockSteps steps) {
    families.counter(
        MetricCatalog.STEPS, Labels.of("direction", "forward"), (double) steps.forward());
    families.counter(
        MetricCatalog.STEPS, Labels.of("direction", "backward"), (double) steps.backward());
    families.gauge(MetricCatalog.LAST_STEP_SECONDS, Labels.EMPTY, steps.lastStepSeconds());
    families.gauge(
        MetricCatalog.LAST_STEP_TIMESTAMP_SECONDS, Labels.EMPTY, steps.lastStepTimestampSeconds());
  }

  private void kernel(KernelClock k) {
    families.gauge(MetricCatalog.KERNEL_SYNCHRONIZED, Labels.EMPTY, k.synchronized_());
    for (KernelTimeState state : KernelTimeState.values()) {
      families.gauge(
          MetricCatalog.KERNEL_TIME_STATE, Labels.of("state", state.label()), state == k.state());
    }
    for (KernelStatusFlag flag : KernelStatusFlag.values()) {
      families.gauge(
          MetricCatalog.KERNEL_STATUS_FLAG,
          Labels.of("flag", flag.label()),
          flag.isSetIn(k.status()));
    }
    families.gauge(MetricCatalog.KERNEL_OFFSET_SECONDS, Labels.EMPTY, k.offsetSeconds());
    families.gauge(MetricCatalog.KERNEL_FREQUENCY_PPM, Labels.EMPTY, k.frequencyPpm());
    families.gauge(MetricCatalog.KERNEL_MAX_ERROR_SECONDS, Labels.EMPTY, k.maxErrorSeconds());
    families.gauge(
        MetricCatalog.KERNEL_ESTIMATED_ERROR_SECONDS, Labels.EMPTY, k.estimatedErrorSeconds());
    families.gauge(MetricCatalog.KERNEL_TAI_OFFSET_SECONDS, Labels.EMPTY, k.taiOffsetSeconds());
  }

  public MetricSnapshots build() {
    return families.build();
  }

  private void system(Labels daemon, SystemStatus s) {
    families.gauge(MetricCatalog.SYNCHRONIZED, daemon, s.synchronized_());
    families.gauge(MetricCatalog.OFFSET_SECONDS, daemon, s.offsetSeconds());
    families.gauge(MetricCatalog.LAST_OFFSET_SECONDS, daemon, s.lastOffsetSeconds());
    families.gauge(MetricCatalog.RMS_OFFSET_SECONDS, daemon, s.rmsOffsetSeconds());
    families.gauge(MetricCatalog.FREQUENCY_PPM, daemon, s.frequencyPpm());
    families.gauge(MetricCatalog.RESIDUAL_FREQUENCY_PPM, daemon, s.residualFrequencyPpm());
    families.gauge(MetricCatalog.SKEW_PPM, daemon, s.skewPpm());
    families.gauge(MetricCatalog.ROOT_DELAY_SECONDS, daemon, s.rootDelaySeconds());
    families.gauge(MetricCatalog.ROOT_DISPERSION_SECONDS, daemon, s.rootDispersionSeconds());
    families.gauge(MetricCatalog.MAX_ERROR_SECONDS, daemon, s.maxErrorSeconds());
    families.gauge(MetricCatalog.STRATUM, daemon, s.stratum());
    if (s.refId() != null) {
      families.info(
          MetricCatalog.REFERENCE,
          daemon.merge(
              Labels.of(
                  "ref_id", s.refId(), "reference", s.reference() == null ? "" : s.reference())));
    }
    families.gauge(
        MetricCatalog.REFERENCE_TIMESTAMP_SECONDS, daemon, s.referenceTimestampSeconds());
    families.gauge(MetricCatalog.UPDATE_INTERVAL_SECONDS, daemon, s.updateIntervalSeconds());
    families.gauge(MetricCatalog.POLL_INTERVAL_SECONDS, daemon, s.pollIntervalSeconds());
    families.gauge(MetricCatalog.JITTER_SECONDS, daemon, s.jitterSeconds());
    if (s.leapStatus() != null) {
      for (LeapStatus status : LeapStatus.values()) {
        families.gauge(
            MetricCatalog.LEAP_STATUS,
            daemon.add("status", status.label()),
            status == s.leapStatus());
      }
    }
    families.gauge(MetricCatalog.LOCAL_REFERENCE, daemon, s.localReference());
    families.gauge(MetricCatalog.SOURCES_ONLINE, daemon, s.sourcesOnline());
    families.gauge(MetricCatalog.SOURCES_OFFLINE, daemon, s.sourcesOffline());
  }

  /**
   * The source label, made unique: ntpq cuts names to 15 characters, so two IPv6 servers can print
   * the same remote; identical series would make the whole exposition invalid.
   */
  private static String uniqueName(String name, Map<String, Integer> seen) {
    int count = seen.merge(name, 1, Integer::sum);
    return count == 1 ? name : name + "#" + count;
  }

  private void source(Daemon daemon, String name, SourceStatus s) {
    Labels labels = Labels.of("daemon", daemon.label(), "source", name);
    if (s.mode() != null) {
      families.info(
          MetricCatalog.SOURCE,
          labels.merge(
              Labels.of("mode", s.mode().label(), "ref_id", s.refId() == null ? "" : s.refId())));
    }
    if (s.state() != null) {
      for (SourceState state : SourceState.values()) {
        families.gauge(
            MetricCatalog.SOURCE_STATE, labels.add("state", state.label()), state == s.state());
      }
    }
    families.gauge(MetricCatalog.SOURCE_OFFSET_SECONDS, labels, s.offsetSeconds());
    families.gauge(MetricCatalog.SOURCE_OFFSET_ERROR_SECONDS, labels, s.offsetErrorSeconds());
    families.gauge(MetricCatalog.SOURCE_DELAY_SECONDS, labels, s.delaySeconds());
    families.gauge(MetricCatalog.SOURCE_JITTER_SECONDS, labels, s.jitterSeconds());
    families.gauge(MetricCatalog.SOURCE_STRATUM, labels, s.stratum());
    families.gauge(MetricCatalog.SOURCE_POLL_INTERVAL_SECONDS, labels, s.pollIntervalSeconds());
    families.gauge(MetricCatalog.SOURCE_REACHABILITY, labels, s.reachability());
    families.gauge(MetricCatalog.SOURCE_LAST_SAMPLE_AGE_SECONDS, labels, s.lastSampleAgeSeconds());
    families.gauge(MetricCatalog.SOURCE_SAMPLES, labels, s.samples());
    families.gauge(MetricCatalog.SOURCE_FREQUENCY_PPM, labels, s.frequencyPpm());
    families.gauge(MetricCatalog.SOURCE_FREQUENCY_SKEW_PPM, labels, s.frequencySkewPpm());
    families.gauge(MetricCatalog.SOURCE_STD_DEV_SECONDS, labels, s.stdDevSeconds());
    families.gauge(MetricCatalog.SOURCE_SPAN_SECONDS, labels, s.spanSeconds());
    families.gauge(MetricCatalog.SOURCE_NTS_COOKIES, labels, s.ntsCookies());
    families.gauge(MetricCatalog.SOURCE_NTS_KE_ATTEMPTS, labels, s.ntsKeAttempts());
    families.gauge(MetricCatalog.SOURCE_NTS_NAKS, labels, s.ntsNaks());
    if (s.selectionReason() != null) {
      families.info(
          MetricCatalog.SOURCE_SELECTION, labels.add("reason", s.selectionReason().label()));
    }
    families.gauge(MetricCatalog.SOURCE_SELECTION_SCORE, labels, s.selectionScore());
    NtpExchange exchange = s.exchange();
    if (exchange != null) {
      families.counter(MetricCatalog.SOURCE_PACKETS_SENT, labels, (double) exchange.sent());
      families.counter(MetricCatalog.SOURCE_PACKETS_RECEIVED, labels, (double) exchange.received());
      families.counter(MetricCatalog.SOURCE_PACKETS_VALID, labels, (double) exchange.valid());
      families.counter(MetricCatalog.SOURCE_PACKETS_ACCEPTED, labels, (double) exchange.accepted());
      families.gauge(MetricCatalog.SOURCE_INTERLEAVED, labels, exchange.interleaved());
      families.gauge(MetricCatalog.SOURCE_AUTHENTICATED, labels, exchange.authenticated());
    }
  }
}
