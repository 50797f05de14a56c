package io.clockhealth.exporter.config;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One collector's command-line flags; {@code null} means "not given". */
public record ToolOverrides(
    @Nullable Boolean enabled, @Nullable String path, @Nullable List<String> args) {

  public static final ToolOverrides NONE = new ToolOverrides(null, null, null);
}
