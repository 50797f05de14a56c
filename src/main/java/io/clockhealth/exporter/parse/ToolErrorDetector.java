package io.clockhealth.exporter.parse;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises one tool's error messages in its combined stdout and stderr. The collectors' tool
 * runner and the parsers' input check ({@link TextInput}) ask the same detector.
 */
@FunctionalInterface
public interface ToolErrorDetector {

  /** The first error message in {@code output}; empty for null output. */
  Optional<ToolError> find(@Nullable String output);

  /** What a per-line detector decides of one line. */
  @FunctionalInterface
  interface LineRule {

    /** The error {@code line} (1-based {@code number}, as printed) is, if it is one. */
    Optional<ToolError> match(String line, int number);
  }

  /**
   * A detector that asks {@code rule} of every line, first match wins: tools print errors after
   * data.
   */
  static ToolErrorDetector byLine(LineRule rule) {
    return output -> {
      if (output == null) {
        return Optional.empty();
      }
      List<String> lines = output.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Optional<ToolError> found = rule.match(lines.get(i), i + 1);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    };
  }
}
