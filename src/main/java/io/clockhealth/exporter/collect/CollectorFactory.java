package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.model.Daemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which daemon collectors run: forced on or off by flag or config, otherwise on where the
 * tool is installed (and, for timesyncd, where systemd runs it). Says once, at start-up, why each
 * one is on or off. The host collector always runs.
 */
public final class CollectorFactory {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorFactory.class);

  /** The unit timedatectl's show-timesync and timesync-status talk to. */
  static final String TIMESYNCD_UNIT = "systemd-timesyncd.service";

  private final ExecutableResolver resolver;
  private final Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors;
  private final SystemdUnits systemd;
  private final Path root;
  private final Predicate<Path> writable;

  public CollectorFactory(
      ExecutableResolver resolver,
      Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors) {
    this(resolver, constructors, Path.of("/"), Files::isWritable);
  }

  /**
   * @param root where {@code /run/systemd}, the unit directories and ptp4l's socket are: {@code /}
   *     but in tests
   * @param writable whether this process may write to a file: {@link Files#isWritable} but in
   *     tests, which run as root
   */
  CollectorFactory(
      ExecutableResolver resolver,
      Map<Daemon, Function<ToolSettings, DaemonCollector>> constructors,
      Path root,
      Predicate<Path> writable) {
    this.resolver = resolver;
    this.constructors = new EnumMap<>(constructors);
    this.systemd = new SystemdUnits(root);
    this.root = root;
    this.writable = writable;
  }

  public List<DaemonCollector> create(ExporterSettings settings) {
    List<DaemonCollector> collectors = new ArrayList<>();
    constructors.forEach(
        (daemon, constructor) -> {
          ToolSettings tool = settings.tool(daemon);
          if (enabled(daemon, tool, settings)) {
            collectors.add(constructor.apply(tool));
          }
        });
    if (collectors.isEmpty()) {
      LOG.warn(
          "no time daemon collector is enabled: only the host collector's series,"
              + " clock_time_seconds and build info will be served");
    }
    return collectors;
  }

  private boolean enabled(Daemon daemon, ToolSettings tool, ExporterSettings settings) {
    String name = daemon.collector();
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
    if (daemon == Daemon.TIMESYNCD) {
      // timedatectl ships with systemd itself, on chrony and ntpd hosts and in containers too:
      // only where systemd runs timesyncd can it answer, anywhere else every scrape would fail.
      Optional<String> whyNot = systemd.whyNot(TIMESYNCD_UNIT);
      if (whyNot.isPresent()) {
        LOG.info(
            "collector=timesyncd disabled: {} (force with --collector.timesyncd)", whyNot.get());
        return false;
      }
    }
    if (daemon == Daemon.PTP4L && settings.ptp().transport().equals("uds")) {
      // pmc ships with linuxptp wherever ptp4l might run; without ptp4l's socket every scrape
      // would only report a dead daemon.
      Path socket = root.resolve(settings.ptp().socket().replaceFirst("^/+", ""));
      if (!Files.exists(socket)) {
        LOG.info(
            "collector=ptp disabled: no ptp4l management socket at {} (force with"
                + " --collector.ptp, or set --collector.ptp.socket)",
            settings.ptp().socket());
        return false;
      }
      // ptp4l's socket is root's, mode 0660, and pmc says nothing when it may not write to it:
      // enabled, every scrape would fail on every PTP host the unprivileged exporter runs on.
      if (!writable.test(socket)) {
        LOG.warn(
            "collector=ptp disabled: ptp4l's management socket {} is not writable by this user,"
                + " so pmc would get no answer; give the exporter access to it"
                + " (docs/collectors.md) or force with --collector.ptp",
            settings.ptp().socket());
        return false;
      }
    }
    LOG.info("collector={} enabled: found {}", name, resolver.resolve(tool.path()).get());
    return true;
  }
}
