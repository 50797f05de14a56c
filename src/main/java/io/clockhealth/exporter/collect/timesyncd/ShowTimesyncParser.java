package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Set;

/** Parses {@code timedatectl show-timesync [--all]}: one {@code Name=value} line per property. */
public final class ShowTimesyncParser extends AbstractTextParser<TimesyncProperties> {

  public static final String FORMAT = "timedatectl-show-timesync";

  private static final String LINK_NTP_SERVERS = "LinkNTPServers";
  private static final String SYSTEM_NTP_SERVERS = "SystemNTPServers";
  private static final String RUNTIME_NTP_SERVERS = "RuntimeNTPServers";
  private static final String FALLBACK_NTP_SERVERS = "FallbackNTPServers";
  private static final String SERVER_NAME = "ServerName";
  private static final String SERVER_ADDRESS = "ServerAddress";
  private static final String ROOT_DISTANCE_MAX = "RootDistanceMaxUSec";
  private static final String POLL_INTERVAL_MIN = "PollIntervalMinUSec";
  private static final String POLL_INTERVAL_MAX = "PollIntervalMaxUSec";
  private static final String POLL_INTERVAL = "PollIntervalUSec";
  private static final String NTP_MESSAGE = "NTPMessage";
  private static final String FREQUENCY = "Frequency";

  private static final Set<String> KNOWN =
      Set.of(
          LINK_NTP_SERVERS,
          SYSTEM_NTP_SERVERS,
          RUNTIME_NTP_SERVERS,
          FALLBACK_NTP_SERVERS,
          SERVER_NAME,
          SERVER_ADDRESS,
          ROOT_DISTANCE_MAX,
          POLL_INTERVAL_MIN,
          POLL_INTERVAL_MAX,
          POLL_INTERVAL,
          NTP_MESSAGE,
          FREQUENCY);

  /** The adjtimex frequency unit: ppm with a 16-bit binary fraction. */
  private static final double ADJTIMEX_PPM_SCALE = 65536.0;

  public ShowTimesyncParser() {
    // Any of its own properties: the other show outputs have none of them.
    super(
        FORMAT,
        PropertyLines.namingAnyOf(
            SERVER_NAME,
            SERVER_ADDRESS,
            NTP_MESSAGE,
            POLL_INTERVAL,
            SYSTEM_NTP_SERVERS,
            FALLBACK_NTP_SERVERS,
            ROOT_DISTANCE_MAX));
  }

  @Override
  public TimesyncProperties parse(String text) throws ParseException {
    PropertyLines p = PropertyLines.read(FORMAT, text, KNOWN);
    return new TimesyncProperties(
        p.list(LINK_NTP_SERVERS),
        p.list(SYSTEM_NTP_SERVERS),
        p.list(RUNTIME_NTP_SERVERS),
        p.list(FALLBACK_NTP_SERVERS),
        p.optional(SERVER_NAME, SystemdValues::orNull),
        p.optional(SERVER_ADDRESS, SystemdValues::orNull),
        p.optional(ROOT_DISTANCE_MAX, SystemdTimeSpan::seconds),
        p.optional(POLL_INTERVAL_MIN, SystemdTimeSpan::seconds),
        p.optional(POLL_INTERVAL_MAX, SystemdTimeSpan::seconds),
        p.optional(POLL_INTERVAL, SystemdTimeSpan::seconds),
        p.optional(NTP_MESSAGE, NtpMessage::parse),
        p.optional(FREQUENCY, ShowTimesyncParser::frequencyPpm),
        p.others(KNOWN));
  }

  private static double frequencyPpm(String raw) {
    if (!raw.matches("[+-]?\\d{1,19}")) {
      throw new IllegalArgumentException(
          "expected an integer adjtimex frequency, found '" + raw + "'");
    }
    return Long.parseLong(raw) / ADJTIMEX_PPM_SCALE;
  }
}
