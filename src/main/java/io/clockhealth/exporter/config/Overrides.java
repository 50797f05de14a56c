package io.clockhealth.exporter.config;

import io.clockhealth.exporter.model.Daemon;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Settings given as command-line flags; {@code null} means "not given", so the file decides. */
public record Overrides(
    @Nullable String listenAddress,
    @Nullable String telemetryPath,
    @Nullable String webConfigFile,
    @Nullable Integer maxRequests,
    @Nullable String logLevel,
    @Nullable String commandTimeout,
    @Nullable Integer maxOutputBytes,
    @Nullable Integer maxSources,
    @Nullable String minInterval,
    @Nullable Boolean chronyClients,
    @Nullable Integer chronyClientsPerClient,
    HostPaths.Flags hostPaths,
    PtpSettings.Flags ptp,
    Map<Daemon, ToolOverrides> tools) {

  /** No flag given. */
  public static final Overrides NONE =
      new Overrides(
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          HostPaths.Flags.NONE,
          PtpSettings.Flags.NONE,
          Map.of());

  public Overrides {
    Map<Daemon, ToolOverrides> copy = new EnumMap<>(Daemon.class);
    copy.putAll(tools);
    tools = Map.copyOf(copy);
  }

  public ToolOverrides tool(Daemon daemon) {
    return tools.getOrDefault(daemon, ToolOverrides.NONE);
  }
}
