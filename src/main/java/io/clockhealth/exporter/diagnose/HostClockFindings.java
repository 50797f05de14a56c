package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.KernelClock;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.text.HumanDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The host's own clock: the kernel's flag, the RTC, the clocksource, steps. */
final class HostClockFindings {

  /** As ClockRtcDrift: beyond this a reboot starts visibly wrong. */
  static final double RTC_FAR_SECONDS = 10;

  /** Clocksources the kernel falls back to when the TSC is unstable (ClockClocksourceFallback). */
  private static final Set<String> FALLBACK_CLOCKSOURCES =
      Set.of("hpet", "acpi_pm", "pit", "jiffies", "refined-jiffies");

  private HostClockFindings() {}

  static List<Finding> of(ScrapeResult scrape) {
    List<Finding> findings = new ArrayList<>();
    HostClock host = scrape.hostClock();
    KernelClock kernel = host.kernel();
    boolean daemonSynchronised =
        scrape.outcomes().stream()
            .map(o -> o.result().report().system())
            .anyMatch(s -> s != null && Boolean.TRUE.equals(s.synchronized_()));
    if (kernel != null && !kernel.synchronized_() && daemonSynchronised) {
      findings.add(
          new Finding(
              "kernel-not-synchronised",
              Severity.WARNING,
              "host",
              "A daemon is synchronised but the kernel's clock says it is not.",
              "adjtimex: " + kernel.state().label() + " (STA_UNSYNC set)",
              "Whatever reads the kernel's flag (node_exporter's timex collector, ntp_gettime"
                  + " users) sees an unsynchronised clock, and the kernel does not copy the"
                  + " system time to the RTC every 11 minutes.",
              "chrony: add `rtcsync` to chrony.conf and restart it; ntpd keeps the kernel's"
                  + " flag by itself unless disable kernel is set."));
    }
    if (Boolean.TRUE.equals(host.rtcLocalTime())) {
      findings.add(
          new Finding(
              "rtc-local-time",
              Severity.WARNING,
              "host",
              "The RTC keeps local time, not UTC.",
              "/etc/adjtime says LOCAL (timedatectl: RTC in local TZ: yes)",
              "At every daylight-saving change and at boot the system clock may start an hour"
                  + " off; the daemons then step it.",
              "`timedatectl set-local-rtc 0` (unless Windows shares this machine's RTC)."));
    }
    for (RtcClock rtc : host.rtcs()) {
      Double offset = rtc.offsetSeconds();
      if (offset != null && Math.abs(offset) > RTC_FAR_SECONDS) {
        findings.add(
            new Finding(
                "rtc-far",
                Severity.WARNING,
                "host " + rtc.name(),
                "The RTC " + rtc.name() + " is far from the system clock.",
                "RTC − system clock = " + HumanDurations.signed(offset),
                "After the next reboot the clock starts that far off until the daemon corrects"
                    + " it (a step, or a long slew).",
                "chrony: `rtcsync` (the kernel then copies the system time to the RTC); by hand"
                    + " `hwclock --systohc`."));
      }
    }
    String clocksource = host.clocksource();
    if (clocksource != null && FALLBACK_CLOCKSOURCES.contains(clocksource)) {
      findings.add(
          new Finding(
              "clocksource-fallback",
              Severity.WARNING,
              "host",
              "The kernel uses the slow clocksource " + clocksource + ".",
              "current clocksource "
                  + clocksource
                  + ", available: "
                  + String.join(" ", host.clocksourcesAvailable()),
              "Reading the time costs microseconds instead of nanoseconds, and the kernel usually"
                  + " switched because it found the TSC unstable.",
              "`dmesg | grep -i clocksource` says why; on VMs use kvm-clock, on hardware check"
                  + " the BIOS (power states) before forcing `clocksource=tsc`."));
    }
    ClockSteps steps = host.steps();
    if (steps != null && steps.backward() > 0) {
      findings.add(
          new Finding(
              "stepped-backward",
              Severity.WARNING,
              "host",
              "The wall clock was stepped back since the exporter started.",
              steps.backward()
                  + " backward step(s); the last "
                  + HumanDurations.signed(steps.lastStepSeconds()),
              "Time went back: timestamps repeat, durations come out negative, files look older"
                  + " than they are.",
              "Find who sets the clock (`journalctl | grep -iE 'time has been changed|step'`):"
                  + " a second daemon, `date -s`, a hypervisor's guest agent."));
    }
    return findings;
  }
}
