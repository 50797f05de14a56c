package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.LabelledLines;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc tracking}: the human layout of chrony 1.x–4.x and the CSV layout of {@code
 * chronyc -c tracking}, into the exporter's sign convention (local clock minus true time).
 */
public final class TrackingParser extends AbstractTextParser<ChronyTracking> {

  public static final String FORMAT = "chronyc-tracking";

  private static final String REFERENCE_ID = "Reference ID";
  private static final String STRATUM = "Stratum";
  private static final String REF_TIME = "Ref time (UTC)";
  private static final String SYSTEM_TIME = "System time";
  private static final String LAST_OFFSET = "Last offset";
  private static final String RMS_OFFSET = "RMS offset";
  private static final String FREQUENCY = "Frequency";
  private static final String RESIDUAL_FREQ = "Residual freq";
  private static final String SKEW = "Skew";
  private static final String ROOT_DELAY = "Root delay";
  private static final String ROOT_DISPERSION = "Root dispersion";
  private static final String UPDATE_INTERVAL = "Update interval";
  private static final String LEAP_STATUS = "Leap status";

  private static final Set<String> LABELS =
      Set.of(
          REFERENCE_ID,
          STRATUM,
          REF_TIME,
          SYSTEM_TIME,
          LAST_OFFSET,
          RMS_OFFSET,
          FREQUENCY,
          RESIDUAL_FREQ,
          SKEW,
          ROOT_DELAY,
          ROOT_DISPERSION,
          UPDATE_INTERVAL,
          LEAP_STATUS);

  private static final int CSV_FIELDS = 14;

  // 8 hex digits since chrony 3.0, a dotted quad before; the name may be empty: "00000000 ()".
  private static final Pattern REF_ID =
      Pattern.compile("([0-9A-Fa-f]{8}|\\d{1,3}(?:\\.\\d{1,3}){3})(?: \\((.*)\\))?");
  private static final Pattern HEX_REF_ID = Pattern.compile("[0-9A-Fa-f]{8}");
  // chrony words the sign of these two: "slow" means the local clock is behind.
  private static final Pattern SYSTEM_TIME_VALUE =
      Pattern.compile("(\\d+\\.\\d+) seconds (slow|fast) of NTP time");
  private static final Pattern FREQUENCY_VALUE = Pattern.compile("(\\d+\\.\\d+) ppm (slow|fast)");
  private static final Pattern REFERENCE_ID_LINE = Pattern.compile("(?m)^\\s*Reference ID\\s*:");
  // ntpdata has a Reference ID line too; only tracking has System time.
  private static final Pattern SYSTEM_TIME_LINE = Pattern.compile("(?m)^\\s*System time\\s*:");

  public TrackingParser() {
    super(FORMAT, TrackingParser::looksLike);
  }

  /**
   * True when {@code text} looks like tracking output, human or CSV (for {@code --format auto}).
   */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(
        text,
        t -> REFERENCE_ID_LINE.matcher(t).find() && SYSTEM_TIME_LINE.matcher(t).find(),
        fields -> fields.length == CSV_FIELDS && HEX_REF_ID.matcher(fields[0]).matches());
  }

  @Override
  public ChronyTracking parse(String text) throws ParseException {
    return ChronyInput.byLayout(FORMAT, text, LABELS, this::parseHuman, this::parseCsv);
  }

  private ChronyTracking parseHuman(List<Line> lines) throws ParseException {
    LabelledLines block = new LabelledLines(FORMAT, LABELS);
    for (Line line : lines) {
      block.add(line);
    }
    Matcher ref =
        block.required(
            REFERENCE_ID,
            v -> LabelledLines.matching(REF_ID, v, "a hex or dotted-quad ID and '(name)'"));
    return new ChronyTracking(
        ref.group(1),
        ref.group(2) == null ? "" : ref.group(2),
        block.required(STRATUM, ChronyUnits::count),
        block.required(REF_TIME, ChronyDates::utcSeconds),
        block.required(
            SYSTEM_TIME, v -> worded(SYSTEM_TIME_VALUE, v, "'X seconds slow|fast of NTP time'")),
        block.required(LAST_OFFSET, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        block.required(RMS_OFFSET, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        block.required(FREQUENCY, v -> worded(FREQUENCY_VALUE, v, "'X ppm slow|fast'")),
        block.required(RESIDUAL_FREQ, v -> ChronyUnits.decimalWithUnit(v, "ppm")),
        block.required(SKEW, v -> ChronyUnits.decimalWithUnit(v, "ppm")),
        block.required(ROOT_DELAY, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        block.required(ROOT_DISPERSION, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        block.required(UPDATE_INTERVAL, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        // Some posted outputs (and early 1.x versions) have no leap line: unknown, not "normal".
        block.optional(LEAP_STATUS, ChronyLeap::parse));
  }

  private ChronyTracking parseCsv(List<Line> lines) throws ParseException {
    Line line = ChronyInput.onlyCsvLine(FORMAT, lines);
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS);
    try {
      LabelledLines.matching(HEX_REF_ID, f[0], "an 8-digit hex reference ID first");
      LeapStatus leap = ChronyLeap.parse(f[13]);
      return new ChronyTracking(
          f[0],
          f[1],
          ChronyUnits.count(f[2]),
          ChronyUnits.decimal(f[3]),
          // The CSV field is chrony's correction (positive = clock slow): the opposite sign,
          // negated without turning a zero into -0.
          0.0 - ChronyUnits.decimal(f[4]),
          ChronyUnits.decimal(f[5]),
          ChronyUnits.decimal(f[6]),
          ChronyUnits.decimal(f[7]),
          ChronyUnits.decimal(f[8]),
          ChronyUnits.decimal(f[9]),
          ChronyUnits.decimal(f[10]),
          ChronyUnits.decimal(f[11]),
          ChronyUnits.decimal(f[12]),
          leap);
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  /** A magnitude and a slow/fast word: slow ⇒ negative ({@code 0.0 - x} keeps a zero unsigned). */
  private static double worded(Pattern pattern, String value, String expected) {
    Matcher m = LabelledLines.matching(pattern, value, expected);
    double magnitude = ChronyUnits.decimal(m.group(1));
    return "slow".equals(m.group(2)) ? 0.0 - magnitude : magnitude;
  }
}
