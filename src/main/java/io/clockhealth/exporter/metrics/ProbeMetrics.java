package io.clockhealth.exporter.metrics;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.ProbeReport;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Writes one probe's {@link ProbeReport} as the clock_probe_* metrics, and nothing else. */
public final class ProbeMetrics {

  private ProbeMetrics() {}

  public static MetricSnapshots of(ProbeReport report) {
    MetricFamilies families = new MetricFamilies();
    Labels none = Labels.EMPTY;
    families.gauge(MetricCatalog.PROBE_REACHABLE, none, report.reachable());
    families.gauge(MetricCatalog.PROBE_SUCCESS, none, report.success());
    families.gauge(MetricCatalog.PROBE_DURATION_SECONDS, none, report.durationSeconds());
    families.gauge(MetricCatalog.PROBE_SAMPLES, none, report.samples());
    ProbeReport.Reply r = report.reply();
    if (r != null) {
      families.gauge(MetricCatalog.PROBE_OFFSET_SECONDS, none, r.offsetSeconds());
      families.gauge(MetricCatalog.PROBE_DELAY_SECONDS, none, r.delaySeconds());
      families.gauge(MetricCatalog.PROBE_STRATUM, none, r.stratum());
      families.gauge(MetricCatalog.PROBE_PRECISION_SECONDS, none, r.precisionSeconds());
      families.gauge(MetricCatalog.PROBE_ROOT_DELAY_SECONDS, none, r.rootDelaySeconds());
      families.gauge(MetricCatalog.PROBE_ROOT_DISPERSION_SECONDS, none, r.rootDispersionSeconds());
      families.gauge(MetricCatalog.PROBE_ROOT_DISTANCE_SECONDS, none, r.rootDistanceSeconds());
      families.gauge(MetricCatalog.PROBE_REFERENCE_AGE_SECONDS, none, r.referenceAgeSeconds());
      for (LeapStatus status : LeapStatus.values()) {
        families.gauge(
            MetricCatalog.PROBE_LEAP_STATUS,
            Labels.of("status", status.label()),
            status == r.leap());
      }
      families.info(MetricCatalog.PROBE_REFERENCE, Labels.of("ref_id", r.refId()));
    }
    if (report.kissCode() != null) {
      families.info(MetricCatalog.PROBE_KISS_CODE, Labels.of("code", report.kissCode()));
    }
    return families.build();
  }
}
