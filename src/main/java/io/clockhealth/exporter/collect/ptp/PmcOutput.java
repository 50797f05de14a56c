package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * pmc's output read into its reply blocks: a {@code sending: GET ID} line per request and, for each
 * reply, a header line and its tab-indented {@code key value} lines (pmc's layout, linuxptp 2 to
 * 4). pmc reads replies while it sends, so request lines usually come first but may come between
 * replies. Every other line is rejected, naming it.
 */
final class PmcOutput {

  private static final Pattern HEADER =
      Pattern.compile(
          "\\t(\\S+-\\d+) seq \\d+ RESPONSE (MANAGEMENT|MANAGEMENT_ERROR_STATUS) ([A-Z0-9_]+)\\s*");
  private static final Pattern FIELD = Pattern.compile("\\t\\t(\\S+)(?:[ \\t]+(.*))?");
  private static final Pattern ERROR_LINE = Pattern.compile("\\t(ERROR|ERROR DISPLAY): ?(.*)");

  private PmcOutput() {}

  /** Whether {@code line} starts a reply of pmc (data or error status). */
  static boolean isReplyHeader(String line) {
    return HEADER.matcher(line.stripTrailing()).matches();
  }

  /** The management IDs of the replies in {@code text}, in order; empty for anything else. */
  static List<String> replyIds(@Nullable String text) {
    List<String> ids = new ArrayList<>();
    if (text == null) {
      return ids;
    }
    for (String line : text.lines().toList()) {
      Matcher m = HEADER.matcher(line.stripTrailing());
      if (m.matches()) {
        ids.add(m.group(3));
      }
    }
    return ids;
  }

  /**
   * The replies of {@code text}.
   *
   * @throws ParseException TOOL_ERROR when no ptp4l answered; MALFORMED for any line that is not
   *     pmc's, or no reply at all
   */
  static List<PmcResponse> read(String format, @Nullable String text) throws ParseException {
    List<Line> lines =
        TextInput.requireContent(format, TextInput.lines(format, text, PmcErrors.DETECTOR));
    List<PmcResponse> replies = new ArrayList<>();
    Line header = null;
    Matcher open = null;
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder error = null;
    for (Line line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String t = line.text();
      if (t.startsWith("sending: ")) {
        // pmc reads replies while it still sends: a request line may come between two replies.
        if (header != null && open != null) {
          replies.add(reply(format, header, open, fields, error));
        }
        header = null;
        open = null;
        continue;
      }
      Matcher h = HEADER.matcher(t);
      if (h.matches()) {
        if (header != null && open != null) {
          replies.add(reply(format, header, open, fields, error));
        }
        header = line;
        open = h;
        fields = new LinkedHashMap<>();
        error = "MANAGEMENT_ERROR_STATUS".equals(h.group(2)) ? new StringBuilder() : null;
        continue;
      }
      if (header == null) {
        throw ParseException.malformed(format, line.number(), t, "not a line of pmc's output");
      }
      Matcher e = ERROR_LINE.matcher(t);
      if (error != null && e.matches()) {
        String words = e.group(2).strip();
        if (!words.isEmpty()) {
          error.append(error.length() == 0 ? "" : "; ").append(words);
        }
        continue;
      }
      Matcher f = FIELD.matcher(t);
      if (error != null || !f.matches()) {
        throw ParseException.malformed(format, line.number(), t, "not a line of pmc's output");
      }
      if (fields.putIfAbsent(f.group(1), f.group(2) == null ? "" : f.group(2).strip()) != null) {
        throw ParseException.malformed(format, line.number(), t, "field given twice");
      }
    }
    if (header != null && open != null) {
      replies.add(reply(format, header, open, fields, error));
    }
    if (replies.isEmpty()) {
      throw ParseException.malformed(format, 0, null, "no reply in pmc's output");
    }
    return replies;
  }

  private static PmcResponse reply(
      String format,
      Line header,
      Matcher m,
      Map<String, String> fields,
      @Nullable StringBuilder error) {
    return new PmcResponse(
        format, header, m.group(1), m.group(3), fields, error == null ? null : error.toString());
  }
}
