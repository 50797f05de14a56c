package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.WebSettings;
import io.clockhealth.exporter.exec.LaunchMechanism;
import io.clockhealth.exporter.exec.ToolLeftovers;
import io.clockhealth.exporter.webconfig.WebConfigSource;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line (README, "Command line"; {@code --help}): serve by default, {@code --once},
 * {@code parse} and {@code textfile}.
 */
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
      description = "Address to listen on (default " + WebSettings.DEFAULT_LISTEN_ADDRESS + ").")
  @Nullable String listenAddress;

  @Option(
      names = "--web.telemetry-path",
      paramLabel = "PATH",
      description = "Path of the metrics (default " + WebSettings.DEFAULT_TELEMETRY_PATH + ").")
  @Nullable String telemetryPath;

  @Option(
      names = "--web.config.file",
      paramLabel = "FILE",
      description =
          "TLS and basic-auth configuration in the exporter-toolkit format"
              + " (tls_server_config, basic_auth_users); re-read when it changes.")
  @Nullable String webConfigFile;

  @Option(
      names = "--web.max-requests",
      paramLabel = "N",
      description =
          "Requests handled at once; more wait for a slot (default "
              + WebSettings.DEFAULT_MAX_REQUESTS
              + ").")
  @Nullable Integer maxRequests;

  @Mixin CollectionOptions collection = new CollectionOptions();

  @Mixin RoleOption role = new RoleOption();

  @Option(names = "--once", description = "Collect once, print the metrics to stdout and exit.")
  boolean once;

  private final Invocation io;

  Main(Invocation io) {
    this.io = io;
  }

  public static void main(String[] args) {
    LaunchMechanism.chooseFastest();
    // This process starts no children but its tools: it may adopt and end what they leave. The
    // logger is made when first used, after the command line has configured logging.
    ToolLeftovers leftovers =
        ToolLeftovers.adoptOrphans(
            message -> LoggerFactory.getLogger(ToolLeftovers.class).info("{}", message));
    System.exit(run(args, StandardInput.get(), System.out, System.err, leftovers));
  }

  /** In a process with children of its own (tests): tools' leftovers are left alone. */
  static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    return run(args, stdin, stdout, stderr, ToolLeftovers.ignored());
  }

  static int run(
      String[] args,
      InputStream stdin,
      PrintStream stdout,
      PrintStream stderr,
      ToolLeftovers leftovers) {
    Invocation io = new Invocation(stdin, stdout, stderr, leftovers);
    CommandLine commandLine = new CommandLine(new Main(io));
    // First: the settings below apply to the subcommands added before them.
    commandLine.addSubcommand("parse", new ParseCommand(Formats.registry(), io));
    commandLine.addSubcommand("textfile", new TextfileCommand(io));
    commandLine.addSubcommand("doctor", new DoctorCommand(io));
    // doctor is a Nagios-style check: a usage error there is UNKNOWN (3), not CRITICAL (2).
    // picocli asks the handler of the command executed, so it is set here.
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (e, given) -> {
          int code = usage.handleParseException(e, given);
          return e.getCommandLine().getCommand() instanceof DoctorCommand
              ? DoctorCommand.UNKNOWN
              : code;
        });
    // picocli negates only names made of word characters; ours contain dots.
    commandLine.setNegatableOptionTransformer(
        new CommandLine.RegexTransformer.Builder()
            .addPattern("^--no-([\\w.-]+)$", "--$1", "--[no-]$1")
            .addPattern("^--([\\w.-]+)$", "--no-$1", "--[no-]$1")
            .build());
    // chronyc arguments look like options ("-h /run/chrony/chronyd.sock"); they are values here.
    commandLine.setAllowOptionsAsOptionParameters(true);
    commandLine.setExecutionStrategy(Main::refuseOptionsBeforeSubcommand);
    commandLine.setOut(new PrintWriter(stdout, true, StandardCharsets.UTF_8));
    commandLine.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
    return commandLine.execute(args);
  }

  /**
   * Options before a subcommand's name would be parsed into this command and silently ignored
   * ({@code --collector.chrony.args=… textfile …} would collect with chronyc's defaults): refuse.
   */
  private static int refuseOptionsBeforeSubcommand(CommandLine.ParseResult parsed) {
    if (parsed.hasSubcommand() && !parsed.matchedOptions().isEmpty()) {
      String sub = parsed.subcommand().commandSpec().name();
      parsed
          .commandSpec()
          .commandLine()
          .getErr()
          .println(
              "clock-health-exporter: "
                  + parsed.matchedOptions().get(0).longestName()
                  + " must follow the subcommand: "
                  + sub
                  + " [options]");
      return ExitCodes.BAD_INPUT;
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  @Override
  public Integer call() throws Exception {
    ExporterSettings settings;
    try {
      settings = collection.resolve(listenAddress, telemetryPath, webConfigFile, maxRequests);
    } catch (ConfigException e) {
      io.stderr().println("clock-health-exporter: configuration error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    Logging.configure(settings.logLevel());
    if (once) {
      return new Exporter(settings, io.leftovers(), false).printOnce(io.stdout());
    }
    WebConfigSource webConfig;
    try {
      Path file = settings.web().webConfigFile();
      webConfig = file == null ? WebConfigSource.none() : WebConfigSource.load(file);
    } catch (ConfigException e) {
      io.stderr().println("clock-health-exporter: configuration error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    return new Exporter(settings, io.leftovers(), true).serve(webConfig, role.role());
  }
}
