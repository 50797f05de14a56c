package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.HostCollector;
import io.clockhealth.exporter.collect.HostOutcome;
import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.text.HumanDurations;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * The landing page's section on the host's own clock: the kernel's synchronisation flag and error
 * bounds, RTCs, clocksource, time zone and the time daemons running.
 */
final class HostClockSection {

  private HostClockSection() {}

  static void write(PrintWriter out, HostOutcome outcome, HostClock host) {
    out.printf("<h2>%s</h2>%n", HostCollector.NAME);
    if (!outcome.result().success()) {
      out.println(
          "<p class=\"bad\">Part of the host clock could not be read."
              + " See the exporter's log for the file and the reason.</p>");
    }
    KernelClock k = host.kernel();
    if (k != null) {
      out.printf(
          "<p class=\"%s\"><strong>Kernel %s</strong></p>%n",
          k.synchronized_() ? "ok" : "bad",
          k.synchronized_() ? "synchronised" : "NOT synchronised (adjtimex TIME_ERROR)");
    }
    out.println("<div class=\"scroll\"><table>");
    if (k != null) {
      Html.row(out, "Kernel max error", HumanDurations.unsigned(k.maxErrorSeconds()));
      Html.row(out, "Kernel estimated error", HumanDurations.unsigned(k.estimatedErrorSeconds()));
      Html.row(
          out, "Kernel PLL offset (local − reference)", HumanDurations.signed(k.offsetSeconds()));
      Html.row(out, "Kernel frequency", String.format(Locale.ROOT, "%+.3f ppm", k.frequencyPpm()));
      Html.row(out, "TAI − UTC", k.taiOffsetSeconds() + " s");
    }
    if (host.clocksource() != null) {
      Html.row(
          out,
          "Clocksource",
          host.clocksource()
              + " (available: "
              + String.join(" ", host.clocksourcesAvailable())
              + ")");
    }
    if (host.timezone() != null) {
      Integer offset = host.timezoneOffsetSeconds();
      Html.row(
          out,
          "Time zone",
          host.timezone() + (offset == null ? "" : " (UTC" + utcOffset(offset) + ")"));
    }
    for (RtcClock rtc : host.rtcs()) {
      Html.row(
          out,
          "RTC " + rtc.name(),
          "RTC − system: "
              + HumanDurations.signed(rtc.offsetSeconds())
              + (Boolean.TRUE.equals(rtc.hctosys()) ? "; set the system clock at boot" : ""));
    }
    if (host.rtcLocalTime() != null) {
      Html.row(out, "RTC keeps", host.rtcLocalTime() ? "local time" : "UTC");
    }
    Html.row(
        out,
        "Time daemons running",
        host.timeDaemonsRunning().isEmpty()
            ? "none found"
            : String.join(", ", host.timeDaemonsRunning()));
    ClockSteps steps = host.steps();
    if (steps != null) {
      Html.row(out, "Wall-clock steps since start-up", steps(steps));
    }
    if (host.timedatedNtpEnabled() != null) {
      Html.row(out, "timedated NTP", host.timedatedNtpEnabled() ? "enabled" : "disabled");
    }
    out.println("</table></div>");
  }

  private static String steps(ClockSteps steps) {
    if (steps.lastStepSeconds() == null || steps.lastStepTimestampSeconds() == null) {
      return "none";
    }
    return steps.forward()
        + " forward, "
        + steps.backward()
        + " backward; the last "
        + HumanDurations.signed(steps.lastStepSeconds())
        + " at "
        + Instant.ofEpochMilli(Math.round(steps.lastStepTimestampSeconds() * 1000));
  }

  private static String utcOffset(int seconds) {
    int abs = Math.abs(seconds);
    return String.format(
        Locale.ROOT, "%s%02d:%02d", seconds < 0 ? "−" : "+", abs / 3600, abs / 60 % 60);
  }
}
