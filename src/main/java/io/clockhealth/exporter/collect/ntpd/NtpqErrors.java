package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.ToolError;
import io.clockhealth.exporter.parse.ToolErrorDetector;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ntpq's own error messages (classic ntpd 4.x and ntpsec), found in its combined output.
 *
 * <p>ntpq prints these instead of, or after part of, the requested data; every line is checked. The
 * patterns are anchored on ntpq's own wording ({@code ***…}, {@code host: timed out…}, {@code ntpq:
 * call: errno text}) so that data lines, which never start like that, are not mistaken for errors.
 * The errno text after {@code ntpq:} is localised (e.g. Italian {@code File o directory non
 * esistente}), so only the prefix is relied on for those.
 */
public final class NtpqErrors {

  /** ntpd did not answer within ntpq's timeout. */
  public static final String TIMEOUT = "timeout";

  /** Nothing listens on the NTP port (ntpd is not running). */
  public static final String CONNECTION_REFUSED = "connection-refused";

  /** ntpd answered but has no associations (no sources configured or left). */
  public static final String NO_ASSOCIATIONS = "no-associations";

  /** The host name ntpq was given did not resolve. */
  public static final String NAME_RESOLUTION = "name-resolution";

  /** ntpd answered with an error status (unknown variable or association, not permitted…). */
  public static final String SERVER_ERROR = "server-error";

  /** Any other failure ntpq reports about itself (socket errors, localised errno text…). */
  public static final String NTPQ_ERROR = "ntpq-error";

  private record Rule(Pattern pattern, String code, boolean daemonAnswered) {}

  // ntpq's errno messages: "ntpq: read: Connection refused", "/usr/sbin/ntpq: socket: …".
  private static final String NTPQ_PREFIX = "^(?:\\S*/)?ntpq: ";

  // Order matters: the first rule that matches a line decides its code.
  private static final List<Rule> RULES =
      List.of(
          rule("^\\S+: timed out, nothing received$", TIMEOUT, false),
          rule("^\\*\\*\\*Request timed out", TIMEOUT, false),
          rule(NTPQ_PREFIX + ".*Connection refused$", CONNECTION_REFUSED, false),
          // ntpsec's wording when nothing answers on the port.
          rule("^\\*\\*\\*Socket error", CONNECTION_REFUSED, false),
          // Classic prints "ID's", ntpsec "IDs"; either way ntpd itself replied.
          rule("^No association ID(?:'s|s) (?:returned|in list)$", NO_ASSOCIATIONS, true),
          rule("^\\*\\*\\*(?:Can't find host|No host open)", NAME_RESOLUTION, false),
          // ntpsec: "ntpq: standard-mode lookup of X failed, …"; classic: the resolver's text.
          rule(
              NTPQ_PREFIX
                  + ".*(?:lookup .*failed|Name or service not known"
                  + "|Temporary failure in name resolution|nodename nor servname provided"
                  + "|No address associated with hostname)",
              NAME_RESOLUTION,
              false),
          // "***Server reports data not found", "***Association ID 5 unknown to server", …
          rule("^\\*\\*\\*.*\\b[Ss]erver\\b", SERVER_ERROR, true),
          rule("^\\*\\*\\*", NTPQ_ERROR, false),
          // Whatever else ntpq says about itself, e.g. an errno text in the user's language.
          rule(NTPQ_PREFIX, NTPQ_ERROR, false));

  /** The first ntpq error message in an output, on whichever line it is. */
  public static final ToolErrorDetector DETECTOR = ToolErrorDetector.byLine(NtpqErrors::match);

  private NtpqErrors() {}

  private static Optional<ToolError> match(String printed, int number) {
    String line = printed.strip();
    for (Rule rule : RULES) {
      if (rule.pattern().matcher(line).find()) {
        return Optional.of(new ToolError(rule.code(), line, number, rule.daemonAnswered()));
      }
    }
    return Optional.empty();
  }

  private static Rule rule(String regex, String code, boolean daemonAnswered) {
    return new Rule(Pattern.compile(regex), code, daemonAnswered);
  }
}
