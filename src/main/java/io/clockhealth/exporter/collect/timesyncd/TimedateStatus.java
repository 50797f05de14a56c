package io.clockhealth.exporter.collect.timesyncd;

import org.jspecify.annotations.Nullable;

/**
 * {@code timedatectl} / {@code timedatectl status}, the human summary, in any of its label
 * generations. A {@code null} component was absent or printed as {@code n/a}.
 *
 * @param timezone the IANA zone ({@code America/Los_Angeles})
 * @param timezoneAbbreviation in parentheses after the zone ({@code PDT})
 * @param utcOffset in parentheses after the abbreviation, as printed ({@code -0700})
 * @param universalTimeSeconds the {@code Universal time} line as Unix seconds
 * @param systemClockSynchronized {@code System clock synchronized} (systemd 237 on) or {@code NTP
 *     synchronized} (older, e.g. 219): the kernel's view, whichever daemon set it
 * @param ntpService as printed: {@code active}/{@code inactive}/{@code n/a} ({@code NTP service},
 *     systemd ≥ 239), or {@code yes}/{@code no} from {@code systemd-timesyncd.service active},
 *     {@code NTP enabled} and {@code Network time on} of older versions
 * @param dstActive {@code DST active}, printed by old versions only (e.g. systemd 219)
 */
public record TimedateStatus(
    @Nullable String timezone,
    @Nullable String timezoneAbbreviation,
    @Nullable String utcOffset,
    @Nullable Double universalTimeSeconds,
    @Nullable Boolean systemClockSynchronized,
    @Nullable String ntpService,
    @Nullable Boolean rtcInLocalTz,
    @Nullable Boolean dstActive) {

  /** {@link #ntpService()} as a boolean across the generations; {@code null} for n/a. */
  public @Nullable Boolean ntpServiceActive() {
    if (ntpService == null) {
      return null;
    }
    return switch (ntpService) {
      case "active", "yes" -> Boolean.TRUE;
      case "inactive", "no" -> Boolean.FALSE;
      default -> null;
    };
  }
}
