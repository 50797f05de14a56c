package io.clockhealth.exporter.collect.timesyncd;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UTC offset a time-zone name in a systemd timestamp stands for, where that name alone decides
 * it: {@code UTC}, a numeric name such as {@code +03} or {@code -0330} (what glibc prints for zones
 * without an abbreviation), or one of the abbreviations that current tzdata uses for one offset
 * only.
 *
 * <p>Deliberately missing: {@code PST} (US Pacific and Asia/Manila), {@code CST}/{@code CDT} (US
 * Central, China, Cuba), {@code IST} (India, Ireland, Israel), {@code BST} (London, Bougainville),
 * {@code AST}/{@code ADT}. Those are resolved through the host's zone name instead, see {@link
 * SystemdTimestamp#resolve(String)}.
 */
final class ZoneAbbreviations {

  private static final Map<String, ZoneOffset> FIXED =
      Map.ofEntries(
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("UT", ZoneOffset.UTC),
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("WET", ZoneOffset.UTC),
          Map.entry("WEST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          Map.entry("MET", ZoneOffset.ofHours(1)),
          Map.entry("MEST", ZoneOffset.ofHours(2)),
          Map.entry("EET", ZoneOffset.ofHours(2)),
          Map.entry("EEST", ZoneOffset.ofHours(3)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("SAST", ZoneOffset.ofHours(2)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("AWST", ZoneOffset.ofHours(8)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("KST", ZoneOffset.ofHours(9)),
          Map.entry("ACST", ZoneOffset.ofHoursMinutes(9, 30)),
          Map.entry("ACDT", ZoneOffset.ofHoursMinutes(10, 30)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)),
          Map.entry("NZST", ZoneOffset.ofHours(12)),
          Map.entry("NZDT", ZoneOffset.ofHours(13)),
          Map.entry("HST", ZoneOffset.ofHours(-10)),
          Map.entry("AKST", ZoneOffset.ofHours(-9)),
          Map.entry("AKDT", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)));

  private static final Pattern NUMERIC = Pattern.compile("([+-])(\\d{2})(?::?(\\d{2}))?");

  private ZoneAbbreviations() {}

  /** The offset {@code name} fixes, or empty when it is unknown or ambiguous. */
  static Optional<ZoneOffset> offset(String name) {
    ZoneOffset fixed = FIXED.get(name);
    if (fixed != null) {
      return Optional.of(fixed);
    }
    Matcher m = NUMERIC.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int sign = m.group(1).equals("-") ? -1 : 1;
    try {
      return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
    } catch (DateTimeException e) {
      return Optional.empty(); // beyond the +-18:00 any real zone stays within
    }
  }
}
