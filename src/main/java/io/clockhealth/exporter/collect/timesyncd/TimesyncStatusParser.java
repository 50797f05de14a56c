package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.LabelledLines;
import io.clockhealth.exporter.parse.Line;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code timedatectl timesync-status}: right-aligned {@code Label: value} lines, padded with
 * trailing spaces in the table layout of newer systemd, and cut short after {@code Packet count: 0}
 * while no reply has arrived.
 */
public final class TimesyncStatusParser extends AbstractTextParser<TimesyncStatus> {

  public static final String FORMAT = "timedatectl-timesync-status";

  private static final String SERVER = "Server";
  private static final String POLL_INTERVAL = "Poll interval";
  private static final String LEAP = "Leap";
  private static final String VERSION = "Version";
  private static final String STRATUM = "Stratum";
  private static final String REFERENCE = "Reference";
  private static final String PRECISION = "Precision";
  private static final String ROOT_DISTANCE = "Root distance";
  private static final String OFFSET = "Offset";
  private static final String DELAY = "Delay";
  private static final String JITTER = "Jitter";
  private static final String PACKET_COUNT = "Packet count";
  private static final String FREQUENCY = "Frequency";

  /** The lines printed only once a reply has arrived; Frequency is omitted for a spike. */
  private static final List<String> REPLY_LABELS =
      List.of(LEAP, VERSION, STRATUM, REFERENCE, PRECISION, ROOT_DISTANCE, OFFSET, DELAY, JITTER);

  private static final Set<String> LABELS =
      Set.of(
          SERVER,
          POLL_INTERVAL,
          LEAP,
          VERSION,
          STRATUM,
          REFERENCE,
          PRECISION,
          ROOT_DISTANCE,
          OFFSET,
          DELAY,
          JITTER,
          PACKET_COUNT,
          FREQUENCY);

  // "10.233.0.2 (10.233.0.2)": address, then the configured name; either may be n/a or (null).
  private static final Pattern SERVER_VALUE = Pattern.compile("(\\S+) \\((.*)\\)");
  // systemd prints "max" without the colon that "min" has.
  private static final Pattern POLL_VALUE = Pattern.compile("(.+?) \\(min: (.+?); max:? (.+)\\)");
  private static final Pattern PRECISION_VALUE = Pattern.compile("(.+?) \\(([+-]?\\d{1,4})\\)");
  private static final Pattern DISTANCE_VALUE = Pattern.compile("(.+?) \\(max: (.+)\\)");
  private static final Pattern FREQUENCY_VALUE = Pattern.compile("([+-]?\\d{1,12}(?:\\.\\d+)?)ppm");

  private static final Pattern SERVER_LINE = Pattern.compile("(?m)^\\s*Server: ");
  private static final Pattern POLL_LINE = Pattern.compile("(?m)^\\s*Poll interval: ");

  private record Server(@Nullable String address, @Nullable String name) {}

  private record Interval(double current, double min, double max) {}

  private record Precision(double seconds, int log2) {}

  private record Distance(double value, double max) {}

  public TimesyncStatusParser() {
    super(FORMAT, TimesyncStatusParser::looksLike);
  }

  /** True when {@code text} looks like timesync-status output (for {@code --format auto}). */
  private static boolean looksLike(String text) {
    return SERVER_LINE.matcher(text).find() && POLL_LINE.matcher(text).find();
  }

  @Override
  public TimesyncStatus parse(String text) throws ParseException {
    LabelledLines block = new LabelledLines(FORMAT, LABELS);
    for (Line line : TimedatectlInput.lines(FORMAT, text)) {
      if (!line.isBlank()) {
        block.add(line);
      }
    }
    Server server = block.required(SERVER, TimesyncStatusParser::server);
    Interval poll = block.required(POLL_INTERVAL, TimesyncStatusParser::interval);
    Long packets = block.optional(PACKET_COUNT, SystemdValues::count);
    checkCompleteness(block, packets);
    Precision precision = block.optional(PRECISION, TimesyncStatusParser::precision);
    Distance distance = block.optional(ROOT_DISTANCE, TimesyncStatusParser::distance);
    return new TimesyncStatus(
        server.address(),
        server.name(),
        poll.current(),
        poll.min(),
        poll.max(),
        packets,
        block.optional(LEAP, TimesyncLeap::fromWords),
        block.optional(VERSION, SystemdValues::integer),
        block.optional(STRATUM, SystemdValues::integer),
        block.optional(REFERENCE, SystemdValues::orNull),
        precision == null ? null : precision.seconds(),
        precision == null ? null : precision.log2(),
        distance == null ? null : distance.value(),
        distance == null ? null : distance.max(),
        block.optional(OFFSET, SystemdTimeSpan::seconds),
        block.optional(DELAY, SystemdTimeSpan::seconds),
        block.optional(JITTER, SystemdTimeSpan::seconds),
        block.optional(FREQUENCY, TimesyncStatusParser::frequency));
  }

  /**
   * The reply lines come all together with a non-zero packet count, or not at all (no reply yet:
   * {@code Packet count: 0}; an invalid reply: nothing after the poll interval).
   */
  private static void checkCompleteness(LabelledLines block, @Nullable Long packets)
      throws ParseException {
    boolean anyReplyLine = REPLY_LABELS.stream().anyMatch(block::has) || block.has(FREQUENCY);
    if (!anyReplyLine) {
      return;
    }
    if (packets == null || packets == 0) {
      throw ParseException.malformed(
          FORMAT, 0, null, "reply lines without a non-zero 'Packet count' line");
    }
    for (String label : REPLY_LABELS) {
      block.required(label, v -> v);
    }
  }

  private static Server server(String value) {
    Matcher m = matching(SERVER_VALUE, value, "'address (name)'");
    return new Server(SystemdValues.orNull(m.group(1)), SystemdValues.orNull(m.group(2)));
  }

  private static Interval interval(String value) {
    Matcher m = matching(POLL_VALUE, value, "'span (min: span; max span)'");
    return new Interval(
        SystemdTimeSpan.seconds(m.group(1)),
        SystemdTimeSpan.seconds(m.group(2)),
        SystemdTimeSpan.seconds(m.group(3)));
  }

  private static Precision precision(String value) {
    Matcher m = matching(PRECISION_VALUE, value, "'span (log2)'");
    return new Precision(SystemdTimeSpan.seconds(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static Distance distance(String value) {
    Matcher m = matching(DISTANCE_VALUE, value, "'span (max: span)'");
    return new Distance(SystemdTimeSpan.seconds(m.group(1)), SystemdTimeSpan.seconds(m.group(2)));
  }

  private static double frequency(String value) {
    return Double.parseDouble(matching(FREQUENCY_VALUE, value, "'+N.NNNppm'").group(1));
  }

  private static Matcher matching(Pattern pattern, String value, String expected) {
    Matcher m = pattern.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected " + expected + ", found '" + value + "'");
    }
    return m;
  }
}
