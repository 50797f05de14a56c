package io.clockhealth.exporter.config;

import java.util.List;

/** Settings given as command-line flags; {@code null} means "not given", so the file decides. */
public record Overrides(
    String listenAddress,
    String telemetryPath,
    String logLevel,
    String commandTimeout,
    Integer maxOutputBytes,
    Boolean chronyEnabled,
    String chronyPath,
    List<String> chronyArgs) {

  public static final Overrides NONE =
      new Overrides(null, null, null, null, null, null, null, null);
}
