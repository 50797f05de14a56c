package io.clockhealth.exporter.collect.chrony;

import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One of chronyc's own error replies ({@code 506 Cannot talk to daemon}, {@code 501 Not
 * authorised}, …) found in a command's output.
 *
 * <p>chronyc prints these status lines on stdout, sometimes after a header it has already printed
 * (e.g. {@code clients}), so they are searched for on every line rather than only the first.
 *
 * <p>chronyc's own failures to reach the daemon at all ({@code Could not open connection to daemon}
 * when the Unix socket is gone, {@code Could not get address for hostname}) carry no reply code;
 * they are reported with {@link #NO_REPLY}.
 *
 * @param code the 3-digit reply code, 500–599, or {@link #NO_REPLY}
 * @param message the text after the code
 * @param lineNumber 1-based number of the line in the output
 * @param line the line as printed (without the line terminator)
 */
public record ChronyErrorReply(int code, String message, int lineNumber, String line) {

  /*
   * The whole line must be "5NN <word...>": a code of exactly three digits, one space, then a
   * letter. Data rows never look like that: names are followed by column padding and numbers
   * (`119.28.206.193  18 ...`), and informational replies such as `210 Number of sources = 3`
   * are 2NN.
   */
  private static final Pattern REPLY = Pattern.compile("^\\s*(5\\d{2}) ([A-Za-z].*)$");

  /** chronyc could not talk to any daemon; there was no reply. */
  public static final int NO_REPLY = 0;

  private static final Pattern CLIENT_FAILURE = Pattern.compile("^(Could not [a-z].*)$");

  /** The first error reply in {@code output}, if any. */
  public static Optional<ChronyErrorReply> find(@Nullable String output) {
    if (output == null) {
      return Optional.empty();
    }
    int lineNumber = 0;
    Iterator<String> lines = output.lines().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      lineNumber++;
      Matcher m = REPLY.matcher(line.stripTrailing());
      if (m.matches()) {
        return Optional.of(
            new ChronyErrorReply(Integer.parseInt(m.group(1)), m.group(2), lineNumber, line));
      }
      Matcher client = CLIENT_FAILURE.matcher(line.strip());
      if (client.matches()) {
        return Optional.of(new ChronyErrorReply(NO_REPLY, client.group(1), lineNumber, line));
      }
    }
    return Optional.empty();
  }
}
