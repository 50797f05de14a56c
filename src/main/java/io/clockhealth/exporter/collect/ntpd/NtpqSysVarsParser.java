package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.collect.ntpd.NtpqVariableList.Variable;
import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses ntpd's system variables as {@code ntpq -c rv}, {@code rv 0 [names]} and {@code rl} print
 * them (classic ntpd 4.0–4.2.8 and ntpsec): a status line ({@code associd=0 status=0615 leap_none,
 * sync_ntp, 1 event, clock_sync,}) followed by {@code name=value} items.
 */
public final class NtpqSysVarsParser extends AbstractTextParser<NtpqSysVars> {

  public static final String FORMAT = "ntpq-rv";

  // The association ID is "assID=" before 4.2.4 and missing altogether in 4.0; the words after
  // the status word decode it and are not variables.
  private static final Pattern STATUS_LINE =
      Pattern.compile("(?:(?:associd|assID)=(\\d{1,5})\\s+)?status=([0-9a-fA-F]{4})(?:\\s.*)?");
  private static final Pattern VARIABLE_LINE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
  private static final Pattern LEAP_BITS = Pattern.compile("[01]{2}");
  private static final Pattern LEAP_NUMBER = Pattern.compile("[0-3]");

  public NtpqSysVarsParser() {
    super(FORMAT, NtpqSysVarsParser::looksLike);
  }

  /**
   * True when {@code text} starts with the system status line and goes on with variables (for
   * {@code --format auto}). {@code kerninfo} and {@code sysinfo} print the same status line but
   * continue with {@code label: value} lines; a peer's {@code rv <assid>} has its own associd.
   */
  private static boolean looksLike(String text) {
    List<String> lines = NtpqInput.leadingLines(text, 2);
    if (lines.isEmpty()) {
      return false;
    }
    Matcher status = STATUS_LINE.matcher(lines.get(0));
    return status.matches()
        && isSystemAssociation(status)
        && (lines.size() == 1 || VARIABLE_LINE.matcher(lines.get(1)).matches());
  }

  /**
   * Parses one system variable list.
   *
   * @throws ParseException TOOL_ERROR for ntpq's error messages, MALFORMED for anything that is not
   *     a system variable list (a peer's variables included)
   */
  @Override
  public NtpqSysVars parse(String text) throws ParseException {
    List<Line> lines = NtpqInput.lines(FORMAT, text);
    Line statusLine = lines.get(0);
    Matcher status = STATUS_LINE.matcher(statusLine.text().strip());
    if (!status.matches()) {
      throw malformed(statusLine, "expected the status line 'associd=0 status=XXXX …'");
    }
    if (!isSystemAssociation(status)) {
      throw malformed(
          statusLine,
          "variables of association " + status.group(1) + ", not the system variables (rv 0)");
    }
    List<Variable> variables = new ArrayList<>();
    for (Line line : lines.subList(1, lines.size())) {
      try {
        NtpqVariableList.addLine(line, variables);
      } catch (IllegalArgumentException e) {
        throw malformed(line, e.getMessage());
      }
    }
    Map<String, Variable> byName = new LinkedHashMap<>();
    variables.forEach(v -> byName.putIfAbsent(v.name(), v));
    Map<String, String> all = new LinkedHashMap<>();
    byName.forEach((name, v) -> all.put(name, v.value()));

    return new NtpqSysVars(
        status.group(1) == null ? null : Integer.valueOf(status.group(1)),
        Integer.valueOf(status.group(2), 16),
        value(byName, NtpqSysVarsParser::leap, "leap"),
        value(byName, NtpqValues::integer, "stratum"),
        value(byName, Function.identity(), "refid"),
        value(byName, NtpqValues::decimal, "offset", "phase"),
        value(byName, NtpqValues::decimal, "sys_jitter", "jitter"),
        value(byName, NtpqValues::decimal, "clk_jitter"),
        value(byName, NtpqValues::decimal, "rootdelay"),
        value(byName, NtpqValues::decimal, "rootdisp", "rootdispersion"),
        value(byName, NtpqValues::decimal, "frequency"),
        value(byName, NtpqValues::integer, "tc", "poll"),
        value(byName, NtpTimestamp::unixSeconds, "reftime"),
        value(byName, NtpqValues::integer, "peer"),
        all);
  }

  private static boolean isSystemAssociation(Matcher status) {
    return status.group(1) == null || Integer.parseInt(status.group(1)) == 0;
  }

  /**
   * The first of {@code names} that was printed (current name first, then older ones), converted;
   * {@code null} when none was.
   */
  private static <T> @Nullable T value(
      Map<String, Variable> variables, Function<String, T> conversion, String... names)
      throws ParseException {
    for (String name : names) {
      Variable v = variables.get(name);
      if (v != null) {
        try {
          return conversion.apply(v.value());
        } catch (IllegalArgumentException e) {
          throw malformed(v.line(), name + ": " + e.getMessage());
        }
      }
    }
    return null;
  }

  /** ntpq prints the two leap bits ({@code 00}…{@code 11}); raw mode prints the number. */
  private static Integer leap(String value) {
    if (LEAP_BITS.matcher(value).matches()) {
      return Integer.valueOf(value, 2);
    }
    if (LEAP_NUMBER.matcher(value).matches()) {
      return Integer.valueOf(value);
    }
    throw new IllegalArgumentException("not a leap indicator (00, 01, 10 or 11): '" + value + "'");
  }

  private static ParseException malformed(Line line, @Nullable String why) {
    return ParseException.malformed(FORMAT, line.number(), line.text(), why);
  }
}
