package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.metrics.Daemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which collectors run: forced on or off by flag or config, otherwise on where the tool is
 * installed. Says once, at start-up, why each one is on or off.
 */
public final class CollectorFactory {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorFactory.class);

  /**
   * timedatectl ships with systemd itself, on chrony and ntpd hosts too; auto-detection also wants
   * the timesyncd daemon installed, or every such host would report a failing collector.
   */
  private static final List<Path> TIMESYNCD_BINARIES =
      List.of(
          Path.of("/lib/systemd/systemd-timesyncd"), Path.of("/usr/lib/systemd/systemd-timesyncd"));

  private final ExecutableResolver resolver;
  private final Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors;
  private final List<Path> timesyncdBinaries;

  public CollectorFactory(
      ExecutableResolver resolver,
      Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors) {
    this(resolver, constructors, TIMESYNCD_BINARIES);
  }

  CollectorFactory(
      ExecutableResolver resolver,
      Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors,
      List<Path> timesyncdBinaries) {
    this.resolver = resolver;
    this.constructors = new EnumMap<>(constructors);
    this.timesyncdBinaries = List.copyOf(timesyncdBinaries);
  }

  public List<DaemonCollector> create(ExporterSettings settings) {
    List<DaemonCollector> collectors = new ArrayList<>();
    constructors.forEach(
        (daemon, constructor) -> {
          ToolSettings tool = settings.tool(daemon);
          if (enabled(daemon, tool)) {
            collectors.add(constructor.apply(tool));
          }
        });
    if (collectors.isEmpty()) {
      LOG.warn("no collector is enabled: only clock_time_seconds and build info will be served");
    }
    return collectors;
  }

  private boolean enabled(Daemon daemon, ToolSettings tool) {
    String name = daemon.label();
    if (Boolean.FALSE.equals(tool.enabled())) {
      LOG.info("collector={} disabled by configuration", name);
      return false;
    }
    boolean installed = resolver.resolve(tool.path()).isPresent();
    if (Boolean.TRUE.equals(tool.enabled())) {
      if (!installed) {
        LOG.warn(
            "collector={} enabled by configuration, but {} is not an executable file;"
                + " every scrape will report it as failed",
            name,
            tool.path());
      } else {
        LOG.info("collector={} enabled by configuration (tool {})", name, tool.path());
      }
      return true;
    }
    if (!installed) {
      LOG.info(
          "collector={} disabled: {} not found (force with --collector.{})",
          name,
          tool.path(),
          name);
      return false;
    }
    if (daemon == Daemon.TIMESYNCD && timesyncdBinaries.stream().noneMatch(Files::exists)) {
      LOG.info(
          "collector=timesyncd disabled: systemd-timesyncd is not installed"
              + " (force with --collector.timesyncd)");
      return false;
    }
    LOG.info("collector={} enabled: found {}", name, resolver.resolve(tool.path()).get());
    return true;
  }
}
