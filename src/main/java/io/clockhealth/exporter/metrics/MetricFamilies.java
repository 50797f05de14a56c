package io.clockhealth.exporter.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects data points by metric family, so several daemons (or sources) can contribute to one
 * family, then builds client_java snapshots in first-seen order.
 */
final class MetricFamilies {

  private enum Kind {
    GAUGE,
    COUNTER,
    INFO,
    HISTOGRAM
  }

  private record Point(Labels labels, double value) {}

  private record HistogramPoint(Labels labels, ClassicHistogramBuckets buckets, double sum) {}

  private static final class Family {
    private final Kind kind;
    private final String help;
    private final List<Point> points = new ArrayList<>();
    private final List<HistogramPoint> histograms = new ArrayList<>();

    private Family(Kind kind, String help) {
      this.kind = kind;
      this.help = help;
    }
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /** Adds a gauge point; a {@code null} value means "not measured" and adds nothing. */
  void gauge(String name, String help, Labels labels, @Nullable Number value) {
    if (value != null) {
      family(name, Kind.GAUGE, help).points.add(new Point(labels, value.doubleValue()));
    }
  }

  void gauge(String name, String help, Labels labels, @Nullable Boolean value) {
    if (value != null) {
      gauge(name, help, labels, value ? 1 : 0);
    }
  }

  void counter(String name, String help, Labels labels, double value) {
    family(name, Kind.COUNTER, help).points.add(new Point(labels, value));
  }

  /** An info metric: {@code name} without the {@code _info} suffix, which the exposition adds. */
  void info(String name, String help, Labels labels) {
    family(name, Kind.INFO, help).points.add(new Point(labels, 1));
  }

  /**
   * A classic histogram of {@code values} with {@code bounds} (ascending, without +Inf, which is
   * added).
   */
  void histogram(MetricCatalog metric, Labels labels, double[] bounds, List<Double> values) {
    double[] withInf = Arrays.copyOf(bounds, bounds.length + 1);
    withInf[bounds.length] = Double.POSITIVE_INFINITY;
    // per bucket, not cumulative: the exposition adds them up
    long[] counts = new long[withInf.length];
    double sum = 0;
    for (double v : values) {
      int i = 0;
      while (v > withInf[i]) {
        i++;
      }
      counts[i]++;
      sum += v;
    }
    family(checked(metric, MetricCatalog.Type.HISTOGRAM), Kind.HISTOGRAM, metric.help())
        .histograms
        .add(new HistogramPoint(labels, ClassicHistogramBuckets.of(withInf, counts), sum));
  }

  /** A gauge point of a catalogued metric; {@code null} means "not measured" and adds nothing. */
  void gauge(MetricCatalog metric, Labels labels, @Nullable Number value) {
    gauge(checked(metric, MetricCatalog.Type.GAUGE), metric.help(), labels, value);
  }

  void gauge(MetricCatalog metric, Labels labels, @Nullable Boolean value) {
    gauge(checked(metric, MetricCatalog.Type.GAUGE), metric.help(), labels, value);
  }

  void counter(MetricCatalog metric, Labels labels, double value) {
    counter(checked(metric, MetricCatalog.Type.COUNTER), metric.help(), labels, value);
  }

  void info(MetricCatalog metric, Labels labels) {
    info(checked(metric, MetricCatalog.Type.INFO), metric.help(), labels);
  }

  private static String checked(MetricCatalog metric, MetricCatalog.Type type) {
    if (metric.type() != type) {
      throw new IllegalArgumentException(metric + " is catalogued as " + metric.type());
    }
    return metric.baseName();
  }

  MetricSnapshots build() {
    List<MetricSnapshot> snapshots = new ArrayList<>(families.size());
    families.forEach((name, family) -> snapshots.add(snapshot(name, family)));
    return new MetricSnapshots(snapshots);
  }

  private Family family(String name, Kind kind, String help) {
    Family family = families.computeIfAbsent(name, n -> new Family(kind, help));
    if (family.kind != kind) {
      throw new IllegalStateException(name + " registered as " + family.kind + " and " + kind);
    }
    return family;
  }

  private static MetricSnapshot snapshot(String name, Family family) {
    return switch (family.kind) {
      case GAUGE -> {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(family.help);
        family.points.forEach(
            p ->
                builder.dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(p.labels)
                        .value(p.value)
                        .build()));
        yield builder.build();
      }
      case COUNTER -> {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(family.help);
        family.points.forEach(
            p ->
                builder.dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(p.labels)
                        .value(p.value)
                        .build()));
        yield builder.build();
      }
      case HISTOGRAM -> {
        HistogramSnapshot.Builder builder =
            HistogramSnapshot.builder().name(name).help(family.help);
        family.histograms.forEach(
            h ->
                builder.dataPoint(
                    HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .labels(h.labels)
                        .classicHistogramBuckets(h.buckets)
                        .sum(h.sum)
                        .build()));
        yield builder.build();
      }
      case INFO -> {
        InfoSnapshot.Builder builder = InfoSnapshot.builder().name(name).help(family.help);
        family.points.forEach(
            p ->
                builder.dataPoint(
                    InfoSnapshot.InfoDataPointSnapshot.builder().labels(p.labels).build()));
        yield builder.build();
      }
    };
  }
}
