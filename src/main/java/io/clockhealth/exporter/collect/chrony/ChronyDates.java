package io.clockhealth.exporter.collect.chrony;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the UTC dates chronyc prints ({@code Ref time (UTC)}, {@code Reference time}). chrony 4.x
 * pads the day with a zero ({@code Thu Jan 01 00:00:00 1970}); older versions used asctime(), which
 * pads it with a space ({@code Fri Feb 3 15:00:29 2012}). Month names are always English (chronyc
 * runs with the C locale), so no locale-dependent formatter is involved.
 */
final class ChronyDates {

  private static final List<String> MONTHS =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private static final Pattern DATE =
      Pattern.compile(
          "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\\d{1,2}) "
              + "(\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");

  private ChronyDates() {}

  /** Unix seconds of a date printed in UTC; the never-set epoch gives 0. */
  static long utcSeconds(String text) {
    Matcher m = DATE.matcher(text);
    int month = m.matches() ? MONTHS.indexOf(m.group(1)) + 1 : 0;
    if (month == 0) {
      throw new IllegalArgumentException(
          "not a date like 'Fri Jan 27 09:49:17 2017': '" + text + "'");
    }
    try {
      return LocalDateTime.of(
              Integer.parseInt(m.group(6)),
              month,
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)))
          .toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a valid date: '" + text + "'", e);
    }
  }
}
