package io.clockhealth.exporter.config;

import java.util.List;

/** One collector's command-line flags; {@code null} means "not given". */
public record ToolOverrides(Boolean enabled, String path, List<String> args) {

  public static final ToolOverrides NONE = new ToolOverrides(null, null, null);
}
