package io.clockhealth.exporter.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The YAML configuration file as written by the operator (README, "Configuration file"). Every key
 * is optional; unknown keys are rejected by {@link ConfigFileLoader}. Example:
 *
 * <pre>
 * web:
 *   listen_address: ":39123"
 *   telemetry_path: /metrics
 *   config_file: web.yml      # TLS and basic auth, exporter-toolkit format
 *   max_requests: 64          # handled at once; more wait for a slot
 * log_level: info
 * command_timeout: 2s
 * max_output_bytes: 1048576
 * max_sources: 1000         # sources served per collector
 * min_interval: 0s           # reuse a collection for this long (0s: off)
 * collectors:
 *   chrony:
 *     enabled: true          # omit for auto-detection
 *     path: /usr/bin/chronyc
 *     args: ["-h", "/run/chrony/chronyd.sock"]
 *     timeout: 2s            # overrides command_timeout for this collector
 *   ntpd:
 *     path: /usr/bin/ntpq
 *     args: ["127.0.0.1"]    # ntpq takes its host last
 *   timesyncd:
 *     enabled: false
 * </pre>
 *
 * <p>Plain field-bound classes rather than records: Jackson then meets an unknown key while it
 * streams, so the error carries the key's own line (a record's creator buffers the whole object and
 * reports its end).
 */
public final class ConfigFile {

  public static final ConfigFile EMPTY = new ConfigFile();

  @JsonProperty("web")
  public @Nullable Web web;

  @JsonProperty("log_level")
  public @Nullable String logLevel;

  @JsonProperty("command_timeout")
  public @Nullable String commandTimeout;

  @JsonProperty("max_output_bytes")
  public @Nullable Integer maxOutputBytes;

  @JsonProperty("max_sources")
  public @Nullable Integer maxSources;

  @JsonProperty("min_interval")
  public @Nullable String minInterval;

  @JsonProperty("collectors")
  public @Nullable Collectors collectors;

  /** The {@code web:} section. */
  public static final class Web {
    @JsonProperty("listen_address")
    public @Nullable String listenAddress;

    @JsonProperty("telemetry_path")
    public @Nullable String telemetryPath;

    @JsonProperty("config_file")
    public @Nullable String configFile;

    @JsonProperty("max_requests")
    public @Nullable Integer maxRequests;
  }

  /** The {@code collectors:} section, one entry per daemon. */
  public static final class Collectors {
    @JsonProperty("chrony")
    public @Nullable Tool chrony;

    @JsonProperty("ntpd")
    public @Nullable Tool ntpd;

    @JsonProperty("timesyncd")
    public @Nullable Tool timesyncd;
  }

  /** One collector's tool: whether it runs, where the tool is, extra arguments, limits. */
  public static final class Tool {
    @JsonProperty("enabled")
    public @Nullable Boolean enabled;

    @JsonProperty("path")
    public @Nullable String path;

    @JsonProperty("args")
    public @Nullable List<String> args;

    @JsonProperty("timeout")
    public @Nullable String timeout;

    @JsonProperty("max_output_bytes")
    public @Nullable Integer maxOutputBytes;
  }
}
