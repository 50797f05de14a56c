package io.clockhealth.exporter.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
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
 *   ptp:                     # linuxptp's pmc
 *     socket: /var/run/ptp4l # ptp4l's uds_address
 *     domain: 0
 *     transport: uds         # uds, udp4, udp6 or l2
 * probe:                     # GET /probe?target=HOST[:PORT]&amp;module=NAME
 *   allowed_targets: ["10.0.0.0/8", "ntp1.example.com"]   # absent: any target
 *   max_concurrent: 16       # distinct probes in flight; more get 503
 *   modules:
 *     ntp:                   # built in; may be redefined
 *       version: 4
 *       samples: 1
 *       spacing: 2s
 *       timeout: 5s
 *       ip_protocol: ip4     # preferred family for names; the other is the fallback
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

  @JsonProperty("probe")
  public @Nullable Probe probe;

  /** The {@code probe:} section: what {@code /probe} may ask, and how. */
  public static final class Probe {
    @JsonProperty("allowed_targets")
    public @Nullable List<String> allowedTargets;

    @JsonProperty("max_concurrent")
    public @Nullable Integer maxConcurrent;

    @JsonProperty("modules")
    public @Nullable Map<String, Module> modules;
  }

  /** One probe module. */
  public static final class Module {
    @JsonProperty("version")
    public @Nullable Integer version;

    @JsonProperty("samples")
    public @Nullable Integer samples;

    @JsonProperty("spacing")
    public @Nullable String spacing;

    @JsonProperty("timeout")
    public @Nullable String timeout;

    @JsonProperty("ip_protocol")
    public @Nullable String ipProtocol;
  }

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

    @JsonProperty("ptp")
    public @Nullable PtpTool ptp;
  }

  /** The ptp collector's tool, and where pmc finds ptp4l. */
  public static final class PtpTool extends Tool {
    @JsonProperty("socket")
    public @Nullable String socket;

    @JsonProperty("domain")
    public @Nullable Integer domain;

    @JsonProperty("transport")
    public @Nullable String transport;
  }

  /** One collector's tool: whether it runs, where the tool is, extra arguments, limits. */
  public static class Tool {
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
