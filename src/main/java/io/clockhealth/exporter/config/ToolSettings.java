package io.clockhealth.exporter.config;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Effective settings of one collector's tool.
 *
 * @param enabled {@code null} = auto: enabled where the tool is installed
 */
public record ToolSettings(
    @Nullable Boolean enabled,
    String path,
    List<String> args,
    Duration timeout,
    int maxOutputBytes) {

  public ToolSettings {
    args = List.copyOf(args);
  }
}
