package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code ntpq -p}, {@code -pn}, {@code -pnw} and the interactive {@code peers} command of
 * classic ntpd (4.0–4.2.8) and ntpsec.
 *
 * <p>The remote column is cut by position, never by whitespace: ntpq truncates names to the column
 * width without a marker and may print {@code addr (hostname)} in it, spaces included. Its width
 * comes from the header: ntpsec widens it on wide terminals (15 + up to 24 columns), and the {@code
 * refid} title always sits 7 columns after its end (tally, separator and the title's centring).
 * Headers further left than the classic layout's (ntp 4.0's narrow one, or a web copy that lost its
 * leading spaces) have the classic 15-column remote.
 *
 * <p>In wide mode ({@code -w}) a name longer than the column is printed alone on its line, after
 * the tally, and the other columns follow on the next line, indented past the remote column.
 */
public final class NtpqPeersParser extends AbstractTextParser<List<NtpqPeer>> {

  public static final String FORMAT = "ntpq-peers";

  // Old versions title the last column "disp" (dispersion) instead of "jitter".
  private static final Pattern HEADER =
      Pattern.compile(
          "\\s*remote\\s+(refid)\\s+st\\s+t\\s+when\\s+poll\\s+reach\\s+delay\\s+offset"
              + "\\s+(?:jitter|disp)");
  private static final String HEADER_NAME = "remote refid st t when poll reach delay offset jitter";
  // Documentation copies sometimes omit the rule; its length follows the header's.
  private static final Pattern RULE = Pattern.compile("={3,}");

  private static final int CLASSIC_REMOTE_WIDTH = 15;
  private static final int REFID_TITLE_AFTER_REMOTE_END = 7;

  public NtpqPeersParser() {
    super(FORMAT, NtpqPeersParser::looksLike);
  }

  /** True when {@code text} starts with the peers header (for {@code --format auto}). */
  private static boolean looksLike(String text) {
    return HEADER.matcher(NtpqInput.firstLine(text)).matches();
  }

  /**
   * The rows in ntpq's order; empty for a header without rows.
   *
   * @throws ParseException TOOL_ERROR for ntpq's error messages (e.g. {@code ***Request timed
   *     out}), MALFORMED for anything that is not a peers table
   */
  @Override
  public List<NtpqPeer> parse(String text) throws ParseException {
    List<Line> lines = NtpqInput.lines(FORMAT, text);
    Line header = lines.get(0);
    Matcher m = HEADER.matcher(header.text());
    if (!m.matches()) {
      throw malformed(header, "expected the '" + HEADER_NAME + "' header");
    }
    int remoteWidth = Math.max(CLASSIC_REMOTE_WIDTH, m.start(1) - REFID_TITLE_AFTER_REMOTE_END);
    int first = lines.size() > 1 && RULE.matcher(lines.get(1).text().strip()).matches() ? 2 : 1;

    List<NtpqPeer> peers = new ArrayList<>();
    for (int i = first; i < lines.size(); i++) {
      Line line = lines.get(i);
      Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
      if (isColumnsOnly(line, remoteWidth)) {
        throw malformed(line, "columns without the remote name line before them");
      }
      if (next != null && overrunsRemote(line, remoteWidth) && isColumnsOnly(next, remoteWidth)) {
        String name = line.text().substring(1).strip();
        peers.add(row(next, line.text().charAt(0), name, next.text()));
        i++;
      } else {
        peers.add(row(line, remoteWidth));
      }
    }
    return peers;
  }

  /** A row on one line: tally, the remote column, a separating space, the other columns. */
  private static NtpqPeer row(Line line, int remoteWidth) throws ParseException {
    String text = line.text();
    if (text.length() <= remoteWidth + 1) {
      throw malformed(line, "row ends within the remote column (not a peers row)");
    }
    if (text.charAt(remoteWidth + 1) != ' ') {
      throw malformed(
          line, "no space after the " + remoteWidth + "-character remote column (not a peers row)");
    }
    String remote = text.substring(1, remoteWidth + 1).strip();
    return row(line, text.charAt(0), remote, text.substring(remoteWidth + 2));
  }

  private static NtpqPeer row(Line line, char tally, String remote, String columns)
      throws ParseException {
    try {
      return NtpqPeerRow.parse(tally, remote, columns);
    } catch (IllegalArgumentException e) {
      throw malformed(line, e.getMessage());
    }
  }

  /** A wide-mode name line: the name runs on past the remote column. */
  private static boolean overrunsRemote(Line line, int remoteWidth) {
    String text = line.text();
    return text.length() > remoteWidth + 1 && text.charAt(remoteWidth + 1) != ' ';
  }

  /** A wide-mode continuation: blank where the tally and remote would be. */
  private static boolean isColumnsOnly(Line line, int remoteWidth) {
    String text = line.text();
    return text.length() > remoteWidth + 1 && text.substring(0, remoteWidth + 1).isBlank();
  }

  private static ParseException malformed(Line line, @Nullable String why) {
    return ParseException.malformed(FORMAT, line.number(), line.text(), why);
  }
}
