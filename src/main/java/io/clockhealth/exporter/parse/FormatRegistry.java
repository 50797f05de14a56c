package io.clockhealth.exporter.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The known output formats by name, and detection of a format from the text itself. */
public final class FormatRegistry {

  public static final String AUTO = "auto";

  private final Map<String, OutputFormat> formats = new LinkedHashMap<>();

  public FormatRegistry(List<OutputFormat> formats) {
    for (OutputFormat format : formats) {
      if (this.formats.putIfAbsent(format.name(), format) != null) {
        throw new IllegalArgumentException("duplicate format " + format.name());
      }
    }
  }

  public Optional<OutputFormat> byName(String name) {
    return Optional.ofNullable(formats.get(name));
  }

  /** Format names in registration order, without {@code auto}. */
  public List<String> names() {
    return new ArrayList<>(formats.keySet());
  }

  /**
   * The format {@code text} is in. When none recognises it, the text may still be a tool's error
   * reply (which every parser reports as such); otherwise it is malformed.
   */
  public OutputFormat detect(String text) throws ParseException {
    for (OutputFormat format : formats.values()) {
      if (format.recognises(text)) {
        return format;
      }
    }
    for (OutputFormat format : formats.values()) {
      try {
        format.parse(text);
      } catch (ParseException e) {
        if (e.kind() == ParseException.Kind.TOOL_ERROR) {
          throw new ParseException(
              ParseException.Kind.TOOL_ERROR, AUTO, e.lineNumber(), e.line(), "tool error reply");
        }
      }
    }
    String firstLine = text.strip().lines().findFirst().orElse("");
    throw ParseException.malformed(
        AUTO,
        firstLine.isEmpty() ? 0 : 1,
        firstLine.isEmpty() ? null : firstLine,
        firstLine.isEmpty()
            ? "empty input"
            : "input is none of the known formats (" + String.join(", ", names()) + ")");
  }
}
