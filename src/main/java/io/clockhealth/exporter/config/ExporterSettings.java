package io.clockhealth.exporter.config;

import io.clockhealth.exporter.model.Daemon;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The effective configuration: built-in defaults, overridden by the config file, overridden by
 * flags. Validation happens here, so a bad value fails start-up naming its flag or key.
 */
public record ExporterSettings(
    WebSettings web,
    String logLevel,
    Duration minInterval,
    int maxSources,
    HostPaths hostPaths,
    Map<Daemon, ToolSettings> tools,
    ProbeSettings probe,
    ChronyClientsSettings chronyClients,
    PtpSettings ptp) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;

  /** Sources served per collector: real daemons have tens; this bounds a scrape's memory. */
  public static final int DEFAULT_MAX_SOURCES = 1000;

  public static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error");

  /** The tool each collector runs when no path is configured (looked up on PATH). */
  public static final Map<Daemon, String> DEFAULT_TOOLS =
      Map.of(
          Daemon.CHRONY,
          "chronyc",
          Daemon.NTPD,
          "ntpq",
          Daemon.TIMESYNCD,
          "timedatectl",
          Daemon.PTP4L,
          "pmc");

  public ExporterSettings {
    tools = Map.copyOf(tools);
  }

  public ToolSettings tool(Daemon daemon) {
    return Objects.requireNonNull(tools.get(daemon), "every daemon has its settings");
  }

  public static ExporterSettings resolve(ConfigFile file, Overrides flags) throws ConfigException {
    WebSettings web = WebSettings.resolve(file.web, flags);
    String level = first(flags.logLevel(), file.logLevel, "info").toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw new ConfigException(
          (flags.logLevel() != null ? "--log.level" : "log_level")
              + ": must be one of debug, info, warn, error, not \""
              + level
              + "\"");
    }
    Duration timeout =
        flags.commandTimeout() != null
            ? Durations.parse("--collector.timeout", flags.commandTimeout())
            : file.commandTimeout != null
                ? Durations.parse("command_timeout", file.commandTimeout)
                : DEFAULT_TIMEOUT;
    int maxOutput =
        positive(
            flags.maxOutputBytes() != null ? "--collector.max-output-bytes" : "max_output_bytes",
            first(flags.maxOutputBytes(), file.maxOutputBytes, DEFAULT_MAX_OUTPUT_BYTES));
    int maxSources =
        positive(
            flags.maxSources() != null ? "--collector.max-sources" : "max_sources",
            first(flags.maxSources(), file.maxSources, DEFAULT_MAX_SOURCES),
            "sources");

    Duration minInterval =
        flags.minInterval() != null
            ? Durations.parseAllowingZero("--collector.min-interval", flags.minInterval())
            : file.minInterval != null
                ? Durations.parseAllowingZero("min_interval", file.minInterval)
                : Duration.ZERO;
    Map<Daemon, ToolSettings> tools = new EnumMap<>(Daemon.class);
    for (Daemon daemon : Daemon.values()) {
      tools.put(
          daemon,
          tool(daemon, fileTool(file, daemon), flags.tool(daemon), flags, timeout, maxOutput));
    }
    return new ExporterSettings(
        web,
        level,
        minInterval,
        maxSources,
        HostPaths.resolve(flags.hostPaths()),
        tools,
        ProbeSettings.resolve(file),
        ChronyClientsSettings.resolve(flags.chronyClients(), flags.chronyClientsPerClient()),
        PtpSettings.resolve(flags.ptp(), file.collectors == null ? null : file.collectors.ptp));
  }

  private static ToolSettings tool(
      Daemon daemon,
      ConfigFile.Tool fromFile,
      ToolOverrides fromFlags,
      Overrides flags,
      Duration timeout,
      int maxOutput)
      throws ConfigException {
    String name = daemon.collector();
    String key = "collectors." + name + ".";
    return new ToolSettings(
        first(fromFlags.enabled(), fromFile.enabled),
        nonBlank(
            fromFlags.path() != null ? "--collector." + name + ".path" : key + "path",
            first(
                fromFlags.path(),
                fromFile.path,
                Objects.requireNonNull(DEFAULT_TOOLS.get(daemon)))),
        first(fromFlags.args(), fromFile.args, List.of()),
        flags.commandTimeout() == null && fromFile.timeout != null
            ? Durations.parse(key + "timeout", fromFile.timeout)
            : timeout,
        flags.maxOutputBytes() == null && fromFile.maxOutputBytes != null
            ? positive(key + "max_output_bytes", fromFile.maxOutputBytes)
            : maxOutput);
  }

  private static ConfigFile.Tool fileTool(ConfigFile file, Daemon daemon) {
    ConfigFile.Tool tool = null;
    if (file.collectors != null) {
      tool =
          switch (daemon) {
            case CHRONY -> file.collectors.chrony;
            case NTPD -> file.collectors.ntpd;
            case TIMESYNCD -> file.collectors.timesyncd;
            case PTP4L -> file.collectors.ptp;
          };
    }
    return tool == null ? new ConfigFile.Tool() : tool;
  }

  /** The flag's value if given, else the file's, else {@code fallback}. */
  static <T> T first(@Nullable T flag, @Nullable T file, T fallback) {
    return flag != null ? flag : file != null ? file : fallback;
  }

  /** The flag's value if given, else the file's; {@code null} when neither gives one. */
  static <T> @Nullable T first(@Nullable T flag, @Nullable T file) {
    return flag != null ? flag : file;
  }

  private static int positive(String key, int value) throws ConfigException {
    return positive(key, value, "bytes");
  }

  static int positive(String key, int value, String unit) throws ConfigException {
    if (value <= 0) {
      throw new ConfigException(key + ": must be a positive number of " + unit + ", not " + value);
    }
    return value;
  }

  private static String nonBlank(String key, String value) throws ConfigException {
    if (value.isBlank()) {
      throw new ConfigException(key + ": must not be empty");
    }
    return value;
  }
}
