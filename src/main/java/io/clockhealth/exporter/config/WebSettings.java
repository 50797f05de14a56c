package io.clockhealth.exporter.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where and how the exporter serves: the {@code --web.*} flags over the config file's {@code web}
 * section.
 *
 * @param webConfigFile the exporter-toolkit web config (TLS, basic auth); {@code null} for none
 * @param maxRequests requests handled at once; more wait for a slot
 */
public record WebSettings(
    ListenAddress listenAddress,
    String telemetryPath,
    @Nullable Path webConfigFile,
    int maxRequests) {

  public static final String DEFAULT_LISTEN_ADDRESS = ":39123";
  public static final String DEFAULT_TELEMETRY_PATH = "/metrics";
  public static final int DEFAULT_MAX_REQUESTS = 8;

  static WebSettings resolve(ConfigFile.@Nullable Web fromFile, Overrides flags)
      throws ConfigException {
    ConfigFile.Web web = fromFile == null ? new ConfigFile.Web() : fromFile;
    ListenAddress listen =
        ListenAddress.parse(
            flags.listenAddress() != null ? "--web.listen-address" : "web.listen_address",
            ExporterSettings.first(
                flags.listenAddress(), web.listenAddress, DEFAULT_LISTEN_ADDRESS));
    String path =
        ExporterSettings.first(flags.telemetryPath(), web.telemetryPath, DEFAULT_TELEMETRY_PATH);
    // Servlet mappings treat "*" as a wildcard; "?", "#" and ";" cannot be part of a path.
    if (!path.startsWith("/")
        || path.equals("/")
        || path.startsWith("/-/")
        || path.chars().anyMatch(c -> "*?#;".indexOf(c) >= 0)) {
      throw new ConfigException(
          (flags.telemetryPath() != null ? "--web.telemetry-path" : "web.telemetry_path")
              + ": must be a path like /metrics, not \""
              + path
              + "\"");
    }
    String webConfig = ExporterSettings.first(flags.webConfigFile(), web.configFile);
    int maxRequests =
        ExporterSettings.positive(
            flags.maxRequests() != null ? "--web.max-requests" : "web.max_requests",
            ExporterSettings.first(flags.maxRequests(), web.maxRequests, DEFAULT_MAX_REQUESTS),
            "requests");
    return new WebSettings(
        listen,
        path,
        webConfig == null || webConfig.isBlank() ? null : Path.of(webConfig),
        maxRequests);
  }
}
