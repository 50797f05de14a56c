package io.clockhealth.exporter.testing;

import io.clockhealth.exporter.config.Overrides;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolOverrides;
import io.clockhealth.exporter.model.Daemon;
import java.util.Map;

/** Command-line overrides with only the flags a test is about given. */
public final class Flags {

  private Flags() {}

  /** Only the per-daemon flags. */
  public static Overrides tools(Map<Daemon, ToolOverrides> tools) {
    return of(PtpSettings.Flags.NONE, tools);
  }

  /** Only the PTP flags. */
  public static Overrides ptp(PtpSettings.Flags ptp) {
    return of(ptp, Map.of());
  }

  private static Overrides of(PtpSettings.Flags ptp, Map<Daemon, ToolOverrides> tools) {
    Overrides none = Overrides.NONE;
    return new Overrides(
        none.listenAddress(),
        none.telemetryPath(),
        none.webConfigFile(),
        none.maxRequests(),
        none.logLevel(),
        none.commandTimeout(),
        none.maxOutputBytes(),
        none.maxSources(),
        none.minInterval(),
        none.chronyClients(),
        none.chronyClientsPerClient(),
        none.hostPaths(),
        ptp,
        tools);
  }
}
