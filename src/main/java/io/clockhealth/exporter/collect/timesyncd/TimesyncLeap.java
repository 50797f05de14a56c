package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.model.LeapStatus;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** timesyncd's leap indicator, as the NTP field and as timesync-status words it. */
final class TimesyncLeap {

  private TimesyncLeap() {}

  /** The NTP leap indicator: 0 none, 1 insert, 2 delete, 3 unsynchronised; else unknown. */
  static @Nullable LeapStatus fromIndicator(int indicator) {
    return switch (indicator) {
      case 0 -> LeapStatus.NORMAL;
      case 1 -> LeapStatus.INSERT_SECOND;
      case 2 -> LeapStatus.DELETE_SECOND;
      case 3 -> LeapStatus.UNSYNCHRONISED;
      default -> null;
    };
  }

  /**
   * The {@code Leap:} words of timesync-status. systemd prints {@code normal}, {@code last minute
   * of the day has 61 seconds}, {@code … 59 seconds} and {@code not synchronized}; the match is
   * loose (insert/delete, British spelling) so a rewording does not fail a scrape. Text that
   * matches none gives {@code null}: unknown, rather than a guess.
   */
  static @Nullable LeapStatus fromWords(String words) {
    String w = words.strip().toLowerCase(Locale.ROOT);
    if (w.contains("not sync") || w.contains("unsync") || w.contains("alarm")) {
      return LeapStatus.UNSYNCHRONISED;
    }
    if (w.contains("61 seconds") || w.contains("insert")) {
      return LeapStatus.INSERT_SECOND;
    }
    if (w.contains("59 seconds") || w.contains("delete")) {
      return LeapStatus.DELETE_SECOND;
    }
    if (w.equals("normal") || w.equals("none")) {
      return LeapStatus.NORMAL;
    }
    return null;
  }
}
