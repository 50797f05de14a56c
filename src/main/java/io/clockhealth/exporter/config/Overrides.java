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

  public static final Overrides NONE = onlyTools(Map.of());

  public Overrides {
    Map<Daemon, ToolOverrides> copy = new EnumMap<>(Daemon.class);
    copy.putAll(tools);
    tools = Map.copyOf(copy);
  }

  /** No flag given but the per-daemon ones. */
  public static Overrides onlyTools(Map<Daemon, ToolOverrides> tools) {
    return new Overrides(
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
        tools);
  }

  /** These flags with the PTP ones replaced. */
  public Overrides withPtp(PtpSettings.Flags flags) {
    return new Overrides(
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
        hostPaths,
        flags,
        tools);
  }

  public ToolOverrides tool(Daemon daemon) {
    return tools.getOrDefault(daemon, ToolOverrides.NONE);
  }
}
