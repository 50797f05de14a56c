package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ConfigFile;
import io.clockhealth.exporter.config.ConfigFileLoader;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.Overrides;
import io.clockhealth.exporter.config.ToolOverrides;
import io.clockhealth.exporter.exec.LaunchMechanism;
import io.clockhealth.exporter.metrics.Daemon;
import io.clockhealth.exporter.web.WebConfigSource;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line (DESIGN §2): serve by default, {@code --once}, and {@code parse}. */
@Command(
    name = "clock-health-exporter",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Prometheus exporter for clock health: asks the host's time daemons (chrony via chronyc,"
          + " ntpd/ntpsec via ntpq, systemd-timesyncd via timedatectl) on every scrape how the"
          + " clock is doing and serves the answer at /metrics.",
      ""
    },
    footer = {
      "",
      "Flags override the config file; the config file overrides the defaults.",
      "Exit codes: 0 success; 1 runtime failure (e.g. the address is in use);"
          + " 2 bad usage, bad configuration, or (parse) input that is not the format."
    })
public final class Main implements Callable<Integer> {

  @Option(
      names = "--web.listen-address",
      paramLabel = "[HOST]:PORT",
      description =
          "Address to listen on (default " + ExporterSettings.DEFAULT_LISTEN_ADDRESS + ").")
  String listenAddress;

  @Option(
      names = "--web.telemetry-path",
      paramLabel = "PATH",
      description =
          "Path of the metrics (default " + ExporterSettings.DEFAULT_TELEMETRY_PATH + ").")
  String telemetryPath;

  @Option(
      names = "--web.config.file",
      paramLabel = "FILE",
      description =
          "TLS and basic-auth configuration in the exporter-toolkit format"
              + " (tls_server_config, basic_auth_users); re-read when it changes.")
  String webConfigFile;

  @Option(
      names = "--web.max-requests",
      paramLabel = "N",
      description = "Requests handled at once; more wait for a slot (default 64).")
  Integer maxRequests;

  @Option(names = "--config.file", paramLabel = "FILE", description = "YAML configuration file.")
  Path configFile;

  @Option(
      names = "--collector.chrony",
      negatable = true,
      description = "Force the chrony collector on or off; default: on where chronyc is installed.")
  Boolean chronyEnabled;

  @Option(
      names = "--collector.chrony.path",
      paramLabel = "FILE",
      description = "chronyc executable (default: chronyc on PATH).")
  String chronyPath;

  @Option(
      names = "--collector.chrony.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description =
          "Extra chronyc arguments before the command, split on spaces,"
              + " e.g. \"-h /run/chrony/chronyd.sock\" or \"-h 127.0.0.1\".")
  List<String> chronyArgs;

  @Option(
      names = "--collector.ntpd",
      negatable = true,
      description = "Force the ntpd collector on or off; default: on where ntpq is installed.")
  Boolean ntpdEnabled;

  @Option(
      names = "--collector.ntpd.path",
      paramLabel = "FILE",
      description = "ntpq executable (default: ntpq on PATH).")
  String ntpdPath;

  @Option(
      names = "--collector.ntpd.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description =
          "Extra ntpq arguments after the command, split on spaces: the host to query,"
              + " e.g. \"127.0.0.1\" (default: ntpq's own default, localhost).")
  List<String> ntpdArgs;

  @Option(
      names = "--collector.timesyncd",
      negatable = true,
      description =
          "Force the systemd-timesyncd collector on or off; default: on where timedatectl"
              + " and systemd-timesyncd are installed.")
  Boolean timesyncdEnabled;

  @Option(
      names = "--collector.timesyncd.path",
      paramLabel = "FILE",
      description = "timedatectl executable (default: timedatectl on PATH).")
  String timesyncdPath;

  @Option(
      names = "--collector.timesyncd.args",
      paramLabel = "ARGS",
      split = "\\s+",
      description = "Extra timedatectl arguments before the verb, split on spaces.")
  List<String> timesyncdArgs;

  @Option(
      names = "--collector.timeout",
      paramLabel = "DURATION",
      description = "Timeout of each tool command, e.g. 500ms, 2s (default 2s).")
  String commandTimeout;

  @Option(
      names = "--collector.max-output-bytes",
      paramLabel = "BYTES",
      description = "Output a tool may print before it is treated as garbage (default 1048576).")
  Integer maxOutputBytes;

  @Option(
      names = "--collector.min-interval",
      paramLabel = "DURATION",
      description =
          "Reuse a collection for this long after it completed, e.g. 1s (default 0s: off;"
              + " concurrent scrapes always share one run).")
  String minInterval;

  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      description = "debug, info, warn or error (default info).")
  String logLevel;

  @Option(names = "--once", description = "Collect once, print the metrics to stdout and exit.")
  boolean once;

  private final PrintStream stdout;
  private final PrintStream stderr;

  Main(PrintStream stdout, PrintStream stderr) {
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static void main(String[] args) {
    LaunchMechanism.chooseFastest();
    System.exit(run(args, System.in, System.out, System.err));
  }

  static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    CommandLine commandLine = new CommandLine(new Main(stdout, stderr));
    // picocli negates only names made of word characters; ours contain dots.
    commandLine.setNegatableOptionTransformer(
        new CommandLine.RegexTransformer.Builder()
            .addPattern("^--no-([\\w.-]+)$", "--$1", "--[no-]$1")
            .addPattern("^--([\\w.-]+)$", "--no-$1", "--[no-]$1")
            .build());
    // chronyc arguments look like options ("-h /run/chrony/chronyd.sock"); they are values here.
    commandLine.setAllowOptionsAsOptionParameters(true);
    commandLine.addSubcommand("parse", new ParseCommand(Formats.registry(), stdin, stdout, stderr));
    commandLine.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    ExporterSettings settings;
    try {
      ConfigFile file =
          configFile == null ? ConfigFile.EMPTY : new ConfigFileLoader().load(configFile);
      settings = ExporterSettings.resolve(file, overrides());
    } catch (ConfigException e) {
      stderr.println("clock-health-exporter: configuration error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    Logging.configure(settings.logLevel());
    if (once) {
      return new Exporter(settings).printOnce(stdout);
    }
    WebConfigSource webConfig;
    try {
      webConfig =
          settings.webConfigFile() == null
              ? WebConfigSource.none()
              : WebConfigSource.load(settings.webConfigFile());
    } catch (ConfigException e) {
      stderr.println("clock-health-exporter: configuration error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    return new Exporter(settings).serve(webConfig);
  }

  private Overrides overrides() {
    return new Overrides(
        listenAddress,
        telemetryPath,
        webConfigFile,
        maxRequests,
        logLevel,
        commandTimeout,
        maxOutputBytes,
        minInterval,
        Map.of(
            Daemon.CHRONY, new ToolOverrides(chronyEnabled, chronyPath, chronyArgs),
            Daemon.NTPD, new ToolOverrides(ntpdEnabled, ntpdPath, ntpdArgs),
            Daemon.TIMESYNCD, new ToolOverrides(timesyncdEnabled, timesyncdPath, timesyncdArgs)));
  }
}
