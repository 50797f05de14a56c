package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.LabelledLines;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code chronyc ntpdata} (one block per NTP source, each starting with {@code Remote
 * address}) and {@code chronyc -c ntpdata} (one line per source).
 */
public final class NtpDataParser extends AbstractTextParser<List<ChronyNtpData>> {

  public static final String FORMAT = "chronyc-ntpdata";

  private static final String REMOTE_ADDRESS = "Remote address";
  private static final String REMOTE_PORT = "Remote port";
  private static final String LOCAL_ADDRESS = "Local address";
  private static final String LEAP_STATUS = "Leap status";
  private static final String VERSION = "Version";
  private static final String MODE = "Mode";
  private static final String STRATUM = "Stratum";
  private static final String POLL = "Poll interval";
  private static final String PRECISION = "Precision";
  private static final String ROOT_DELAY = "Root delay";
  private static final String ROOT_DISPERSION = "Root dispersion";
  private static final String REFERENCE_ID = "Reference ID";
  private static final String REFERENCE_TIME = "Reference time";
  private static final String OFFSET = "Offset";
  private static final String PEER_DELAY = "Peer delay";
  private static final String PEER_DISPERSION = "Peer dispersion";
  private static final String RESPONSE_TIME = "Response time";
  private static final String JITTER_ASYMMETRY = "Jitter asymmetry";
  private static final String NTP_TESTS = "NTP tests";
  private static final String INTERLEAVED = "Interleaved";
  private static final String AUTHENTICATED = "Authenticated";
  private static final String TX_TIMESTAMPING = "TX timestamping";
  private static final String RX_TIMESTAMPING = "RX timestamping";
  private static final String TOTAL_TX = "Total TX";
  private static final String TOTAL_RX = "Total RX";
  private static final String TOTAL_VALID_RX = "Total valid RX";
  private static final String TOTAL_GOOD_RX = "Total good RX";
  private static final String TOTAL_KERNEL_TX = "Total kernel TX";
  private static final String TOTAL_KERNEL_RX = "Total kernel RX";
  private static final String TOTAL_HW_TX = "Total HW TX";
  private static final String TOTAL_HW_RX = "Total HW RX";

  private static final Set<String> LABELS =
      Set.of(
          REMOTE_ADDRESS,
          REMOTE_PORT,
          LOCAL_ADDRESS,
          LEAP_STATUS,
          VERSION,
          MODE,
          STRATUM,
          POLL,
          PRECISION,
          ROOT_DELAY,
          ROOT_DISPERSION,
          REFERENCE_ID,
          REFERENCE_TIME,
          OFFSET,
          PEER_DELAY,
          PEER_DISPERSION,
          RESPONSE_TIME,
          JITTER_ASYMMETRY,
          NTP_TESTS,
          INTERLEAVED,
          AUTHENTICATED,
          TX_TIMESTAMPING,
          RX_TIMESTAMPING,
          TOTAL_TX,
          TOTAL_RX,
          TOTAL_VALID_RX,
          TOTAL_GOOD_RX,
          TOTAL_KERNEL_TX,
          TOTAL_KERNEL_RX,
          TOTAL_HW_TX,
          TOTAL_HW_RX);

  private static final String HEX_ID = "[0-9A-Fa-f]{8}";
  private static final Pattern HEX = Pattern.compile(HEX_ID);
  private static final Pattern ADDRESS = Pattern.compile("(\\S+) \\((" + HEX_ID + ")\\)");
  private static final Pattern REF_ID = Pattern.compile("(" + HEX_ID + ") \\((.*)\\)");
  // "10 (1024 seconds)", "-24 (0.000000060 seconds)": the log2 value is kept, the rest checked.
  private static final Pattern LOG2 = Pattern.compile("(-?\\d+) \\(\\d+(?:\\.\\d+)? seconds\\)");
  private static final Pattern TESTS = Pattern.compile("[01]{3} [01]{3} [01]{4}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z ]*");
  private static final Pattern FIRST_LINE = Pattern.compile("(?m)^\\s*Remote address\\s*:");

  // 4.4+ adds four kernel/hardware totals to the 34 fields of earlier versions.
  private static final int CSV_FIELDS = 34;
  private static final int CSV_FIELDS_WITH_TIMESTAMP_TOTALS = 38;

  public NtpDataParser() {
    super(FORMAT, NtpDataParser::looksLike);
  }

  /** True when {@code text} looks like ntpdata output, human or CSV. */
  private static boolean looksLike(String text) {
    return ChronyInput.recognises(
        text,
        FIRST_LINE.asPredicate(),
        f ->
            (f.length == CSV_FIELDS || f.length == CSV_FIELDS_WITH_TIMESTAMP_TOTALS)
                && HEX.matcher(f[1]).matches()
                && HEX.matcher(f[4]).matches());
  }

  /** One entry per source, in printed order; none when chronyd has no NTP sources. */
  @Override
  public List<ChronyNtpData> parse(String text) throws ParseException {
    List<Line> lines = TextInput.nonBlank(ChronyInput.linesAllowingEmpty(FORMAT, text));
    if (lines.isEmpty()) {
      return List.of();
    }
    Line first = lines.get(0);
    boolean csv = !LabelledLines.hasLabel(first, LABELS) && first.text().contains(",");
    List<ChronyNtpData> result = new ArrayList<>();
    if (csv) {
      for (Line line : lines) {
        result.add(csvLine(line));
      }
      return List.copyOf(result);
    }
    LabelledLines block = null;
    for (Line line : lines) {
      // Each source's block starts with its remote address; blank lines are only decoration.
      if (REMOTE_ADDRESS.equals(LabelledLines.labelOf(line))) {
        if (block != null) {
          result.add(human(block));
        }
        block = new LabelledLines(FORMAT, LABELS);
      } else if (block == null) {
        throw ParseException.malformed(
            FORMAT, line.number(), line.text(), "expected a 'Remote address' line first");
      }
      block.add(line);
    }
    // The lines are not empty and the first one starts a block (or was rejected above).
    result.add(human(Objects.requireNonNull(block)));
    return List.copyOf(result);
  }

  private static ChronyNtpData human(LabelledLines b) throws ParseException {
    Matcher remote = b.required(REMOTE_ADDRESS, v -> address(v));
    Matcher local = b.required(LOCAL_ADDRESS, v -> address(v));
    Matcher ref =
        b.required(REFERENCE_ID, v -> LabelledLines.matching(REF_ID, v, "'XXXXXXXX (name)'"));
    return new ChronyNtpData(
        remote.group(1),
        remote.group(2),
        b.required(REMOTE_PORT, ChronyUnits::count),
        local.group(1),
        local.group(2),
        b.required(LEAP_STATUS, ChronyLeap::parse),
        b.required(VERSION, ChronyUnits::count),
        b.required(MODE, NtpDataParser::word),
        b.required(STRATUM, ChronyUnits::count),
        b.required(POLL, NtpDataParser::log2),
        b.required(PRECISION, NtpDataParser::log2),
        b.required(ROOT_DELAY, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        b.required(ROOT_DISPERSION, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        ref.group(1),
        ref.group(2),
        b.required(REFERENCE_TIME, ChronyDates::utcSeconds),
        b.required(OFFSET, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        b.required(PEER_DELAY, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        b.required(PEER_DISPERSION, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        b.required(RESPONSE_TIME, v -> ChronyUnits.decimalWithUnit(v, "seconds")),
        b.required(JITTER_ASYMMETRY, ChronyUnits::decimal),
        b.required(NTP_TESTS, v -> LabelledLines.matching(TESTS, v, "'111 111 1111'").group()),
        b.required(INTERLEAVED, NtpDataParser::yesNo),
        b.required(AUTHENTICATED, NtpDataParser::yesNo),
        b.required(TX_TIMESTAMPING, NtpDataParser::word),
        b.required(RX_TIMESTAMPING, NtpDataParser::word),
        b.required(TOTAL_TX, ChronyUnits::counter),
        b.required(TOTAL_RX, ChronyUnits::counter),
        b.required(TOTAL_VALID_RX, ChronyUnits::counter),
        b.required(TOTAL_GOOD_RX, ChronyUnits::counter),
        b.optional(TOTAL_KERNEL_TX, ChronyUnits::counter),
        b.optional(TOTAL_KERNEL_RX, ChronyUnits::counter),
        b.optional(TOTAL_HW_TX, ChronyUnits::counter),
        b.optional(TOTAL_HW_RX, ChronyUnits::counter));
  }

  private static ChronyNtpData csvLine(Line line) throws ParseException {
    String[] f = ChronyInput.csvFields(FORMAT, line, CSV_FIELDS, CSV_FIELDS_WITH_TIMESTAMP_TOTALS);
    boolean totals = f.length == CSV_FIELDS_WITH_TIMESTAMP_TOTALS;
    try {
      // Fields 10 and 12 repeat poll and precision in seconds; 23-25 are the three test groups.
      return new ChronyNtpData(
          nonEmpty(f[0]),
          LabelledLines.matching(HEX, f[1], "a hex address").group(),
          ChronyUnits.count(f[2]),
          nonEmpty(f[3]),
          LabelledLines.matching(HEX, f[4], "a hex address").group(),
          ChronyLeap.parse(f[5]),
          ChronyUnits.count(f[6]),
          word(f[7]),
          ChronyUnits.count(f[8]),
          ChronyUnits.integer(f[9]),
          ChronyUnits.integer(f[11]),
          ChronyUnits.decimal(f[13]),
          ChronyUnits.decimal(f[14]),
          LabelledLines.matching(HEX, f[15], "a hex reference ID").group(),
          f[16],
          ChronyUnits.decimal(f[17]),
          ChronyUnits.decimal(f[18]),
          ChronyUnits.decimal(f[19]),
          ChronyUnits.decimal(f[20]),
          ChronyUnits.decimal(f[21]),
          ChronyUnits.decimal(f[22]),
          LabelledLines.matching(TESTS, f[23] + " " + f[24] + " " + f[25], "test bits").group(),
          yesNo(f[26]),
          yesNo(f[27]),
          word(f[28]),
          word(f[29]),
          ChronyUnits.counter(f[30]),
          ChronyUnits.counter(f[31]),
          ChronyUnits.counter(f[32]),
          ChronyUnits.counter(f[33]),
          totals ? ChronyUnits.counter(f[34]) : null,
          totals ? ChronyUnits.counter(f[35]) : null,
          totals ? ChronyUnits.counter(f[36]) : null,
          totals ? ChronyUnits.counter(f[37]) : null);
    } catch (IllegalArgumentException e) {
      throw ParseException.malformed(FORMAT, line.number(), line.text(), e.getMessage());
    }
  }

  private static Matcher address(String value) {
    return LabelledLines.matching(ADDRESS, value, "'address (XXXXXXXX)'");
  }

  private static int log2(String value) {
    return ChronyUnits.integer(LabelledLines.matching(LOG2, value, "'N (X seconds)'").group(1));
  }

  private static boolean yesNo(String value) {
    return switch (value) {
      case "Yes" -> true;
      case "No" -> false;
      default -> throw new IllegalArgumentException("expected Yes or No, not '" + value + "'");
    };
  }

  private static String word(String value) {
    return LabelledLines.matching(WORD, value, "a word such as 'Server' or 'Kernel'").group();
  }

  private static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty address");
    }
    return value;
  }
}
