package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.LabelledLines;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses {@code chronyc serverstats} and {@code chronyc -c serverstats}. Each chrony version prints
 * a prefix of {@link ServerStatField}: 5 lines (2.4–3.x), 8 (4.0), 11 (4.1–4.3), 17 (4.4+).
 */
public final class ServerStatsParser extends AbstractTextParser<ChronyServerStats> {

  public static final String FORMAT = "chronyc-serverstats";

  private static final ServerStatField[] FIELDS = ServerStatField.values();
  private static final Set<String> LABELS =
      Arrays.stream(FIELDS).map(ServerStatField::label).collect(Collectors.toUnmodifiableSet());
  // The shortest layout (chrony 2.4–3.x) has the five packet counters.
  private static final int MIN_FIELDS = 5;
  private static final Pattern FIRST_LINE = Pattern.compile("(?m)^NTP packets received\\s*:");
  private static final Pattern CSV_VALUES = Pattern.compile("\\d+(?:,\\d+)*");

  public ServerStatsParser() {
    super(FORMAT, ServerStatsParser::looksLike);
  }

  /** True when {@code text} looks like serverstats output, human or CSV. */
  private static boolean looksLike(String text) {
    if (FIRST_LINE.matcher(text).find()) {
      return true;
    }
    String first = ChronyInput.firstLine(text);
    int fields = first.split(",", -1).length;
    return CSV_VALUES.matcher(first).matches() && fields >= MIN_FIELDS && fields <= FIELDS.length;
  }

  @Override
  public ChronyServerStats parse(String text) throws ParseException {
    return ChronyInput.byLayout(
        FORMAT, text, LABELS, ServerStatsParser::parseHuman, ServerStatsParser::parseCsv);
  }

  private static ChronyServerStats parseHuman(List<Line> lines) throws ParseException {
    LabelledLines block = new LabelledLines(FORMAT, LABELS);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      block.add(line);
      // Versions only ever append lines, so the i-th line must carry the i-th label (add()
      // already rejected unknown and repeated labels, so i stays within FIELDS).
      if (!FIELDS[i].label().equals(LabelledLines.labelOf(line))) {
        throw ParseException.malformed(
            FORMAT, line.number(), line.text(), "expected '" + FIELDS[i].label() + "' here");
      }
    }
    checkCount(lines.size(), lines.get(lines.size() - 1));
    Map<ServerStatField, Long> values = new EnumMap<>(ServerStatField.class);
    for (int i = 0; i < lines.size(); i++) {
      values.put(FIELDS[i], block.required(FIELDS[i].label(), ChronyUnits::counter));
    }
    return new ChronyServerStats(values);
  }

  private static ChronyServerStats parseCsv(List<Line> lines) throws ParseException {
    Line line = ChronyInput.onlyCsvLine(FORMAT, lines);
    String[] f = line.text().split(",", -1);
    if (f.length > FIELDS.length) {
      throw ParseException.malformed(
          FORMAT,
          line.number(),
          line.text(),
          "expected at most " + FIELDS.length + " fields, found " + f.length);
    }
    checkCount(f.length, line);
    Map<ServerStatField, Long> values = new EnumMap<>(ServerStatField.class);
    try {
      for (int i = 0; i < f.length; i++) {
        values.put(FIELDS[i], ChronyUnits.counter(f[i]));
      }
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
    return new ChronyServerStats(values);
  }

  private static void checkCount(int count, Line last) throws ParseException {
    if (count < MIN_FIELDS) {
      throw ParseException.malformed(
          FORMAT,
          last.number(),
          last.text(),
          "only " + count + " of at least " + MIN_FIELDS + " serverstats values");
    }
  }
}
