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
 * Parses the human {@code timedatectl} / {@code timedatectl status} summary of every systemd
 * generation: 219 ({@code NTP enabled:}, {@code NTP synchronized:}, DST lines with continuation
 * lines), 229 ({@code Network time on:}), 237 ({@code systemd-timesyncd.service active:}) and 239
 * on ({@code System clock synchronized:}, {@code NTP service:}). A trailing RTC warning block is
 * skipped.
 */
public final class StatusParser extends AbstractTextParser<TimedateStatus> {

  public static final String FORMAT = "timedatectl-status";

  private static final String LOCAL_TIME = "Local time";
  private static final String UNIVERSAL_TIME = "Universal time";
  private static final String RTC_TIME = "RTC time";
  private static final String TIME_ZONE = "Time zone";
  private static final String TIMEZONE_OLD = "Timezone";
  private static final String SYSTEM_CLOCK_SYNCHRONIZED = "System clock synchronized";
  private static final String NTP_SYNCHRONIZED = "NTP synchronized";
  private static final String NTP_SERVICE = "NTP service";
  private static final String TIMESYNCD_ACTIVE = "systemd-timesyncd.service active";
  private static final String NTP_ENABLED = "NTP enabled";
  private static final String NETWORK_TIME_ON = "Network time on";
  private static final String RTC_IN_LOCAL_TZ = "RTC in local TZ";
  private static final String DST_ACTIVE = "DST active";
  private static final String LAST_DST_CHANGE = "Last DST change";
  private static final String NEXT_DST_CHANGE = "Next DST change";

  private static final Set<String> LABELS =
      Set.of(
          LOCAL_TIME,
          UNIVERSAL_TIME,
          RTC_TIME,
          TIME_ZONE,
          TIMEZONE_OLD,
          SYSTEM_CLOCK_SYNCHRONIZED,
          NTP_SYNCHRONIZED,
          NTP_SERVICE,
          TIMESYNCD_ACTIVE,
          NTP_ENABLED,
          NETWORK_TIME_ON,
          RTC_IN_LOCAL_TZ,
          DST_ACTIVE,
          LAST_DST_CHANGE,
          NEXT_DST_CHANGE);

  /** Lines whose value continues on the following, deeper indented lines. */
  private static final Set<String> MULTI_LINE = Set.of(LAST_DST_CHANGE, NEXT_DST_CHANGE);

  private static final String WARNING = "Warning:";

  // "America/Los_Angeles (PDT, -0700)"; the zone may be n/a, and so may the parenthesis.
  private static final Pattern ZONE_VALUE = Pattern.compile("(\\S+) \\((.*)\\)");
  private static final Pattern ZONE_DETAIL = Pattern.compile("(\\S+), ([+-]\\d{4})");
  // The RTC line has no zone (it is UTC); the weekday is localised.
  private static final Pattern RTC_VALUE =
      Pattern.compile("[^\\s\\d]+ \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

  private static final Pattern LOCAL_TIME_LINE = Pattern.compile("(?m)^\\s*Local time: ");
  private static final Pattern RTC_LOCAL_LINE = Pattern.compile("(?m)^\\s*RTC in local TZ: ");

  private record Zone(
      @Nullable String name, @Nullable String abbreviation, @Nullable String utcOffset) {}

  public StatusParser() {
    super(FORMAT, StatusParser::looksLike);
  }

  /** True when {@code text} looks like the status summary (for {@code --format auto}). */
  private static boolean looksLike(String text) {
    return LOCAL_TIME_LINE.matcher(text).find() && RTC_LOCAL_LINE.matcher(text).find();
  }

  @Override
  public TimedateStatus parse(String text) throws ParseException {
    LabelledLines block = labelledLines(TimedatectlInput.lines(FORMAT, text));
    block.required(LOCAL_TIME, SystemdTimestamp::parse);
    block.optional(RTC_TIME, StatusParser::checkRtcTime);
    String zoneLabel = block.firstPresent(TIME_ZONE, TIMEZONE_OLD);
    Zone zone = zoneLabel == null ? null : block.optional(zoneLabel, StatusParser::zone);
    if (zone == null) {
      throw ParseException.malformed(FORMAT, 0, null, "missing 'Time zone' line");
    }
    String syncLabel = block.firstPresent(SYSTEM_CLOCK_SYNCHRONIZED, NTP_SYNCHRONIZED);
    if (syncLabel == null) {
      throw ParseException.malformed(
          FORMAT, 0, null, "missing 'System clock synchronized' (or 'NTP synchronized') line");
    }
    String serviceLabel =
        block.firstPresent(NTP_SERVICE, TIMESYNCD_ACTIVE, NTP_ENABLED, NETWORK_TIME_ON);
    SystemdTimestamp universal = block.required(UNIVERSAL_TIME, SystemdTimestamp::parse);
    return new TimedateStatus(
        zone.name(),
        zone.abbreviation(),
        zone.utcOffset(),
        universal == null ? null : universal.epochSeconds(),
        block.required(syncLabel, SystemdValues::yesNo),
        serviceLabel == null ? null : block.optional(serviceLabel, StatusParser::service),
        block.required(RTC_IN_LOCAL_TZ, SystemdValues::yesNo),
        block.optional(DST_ACTIVE, SystemdValues::yesNo));
  }

  /**
   * The labelled lines, without the continuation lines of the DST entries (indented past the colon
   * column) and without the warning block that follows a blank line.
   */
  private static LabelledLines labelledLines(List<Line> lines) throws ParseException {
    LabelledLines block = new LabelledLines(FORMAT, LABELS);
    int colonColumn = -1;
    String lastLabel = null;
    boolean afterBlank = false;
    for (Line line : lines) {
      if (line.isBlank()) {
        afterBlank = colonColumn >= 0;
        continue;
      }
      if (afterBlank) {
        if (line.text().strip().startsWith(WARNING)) {
          break; // the RTC-in-local-time warning: prose to the end
        }
        throw ParseException.malformed(
            FORMAT, line.number(), line.text(), "unexpected text after the status lines");
      }
      if (lastLabel != null && MULTI_LINE.contains(lastLabel) && indentation(line) > colonColumn) {
        continue;
      }
      block.add(line);
      lastLabel = LabelledLines.labelOf(line);
      if (colonColumn < 0) {
        colonColumn = line.text().indexOf(':');
      }
    }
    return block;
  }

  private static int indentation(Line line) {
    String text = line.text();
    return text.length() - text.stripLeading().length();
  }

  private static Zone zone(String value) {
    Matcher m = ZONE_VALUE.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected 'Area/City (ABBR, +HHMM)', found '" + value + "'");
    }
    Matcher detail = ZONE_DETAIL.matcher(m.group(2));
    boolean known = detail.matches();
    if (!known && !SystemdValues.isUnset(m.group(2))) {
      throw new IllegalArgumentException("expected '(ABBR, +HHMM)', found '(" + m.group(2) + ")'");
    }
    return new Zone(
        SystemdValues.orNull(m.group(1)),
        known ? detail.group(1) : null,
        known ? detail.group(2) : null);
  }

  private static @Nullable String service(String value) {
    return value.isBlank() ? null : value.strip();
  }

  private static String checkRtcTime(String value) {
    if (!SystemdValues.isUnset(value) && !RTC_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "expected a time like 'Wed 2020-03-11 00:53:21', found '" + value + "'");
    }
    return value;
  }
}
