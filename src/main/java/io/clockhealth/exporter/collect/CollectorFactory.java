package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.collect.chrony.ChronyCollector;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.ExecutableResolver;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which collectors run: forced on or off by flag or config, otherwise on where the tool is
 * installed. Says once, at start-up, why each one is off.
 */
public final class CollectorFactory {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorFactory.class);

  private final CommandRunner runner;
  private final ExecutableResolver resolver;

  public CollectorFactory(CommandRunner runner, ExecutableResolver resolver) {
    this.runner = runner;
    this.resolver = resolver;
  }

  public List<DaemonCollector> create(ExporterSettings settings) {
    List<DaemonCollector> collectors = new ArrayList<>();
    ToolSettings chrony = settings.chrony();
    if (enabled("chrony", chrony)) {
      collectors.add(new ChronyCollector(runner, chrony));
    }
    if (collectors.isEmpty()) {
      LOG.warn("no collector is enabled: only clock_time_seconds and build info will be served");
    }
    return collectors;
  }

  private boolean enabled(String name, ToolSettings tool) {
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
      }
      LOG.info("collector={} enabled (tool {})", name, tool.path());
      return true;
    }
    if (installed) {
      LOG.info("collector={} enabled: found {}", name, resolver.resolve(tool.path()).get());
      return true;
    }
    LOG.info(
        "collector={} disabled: {} not found (force with --collector.{})", name, tool.path(), name);
    return false;
  }
}
