package io.clockhealth.exporter.parse;

import org.jspecify.annotations.Nullable;

/**
 * Input that is not the expected format, or is the tool's own error message instead of data. The
 * message is one line naming the format, the offending line and why.
 */
public final class ParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the input was rejected. */
  public enum Kind {
    /** The text is not (a valid instance of) the format. */
    MALFORMED,
    /** The text is the tool's error reply, e.g. {@code 506 Cannot talk to daemon}. */
    TOOL_ERROR
  }

  private final Kind kind;
  private final String format;
  private final int lineNumber;
  private final @Nullable String line;

  public ParseException(
      Kind kind, String format, int lineNumber, @Nullable String line, @Nullable String reason) {
    super(message(format, lineNumber, line, reason));
    this.kind = kind;
    this.format = format;
    this.lineNumber = lineNumber;
    this.line = line;
  }

  public static ParseException malformed(
      String format, int lineNumber, @Nullable String line, @Nullable String why) {
    return new ParseException(Kind.MALFORMED, format, lineNumber, line, why);
  }

  public static ParseException toolError(String format, int lineNumber, @Nullable String line) {
    return new ParseException(Kind.TOOL_ERROR, format, lineNumber, line, "tool error reply");
  }

  public Kind kind() {
    return kind;
  }

  public String format() {
    return format;
  }

  /** 1-based line number of the offending line, 0 when the input as a whole is at fault. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The offending line, {@code null} when the input as a whole is at fault. */
  public @Nullable String line() {
    return line;
  }

  private static String message(
      String format, int lineNumber, @Nullable String line, @Nullable String reason) {
    StringBuilder sb = new StringBuilder(format).append(": ");
    if (lineNumber > 0) {
      sb.append("line ").append(lineNumber).append(": ");
    }
    sb.append(reason);
    if (line != null) {
      String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
      sb.append(": \"").append(ControlCharacters.escape(shown)).append('"');
    }
    return sb.toString();
  }
}
