package io.clockhealth.exporter.collect.chrony;

import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of chronyc's own error replies ({@code 506 Cannot talk to daemon}, {@code 501 Not
 * authorised}, …) found in a command's output.
 *
 * <p>chronyc prints these status lines on stdout, sometimes after a header it has already printed
 * (e.g. {@code clients}), so they are searched for on every line rather than only the first.
 *
 * @param code the 3-digit reply code, 500–599
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

  /** The first error reply in {@code output}, if any. */
  public static Optional<ChronyErrorReply> find(String output) {
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
    }
    return Optional.empty();
  }
}
