package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.AbstractTextParser;
import io.clockhealth.exporter.parse.ParseException;
import java.util.Set;

/** Parses {@code timedatectl show [--all]}: one {@code Name=value} line per timedated property. */
public final class ShowParser extends AbstractTextParser<TimedateProperties> {

  public static final String FORMAT = "timedatectl-show";

  private static final String TIMEZONE = "Timezone";
  private static final String LOCAL_RTC = "LocalRTC";
  private static final String CAN_NTP = "CanNTP";
  private static final String NTP = "NTP";
  private static final String NTP_SYNCHRONIZED = "NTPSynchronized";
  private static final String TIME = "TimeUSec";
  private static final String RTC_TIME = "RTCTimeUSec";

  private static final Set<String> KNOWN =
      Set.of(TIMEZONE, LOCAL_RTC, CAN_NTP, NTP, NTP_SYNCHRONIZED, TIME, RTC_TIME);

  public ShowParser() {
    // Any of its own properties: the other show outputs have none of them.
    super(FORMAT, PropertyLines.namingAnyOf(TIMEZONE, LOCAL_RTC, CAN_NTP, NTP_SYNCHRONIZED, TIME));
  }

  @Override
  public TimedateProperties parse(String text) throws ParseException {
    PropertyLines p = PropertyLines.read(FORMAT, text, KNOWN);
    return new TimedateProperties(
        p.optional(TIMEZONE, SystemdValues::orNull),
        p.optional(LOCAL_RTC, SystemdValues::yesNo),
        p.optional(CAN_NTP, SystemdValues::yesNo),
        p.optional(NTP, SystemdValues::yesNo),
        p.optional(NTP_SYNCHRONIZED, SystemdValues::yesNo),
        p.optional(TIME, SystemdTimestamp::parse),
        p.optional(RTC_TIME, SystemdTimestamp::parse),
        p.others(KNOWN));
  }
}
