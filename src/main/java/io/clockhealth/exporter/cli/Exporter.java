package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.ClockCollector;
import io.clockhealth.exporter.collect.CollectorFactory;
import io.clockhealth.exporter.collect.DaemonCollector;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.collect.chrony.ChronyCollector;
import io.clockhealth.exporter.collect.host.HostClockCollector;
import io.clockhealth.exporter.collect.host.StepDetector;
import io.clockhealth.exporter.collect.ntpd.NtpdCollector;
import io.clockhealth.exporter.collect.ptp.PtpCollector;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdCollector;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.diagnose.Role;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.exec.ProcessRunner;
import io.clockhealth.exporter.exec.ToolLeftovers;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.os.HostRoots;
import io.clockhealth.exporter.probe.ProbeService;
import io.clockhealth.exporter.web.ExporterServer;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Wires settings, collectors and the HTTP server together; one instance per process. */
final class Exporter {

  private final Logger log = LoggerFactory.getLogger(Exporter.class);
  private final ExporterSettings settings;
  private final BuildInfo buildInfo = BuildInfo.load();
  private final ClockCollector collector;

  /**
   * @param watchSteps whether to watch the wall clock for steps: only a process that keeps running
   *     has steps to report
   */
  Exporter(ExporterSettings settings, ToolLeftovers leftovers, boolean watchSteps) {
    this.settings = settings;
    if (!leftovers.enabled() && !leftovers.disabledReason().isEmpty()) {
      log.warn("processes that tools leave running are not ended: {}", leftovers.disabledReason());
    }
    // Single-flight: at most one tool run per daemon collector at a time.
    CommandRunner runner =
        new ProcessRunner(
            new ExecutableResolver(), System.getenv(), Daemon.values().length, leftovers);
    Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors = new EnumMap<>(Daemon.class);
    constructors.put(
        Daemon.CHRONY, tool -> new ChronyCollector(runner, tool, settings.chronyClients()));
    constructors.put(Daemon.NTPD, tool -> new NtpdCollector(runner, tool));
    constructors.put(Daemon.TIMESYNCD, tool -> new TimesyncdCollector(runner, tool));
    constructors.put(Daemon.PTP4L, tool -> new PtpCollector(runner, tool, settings.ptp()));
    this.collector =
        new ClockCollector(
            new CollectorFactory(new ExecutableResolver(), constructors).create(settings),
            HostClockCollector.system(
                new HostRoots(
                    settings.hostPaths().procfs(),
                    settings.hostPaths().sysfs(),
                    settings.hostPaths().etc()),
                Clock.systemUTC(),
                watchSteps ? StepDetector.startOnThisHost(Clock.systemUTC()) : null),
            Clock.systemUTC(),
            buildInfo,
            settings.minInterval(),
            settings.maxSources());
  }

  /** Collects once, for the doctor. */
  ScrapeResult scrapeOnce() {
    try (collector) {
      return collector.scrape();
    }
  }

  /** Collects once and writes the exposition to {@code out}: {@code --once} and textfile mode. */
  int printOnce(OutputStream out) throws IOException {
    try (collector) {
      Exposition.write(collector.collect(), out);
    }
    return ExitCodes.OK;
  }

  /** SIGHUP re-reads the web config, as Prometheus does, instead of ending the process (129). */
  private void reloadOnHangup(WebConfigSource webConfig, ProbeService probes) {
    try {
      Signal.handle(
          new Signal("HUP"),
          signal -> {
            log.info(
                "SIGHUP: re-reading the web config; time servers that refused probes are asked again");
            webConfig.reload();
            probes.reload();
          });
    } catch (IllegalArgumentException e) {
      log.warn("SIGHUP cannot be handled here ({}); it keeps its default action", e.getMessage());
    }
  }

  int serve(WebConfigSource webConfig, Role role) throws InterruptedException {
    ProbeService probes = new ProbeService(settings.probe());
    ExporterServer server = new ExporterServer(settings.web(), collector, webConfig, probes, role);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> log.info("shutdown requested, stopping"), "shutdown"));
    reloadOnHangup(webConfig, probes);
    try {
      server.start();
    } catch (Exception e) {
      log.error("cannot listen on {}: {}", settings.web().listenAddress(), e.getMessage());
      return ExitCodes.FAILURE;
    }
    log.info(
        "clock-health-exporter {} (revision {}) started; collectors: {}",
        buildInfo.version(),
        buildInfo.revision(),
        collector.collectorNames().isEmpty() ? "none" : collector.collectorNames());
    server.join();
    return ExitCodes.OK;
  }
}
