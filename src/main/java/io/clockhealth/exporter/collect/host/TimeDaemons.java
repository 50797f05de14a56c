package io.clockhealth.exporter.collect.host;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The processes that discipline the clock, by the name {@code /proc/PID/comm} shows (cut to 15
 * bytes) and the {@code process} label they get. ntpd is ntp's, ntpsec's and, on some
 * distributions, OpenNTPD's binary; ntpd-rs runs as {@code ntp-daemon}.
 */
final class TimeDaemons {

  private static final Map<String, String> BY_COMM =
      Map.ofEntries(
          Map.entry("chronyd", "chronyd"),
          Map.entry("ntpd", "ntpd"),
          Map.entry("openntpd", "openntpd"),
          Map.entry("systemd-timesyn", "systemd-timesyncd"),
          Map.entry("ntp-daemon", "ntpd-rs"),
          Map.entry("ptp4l", "ptp4l"),
          Map.entry("phc2sys", "phc2sys"),
          Map.entry("ts2phc", "ts2phc"),
          Map.entry("timemaster", "timemaster"),
          Map.entry("htpdate", "htpdate"),
          Map.entry("ntpdate", "ntpdate"));

  private TimeDaemons() {}

  /** The {@code process} labels of the known daemons among {@code comms}, sorted. */
  static List<String> among(Collection<String> comms) {
    return comms.stream().map(BY_COMM::get).filter(Objects::nonNull).distinct().sorted().toList();
  }
}
