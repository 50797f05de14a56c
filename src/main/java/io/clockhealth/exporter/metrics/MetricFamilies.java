package io.clockhealth.exporter.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
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
    INFO
  }

  private record Point(Labels labels, double value) {}

  private static final class Family {
    private final Kind kind;
    private final String help;
    private final List<Point> points = new ArrayList<>();

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
