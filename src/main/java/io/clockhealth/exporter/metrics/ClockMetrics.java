package io.clockhealth.exporter.metrics;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns what one scrape learnt into the metric contract of docs/metrics.md: names, labels, units
 * and the state-set layout. The only place metric names are spelt, so every collector and the
 * {@code parse} command expose exactly the same series.
 *
 * <p>State sets ({@code clock_leap_status}, {@code clock_source_state}) are written as gauges with
 * one series per state: client_java's StateSetSnapshot names the state label after the metric,
 * while the contract fixes it as {@code status} / {@code state}.
 */
public final class ClockMetrics {

  private final MetricFamilies families = new MetricFamilies();

  /** The exporter host's wall clock at collection, Unix seconds. */
  public ClockMetrics hostTime(double unixSeconds) {
    families.gauge(
        "clock_time_seconds",
        "Exporter host's wall clock at collection, Unix seconds; compare with"
            + " timestamp(clock_time_seconds) for skew against Prometheus.",
        Labels.EMPTY,
        unixSeconds);
    return this;
  }

  public ClockMetrics buildInfo(String version, String revision) {
    families.info(
        "clock_exporter_build",
        "Build of clock-health-exporter.",
        Labels.of("version", version, "revision", revision));
    return this;
  }

  public ClockMetrics collectorResult(String collector, boolean success, double durationSeconds) {
    Labels labels = Labels.of("collector", collector);
    families.gauge(
        "clock_scrape_collector_success",
        "1 if the collector's commands ran and their output parsed, else 0.",
        labels,
        success);
    families.gauge(
        "clock_scrape_collector_duration_seconds",
        "Time the collector spent in this scrape.",
        labels,
        durationSeconds);
    return this;
  }

  public ClockMetrics report(DaemonReport report) {
    Labels daemon = Labels.of("daemon", report.daemon().label());
    families.gauge(
        "clock_daemon_up",
        "1 if the time daemon answered its tool, 0 if the tool ran but the daemon did not.",
        daemon,
        report.daemonUp());
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
    return this;
  }

  public MetricSnapshots build() {
    return families.build();
  }

  private void system(Labels daemon, SystemStatus s) {
    families.gauge(
        "clock_synchronized",
        "1 if the daemon considers the clock synchronised to a source.",
        daemon,
        s.synchronized_());
    families.gauge(
        "clock_offset_seconds",
        "Estimated local clock minus true time; positive = local clock ahead (fast).",
        daemon,
        s.offsetSeconds());
    families.gauge(
        "clock_last_offset_seconds",
        "Offset measured at the last clock update (local minus reference).",
        daemon,
        s.lastOffsetSeconds());
    families.gauge(
        "clock_rms_offset_seconds",
        "Long-term average of the offset (root mean square).",
        daemon,
        s.rmsOffsetSeconds());
    families.gauge(
        "clock_frequency_ppm",
        "Frequency error of the local clock; positive = local oscillator runs fast.",
        daemon,
        s.frequencyPpm());
    families.gauge(
        "clock_residual_frequency_ppm",
        "Residual frequency of the selected reference.",
        daemon,
        s.residualFrequencyPpm());
    families.gauge(
        "clock_skew_ppm", "Estimated error bound on the frequency.", daemon, s.skewPpm());
    families.gauge(
        "clock_root_delay_seconds",
        "Total network path delay to the primary reference.",
        daemon,
        s.rootDelaySeconds());
    families.gauge(
        "clock_root_dispersion_seconds",
        "Total dispersion accumulated to the primary reference.",
        daemon,
        s.rootDispersionSeconds());
    families.gauge(
        "clock_max_error_seconds",
        "Upper bound on the clock error: |offset| + root dispersion + root delay / 2.",
        daemon,
        s.maxErrorSeconds());
    families.gauge("clock_stratum", "Stratum of the local clock.", daemon, s.stratum());
    if (s.refId() != null) {
      families.info(
          "clock_reference",
          "Reference the daemon follows: ref_id as printed, reference = selected source.",
          daemon.merge(
              Labels.of(
                  "ref_id", s.refId(), "reference", s.reference() == null ? "" : s.reference())));
    }
    families.gauge(
        "clock_reference_timestamp_seconds",
        "Unix time of the last clock update from the reference.",
        daemon,
        s.referenceTimestampSeconds());
    families.gauge(
        "clock_update_interval_seconds",
        "Interval between the last two clock updates.",
        daemon,
        s.updateIntervalSeconds());
    families.gauge(
        "clock_poll_interval_seconds",
        "Current polling interval of the daemon.",
        daemon,
        s.pollIntervalSeconds());
    families.gauge("clock_jitter_seconds", "System jitter.", daemon, s.jitterSeconds());
    if (s.leapStatus() != null) {
      for (LeapStatus status : LeapStatus.values()) {
        families.gauge(
            "clock_leap_status",
            "Leap indicator as a state set: the current status is 1, the others 0.",
            daemon.add("status", status.label()),
            status == s.leapStatus());
      }
    }
    families.gauge(
        "clock_local_reference",
        "1 when the daemon follows its own local clock (chrony 7F7F0101, ntpd LOCL).",
        daemon,
        s.localReference());
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
          "clock_source",
          "A time source of the daemon; mode and the source's own reference id.",
          labels.merge(
              Labels.of("mode", s.mode().label(), "ref_id", s.refId() == null ? "" : s.refId())));
    }
    if (s.state() != null) {
      for (SourceState state : SourceState.values()) {
        families.gauge(
            "clock_source_state",
            "Selection state of the source as a state set: the current state is 1.",
            labels.add("state", state.label()),
            state == s.state());
      }
    }
    families.gauge(
        "clock_source_offset_seconds",
        "Local clock minus source; positive = local clock ahead of the source.",
        labels,
        s.offsetSeconds());
    families.gauge(
        "clock_source_offset_error_seconds",
        "Estimated error of the source offset (chrony's +/-).",
        labels,
        s.offsetErrorSeconds());
    families.gauge(
        "clock_source_delay_seconds", "Round-trip delay to the source.", labels, s.delaySeconds());
    families.gauge(
        "clock_source_jitter_seconds", "Jitter of the source.", labels, s.jitterSeconds());
    families.gauge("clock_source_stratum", "Stratum of the source.", labels, s.stratum());
    families.gauge(
        "clock_source_poll_interval_seconds",
        "Polling interval of the source.",
        labels,
        s.pollIntervalSeconds());
    families.gauge(
        "clock_source_reachability",
        "Reachability register (8 bits) as an integer; 255 = last 8 polls answered.",
        labels,
        s.reachability());
    families.gauge(
        "clock_source_last_sample_age_seconds",
        "Seconds since the last sample from the source.",
        labels,
        s.lastSampleAgeSeconds());
    families.gauge(
        "clock_source_samples",
        "Sample points the daemon keeps for the source.",
        labels,
        s.samples());
    families.gauge(
        "clock_source_frequency_ppm",
        "Estimated residual frequency of the source.",
        labels,
        s.frequencyPpm());
    families.gauge(
        "clock_source_frequency_skew_ppm",
        "Estimated error bound on the source frequency.",
        labels,
        s.frequencySkewPpm());
    families.gauge(
        "clock_source_std_dev_seconds",
        "Estimated standard deviation of the source samples.",
        labels,
        s.stdDevSeconds());
    families.gauge(
        "clock_source_span_seconds",
        "Time between the oldest and newest sample of the source.",
        labels,
        s.spanSeconds());
    families.gauge(
        "clock_source_nts_cookies",
        "NTS cookies held for the source; 0 on an NTS source means it cannot authenticate.",
        labels,
        s.ntsCookies());
    families.gauge(
        "clock_source_nts_ke_attempts",
        "NTS-KE attempts since the last successful one.",
        labels,
        s.ntsKeAttempts());
    families.gauge(
        "clock_source_nts_naks",
        "NTS NAK responses received from the source.",
        labels,
        s.ntsNaks());
  }
}
