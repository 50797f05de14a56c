package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.ChronyClientsSettings;
import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ConfigFile;
import io.clockhealth.exporter.config.ConfigFileLoader;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.HostPaths;
import io.clockhealth.exporter.config.Overrides;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolOverrides;
import io.clockhealth.exporter.model.Daemon;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The flags that choose and configure the collectors, the config file and the log level: a mixin,
 * so that serving, {@code --once} and {@code textfile} accept the same ones.
 */
final class CollectionOptions {

  @Option(names = "--config.file", paramLabel = "FILE", description = "YAML configuration file.")
  @Nullable Path configFile;

  @Option(
      names = "--collector.chrony",
      negatable = true,
      description = "Force the chrony collector on or off; default: on where chronyc is installed.")
  @Nullable Boolean chronyEnabled;

  @Option(
      names = "--collector.chrony.path",
      paramLabel = "FILE",
      description = "chronyc executable (default: chronyc on PATH).")
  @Nullable String chronyPath;

  @Option(
      names = "--collector.chrony.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description =
          "Extra chronyc arguments before the command, split on spaces,"
              + " e.g. \"-h /run/chrony/chronyd.sock\" or \"-h 127.0.0.1\".")
  @Nullable List<String> chronyArgs;

  @Option(
      names = "--collector.ntpd",
      negatable = true,
      description = "Force the ntpd collector on or off; default: on where ntpq is installed.")
  @Nullable Boolean ntpdEnabled;

  @Option(
      names = "--collector.ntpd.path",
      paramLabel = "FILE",
      description = "ntpq executable (default: ntpq on PATH).")
  @Nullable String ntpdPath;

  @Option(
      names = "--collector.ntpd.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description =
          "Extra ntpq arguments after the command, split on spaces: the host to query,"
              + " e.g. \"127.0.0.1\" (default: ntpq's own default, localhost).")
  @Nullable List<String> ntpdArgs;

  @Option(
      names = "--collector.timesyncd",
      negatable = true,
      description =
          "Force the systemd-timesyncd collector on or off; default: on where timedatectl"
              + " is installed, systemd is PID 1 and systemd-timesyncd.service is installed"
              + " and not masked.")
  @Nullable Boolean timesyncdEnabled;

  @Option(
      names = "--collector.timesyncd.path",
      paramLabel = "FILE",
      description = "timedatectl executable (default: timedatectl on PATH).")
  @Nullable String timesyncdPath;

  @Option(
      names = "--collector.timesyncd.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description = "Extra timedatectl arguments before the verb, split on spaces.")
  @Nullable List<String> timesyncdArgs;

  @Option(
      names = "--collector.ptp",
      negatable = true,
      description =
          "Force the PTP (linuxptp) collector on or off; default: on where pmc is installed and"
              + " ptp4l's management socket (--collector.ptp.socket) exists.")
  @Nullable Boolean ptpEnabled;

  @Option(
      names = "--collector.ptp.path",
      paramLabel = "FILE",
      description = "pmc executable (default: pmc on PATH).")
  @Nullable String ptpPath;

  @Option(
      names = "--collector.ptp.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description =
          "Extra pmc arguments before the requests, split on spaces, e.g. \"-i eth0\" with"
              + " --collector.ptp.transport l2.")
  @Nullable List<String> ptpArgs;

  @Option(
      names = "--collector.ptp.socket",
      paramLabel = "PATH",
      description =
          "ptp4l's management socket, its uds_address (pmc -s; default "
              + PtpSettings.DEFAULT_SOCKET
              + ").")
  @Nullable String ptpSocket;

  @Option(
      names = "--collector.ptp.domain",
      paramLabel = "N",
      description = "PTP domain number ptp4l runs in (pmc -d; default 0).")
  @Nullable Integer ptpDomain;

  @Option(
      names = "--collector.ptp.transport",
      paramLabel = "TRANSPORT",
      description = "How pmc reaches ptp4l: uds (its local socket, default), udp4, udp6 or l2.")
  @Nullable String ptpTransport;

  @Option(
      names = "--collector.chrony.clients",
      description =
          "Read chronyd's client log (chronyc clients; needs chronyd's socket): clients by"
              + " protocol, requests and drops, last-request ages and intervals (default off).")
  @Nullable Boolean chronyClients;

  @Option(
      names = "--collector.chrony.clients.per-client",
      paramLabel = "N",
      description =
          "With --collector.chrony.clients: the N busiest clients also get series of their own,"
              + " N at most "
              + ChronyClientsSettings.MAX_PER_CLIENT
              + " (default 0: aggregates only).")
  @Nullable Integer chronyClientsPerClient;

  @Option(
      names = "--collector.timeout",
      paramLabel = "DURATION",
      description = "Timeout of each tool command, e.g. 500ms, 2s (default 2s).")
  @Nullable String commandTimeout;

  @Option(
      names = "--collector.max-output-bytes",
      paramLabel = "BYTES",
      description = "Output a tool may print before it is treated as garbage (default 1048576).")
  @Nullable Integer maxOutputBytes;

  @Option(
      names = "--collector.max-sources",
      paramLabel = "N",
      description =
          "Sources served per collector; the rest are dropped, with one WARN (default "
              + ExporterSettings.DEFAULT_MAX_SOURCES
              + ").")
  @Nullable Integer maxSources;

  @Option(
      names = "--collector.min-interval",
      paramLabel = "DURATION",
      description =
          "Reuse a collection for this long after it completed, e.g. 1s (default 0s: off;"
              + " concurrent scrapes always share one run).")
  @Nullable String minInterval;

  @Option(
      names = "--path.procfs",
      paramLabel = "DIR",
      description = "The host's procfs, for the time daemons running (default /proc).")
  @Nullable String procfs;

  @Option(
      names = "--path.sysfs",
      paramLabel = "DIR",
      description = "The host's sysfs, for RTCs and the clocksource (default /sys).")
  @Nullable String sysfs;

  @Option(
      names = "--path.rootfs",
      paramLabel = "DIR",
      description =
          "The host's root, for etc/localtime and etc/adjtime (default /); e.g. /host in a"
              + " container with the host's / mounted there.")
  @Nullable String rootfs;

  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      description = "debug, info, warn or error (default info).")
  @Nullable String logLevel;

  /** Defaults, overridden by the config file, overridden by these flags (no web flags). */
  ExporterSettings resolve() throws ConfigException {
    return resolve(null, null, null, null);
  }

  /** As {@link #resolve()}, with the web flags of the server. */
  ExporterSettings resolve(
      @Nullable String listenAddress,
      @Nullable String telemetryPath,
      @Nullable String webConfigFile,
      @Nullable Integer maxRequests)
      throws ConfigException {
    ConfigFile file =
        configFile == null ? ConfigFile.EMPTY : new ConfigFileLoader().load(configFile);
    return ExporterSettings.resolve(
        file,
        new Overrides(
            listenAddress,
            telemetryPath,
            webConfigFile,
            maxRequests,
            logLevel,
            commandTimeout,
            maxOutputBytes,
            maxSources,
            minInterval,
            chronyClients,
            chronyClientsPerClient,
            new HostPaths.Flags(procfs, sysfs, rootfs),
            new PtpSettings.Flags(ptpTransport, ptpSocket, ptpDomain),
            Map.of(
                Daemon.CHRONY, new ToolOverrides(chronyEnabled, chronyPath, chronyArgs),
                Daemon.NTPD, new ToolOverrides(ntpdEnabled, ntpdPath, ntpdArgs),
                Daemon.TIMESYNCD, new ToolOverrides(timesyncdEnabled, timesyncdPath, timesyncdArgs),
                Daemon.PTP4L, new ToolOverrides(ptpEnabled, ptpPath, ptpArgs))));
  }
}
