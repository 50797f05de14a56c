package io.clockhealth.exporter.collect.timesyncd;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A timestamp as systemd prints it: {@code Sat 2026-11-21 12:27:21 UTC} (local time of the printing
 * process and its zone abbreviation; optionally with microseconds), {@code @1795263841} (Unix
 * seconds) or a bare number of microseconds (the D-Bus value itself).
 *
 * @param printed the text as printed
 * @param localTime the wall-clock time as printed; for the numeric forms, the UTC time
 * @param zone the zone name as printed ({@code UTC}, {@code CEST}, {@code +03}); {@code UTC} for
 *     the numeric forms
 * @param instant the moment, when the printed zone alone fixes it; {@code null} for an ambiguous or
 *     unknown abbreviation (see {@link #resolve(String)})
 */
public record SystemdTimestamp(
    String printed, LocalDateTime localTime, String zone, @Nullable Instant instant) {

  // The weekday is any word: `timedatectl status` localises it (German "Mo", "Di").
  private static final Pattern FORMATTED =
      Pattern.compile(
          "[^\\s\\d]+ (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) (\\S+)");
  private static final Pattern UNIX_SECONDS = Pattern.compile("@(\\d{1,12})(?:\\.(\\d{1,9}))?");
  private static final Pattern MICROSECONDS = Pattern.compile("\\d{1,18}");
  private static final DateTimeFormatter LOCAL_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SHORT_ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  /**
   * Reads a printed timestamp.
   *
   * @return {@code null} for systemd's "not set" renderings: empty, {@code n/a}, and the {@code
   *     (null)} that old versions printed for a zero timestamp
   * @throws IllegalArgumentException when {@code text} is none of the forms
   */
  public static @Nullable SystemdTimestamp parse(@Nullable String text) {
    String value = text == null ? "" : text.strip();
    if (SystemdValues.isUnset(value)) {
      return null;
    }
    Matcher m = FORMATTED.matcher(value);
    if (m.matches()) {
      LocalDateTime local = localTime(m.group(1), value);
      String zone = m.group(2);
      Instant instant =
          ZoneAbbreviations.offset(zone).map(offset -> local.toInstant(offset)).orElse(null);
      return new SystemdTimestamp(value, local, zone, instant);
    }
    m = UNIX_SECONDS.matcher(value);
    if (m.matches()) {
      long nanos =
          m.group(2) == null ? 0 : Long.parseLong((m.group(2) + "00000000").substring(0, 9));
      return numeric(value, Instant.ofEpochSecond(Long.parseLong(m.group(1)), nanos));
    }
    if (MICROSECONDS.matcher(value).matches()) {
      long micros = Long.parseLong(value);
      return numeric(
          value, Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
    }
    throw new IllegalArgumentException(
        "expected a timestamp like 'Sat 2026-11-21 12:27:21 UTC', found '" + value + "'");
  }

  /**
   * The moment, using the host's IANA zone ({@code Timezone=} of {@code timedatectl show}) where
   * the printed abbreviation alone does not fix the offset. In a DST overlap the abbreviation picks
   * the offset; {@code null} when it still cannot be decided.
   */
  public @Nullable Instant resolve(@Nullable String hostZone) {
    if (instant != null || hostZone == null || hostZone.isBlank()) {
      return instant;
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(hostZone);
    } catch (DateTimeException e) {
      return null;
    }
    List<ZoneOffset> offsets = zoneId.getRules().getValidOffsets(localTime);
    if (offsets.size() == 1) {
      return localTime.toInstant(offsets.get(0));
    }
    for (ZoneOffset offset : offsets) {
      ZonedDateTime candidate = ZonedDateTime.ofLocal(localTime, zoneId, offset);
      if (SHORT_ZONE_NAME.format(candidate).equals(zone)) {
        return candidate.toInstant();
      }
    }
    return null; // a DST gap, or an overlap the abbreviation does not settle
  }

  /** Unix seconds of {@link #instant()}, or {@code null} when it is not known. */
  public @Nullable Double epochSeconds() {
    return epochSeconds(instant);
  }

  /** Unix seconds with sub-second precision; {@code null} for {@code null}. */
  public static @Nullable Double epochSeconds(@Nullable Instant instant) {
    return instant == null ? null : instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static SystemdTimestamp numeric(String printed, Instant instant) {
    return new SystemdTimestamp(
        printed, LocalDateTime.ofInstant(instant, ZoneOffset.UTC), "UTC", instant);
  }

  private static LocalDateTime localTime(String printed, String value) {
    try {
      return LocalDateTime.parse(printed, LOCAL_TIME);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date: '" + value + "'", e);
    }
  }
}
