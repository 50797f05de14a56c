package io.clockhealth.exporter.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The YAML configuration file as written by the operator (DESIGN §5). Every key is optional;
 * unknown keys are rejected by {@link ConfigFileLoader}. Example:
 *
 * <pre>
 * web:
 *   listen_address: ":39123"
 *   telemetry_path: /metrics
 * log_level: info
 * command_timeout: 2s
 * max_output_bytes: 1048576
 * collectors:
 *   chrony:
 *     enabled: true          # omit for auto-detection
 *     path: /usr/bin/chronyc
 *     args: ["-h", "/run/chrony/chronyd.sock"]
 *     timeout: 2s            # overrides command_timeout for this collector
 * </pre>
 */
public record ConfigFile(
    @JsonProperty("web") Web web,
    @JsonProperty("log_level") String logLevel,
    @JsonProperty("command_timeout") String commandTimeout,
    @JsonProperty("max_output_bytes") Integer maxOutputBytes,
    @JsonProperty("collectors") Collectors collectors) {

  public static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null);

  /** The {@code web:} section. */
  public record Web(
      @JsonProperty("listen_address") String listenAddress,
      @JsonProperty("telemetry_path") String telemetryPath) {}

  /** The {@code collectors:} section, one entry per daemon. */
  public record Collectors(@JsonProperty("chrony") Tool chrony) {}

  /** One collector's tool: whether it runs, where the tool is, extra arguments, limits. */
  public record Tool(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("path") String path,
      @JsonProperty("args") List<String> args,
      @JsonProperty("timeout") String timeout,
      @JsonProperty("max_output_bytes") Integer maxOutputBytes) {}
}
