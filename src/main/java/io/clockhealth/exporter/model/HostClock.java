package io.clockhealth.exporter.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The host's own clock, whatever daemon (if any) disciplines it: what the host collector reads from
 * the kernel and the files, and what a daemon's tool says about the host beyond the daemon itself
 * (timedated's settings). A {@code null} component, or an empty list, was not measured and yields
 * no series.
 *
 * @param clocksourcesAvailable as the kernel lists them
 * @param timezone the zone name, e.g. {@code Europe/Berlin}
 * @param timezoneOffsetSeconds the current UTC offset, east positive, DST included
 * @param timeDaemonsRunning the clock-disciplining processes found running, by their name
 * @param timedatedNtpEnabled timedated's {@code NTP=}
 * @param steps the wall-clock steps seen since start-up, where a step detector runs (serving, not
 *     {@code --once})
 */
public record HostClock(
    @Nullable KernelClock kernel,
    List<RtcClock> rtcs,
    @Nullable Boolean rtcLocalTime,
    @Nullable String clocksource,
    List<String> clocksourcesAvailable,
    @Nullable String timezone,
    @Nullable Integer timezoneOffsetSeconds,
    List<String> timeDaemonsRunning,
    @Nullable Boolean timedatedNtpEnabled,
    @Nullable ClockSteps steps) {

  /** Nothing measured. */
  public static final HostClock NONE =
      new HostClock(null, List.of(), null, null, List.of(), null, null, List.of(), null, null);

  public HostClock {
    rtcs = List.copyOf(rtcs);
    clocksourcesAvailable = List.copyOf(clocksourcesAvailable);
    timeDaemonsRunning = List.copyOf(timeDaemonsRunning);
  }

  /** Only timedated's settings, as {@code timedatectl show} gives them. */
  public static HostClock timedated(@Nullable Boolean ntpEnabled, @Nullable Boolean localRtc) {
    return new HostClock(
        null, List.of(), localRtc, null, List.of(), null, null, List.of(), ntpEnabled, null);
  }

  /**
   * This, with each component it did not measure taken from {@code other}: the host collector's own
   * reads win over what a daemon's tool said (timedated reads the same /etc/adjtime).
   */
  public HostClock orElse(HostClock other) {
    return new HostClock(
        kernel != null ? kernel : other.kernel,
        !rtcs.isEmpty() ? rtcs : other.rtcs,
        rtcLocalTime != null ? rtcLocalTime : other.rtcLocalTime,
        clocksource != null ? clocksource : other.clocksource,
        !clocksourcesAvailable.isEmpty() ? clocksourcesAvailable : other.clocksourcesAvailable,
        timezone != null ? timezone : other.timezone,
        timezoneOffsetSeconds != null ? timezoneOffsetSeconds : other.timezoneOffsetSeconds,
        !timeDaemonsRunning.isEmpty() ? timeDaemonsRunning : other.timeDaemonsRunning,
        timedatedNtpEnabled != null ? timedatedNtpEnabled : other.timedatedNtpEnabled,
        steps != null ? steps : other.steps);
  }
}
