package io.clockhealth.exporter.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.clockhealth.exporter.collect.HostCollection;
import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.RtcClock;
import io.clockhealth.exporter.os.HostRoots;
import io.clockhealth.exporter.os.HostTrees;
import io.clockhealth.exporter.os.KernelTimexSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

class HostClockCollectorTest {

  /** The host trees' moment (as the golden exposition's): winter in Berlin (UTC+1). */
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

  private static final KernelTimexSource VM = () -> KernelClocksTest.UNSYNCHRONISED_VM;

  @TempDir Path dir;

  private final Logger log = mock(Logger.class);

  private static final KernelTimexSource NO_C_LIBRARY =
      KernelTimexSource.unavailable("no C library in this test");

  private HostClockCollector collector(HostRoots roots, KernelTimexSource kernel) {
    return new HostClockCollector(roots, kernel, NOW, null, log);
  }

  private String startupLine() {
    ArgumentCaptor<Object[]> line = ArgumentCaptor.forClass(Object[].class);
    verify(log).info(eq("collector={} enabled (roots {}, {}, {}){}"), line.capture());
    Object[] args = line.getValue();
    return String.valueOf(args[args.length - 1]);
  }

  @Test
  void theCapturedVmWithoutTimeDaemonOrRtc() {
    HostCollection c = collector(HostTrees.copy("firecracker-vm", dir), VM).collect();
    assertThat(c.success()).isTrue();
    HostClock h = c.clock();
    assertThat(h.kernel()).isNotNull();
    assertThat(h.kernel().synchronized_()).isFalse();
    assertThat(h.clocksource()).isEqualTo("tsc");
    assertThat(h.clocksourcesAvailable()).containsExactly("tsc", "kvm-clock");
    assertThat(h.timezone()).isEqualTo("Etc/UTC");
    assertThat(h.timezoneOffsetSeconds()).isZero();
    assertThat(h.rtcs()).isEmpty();
    assertThat(h.rtcLocalTime()).isNull();
    assertThat(h.timeDaemonsRunning()).isEmpty();
    assertThat(h.timedatedNtpEnabled()).isNull();
    assertThat(startupLine())
        .isEqualTo(
            "; not available here, so not exported: RTC (no "
                + dir.resolve("sys/class/rtc")
                + "), /etc/adjtime");
  }

  @Test
  void anRtcInLocalTimeAndTwoDaemonsRunning() {
    HostClock h = collector(HostTrees.copy("rtc-local-two-daemons", dir), VM).collect().clock();
    // since_epoch 1767326655 minus the whole seconds of 1767323045.678: the zone's hour and 10 s.
    assertThat(h.rtcs()).containsExactly(new RtcClock("rtc0", 1_767_326_655.0, 3610.0, true));
    assertThat(h.rtcLocalTime()).isTrue();
    assertThat(h.clocksource()).isEqualTo("hpet");
    assertThat(h.clocksourcesAvailable()).containsExactly("hpet", "acpi_pm");
    assertThat(h.timezone()).isEqualTo("Europe/Berlin");
    assertThat(h.timezoneOffsetSeconds()).isEqualTo(3600);
    assertThat(h.timeDaemonsRunning()).containsExactly("chronyd", "systemd-timesyncd");
    assertThat(startupLine()).isEmpty();
  }

  @Test
  void noProcNoSysNoCLibraryIsAbsentWithOneInfoLineAndNeverAFailure() {
    HostClockCollector collector = collector(HostTrees.copy("copied-localtime", dir), NO_C_LIBRARY);
    HostCollection c = collector.collect();
    assertThat(c.success()).isTrue();
    assertThat(c.clock().kernel()).isNull();
    assertThat(c.clock().clocksource()).isNull();
    assertThat(c.clock().timezone()).isEqualTo("America/New_York");
    assertThat(c.clock().timezoneOffsetSeconds()).isEqualTo(-5 * 3600);
    assertThat(c.clock().rtcLocalTime()).isFalse();
    assertThat(startupLine())
        .startsWith(
            "; not available here, so not exported: kernel NTP state (no C library in this test), RTC")
        .contains("clocksource", "processes (no procfs at " + dir.resolve("proc") + ")");
    collector.collect();
    verifyNoMoreInteractions(log); // the one start-up line, nothing per scrape
  }

  @Test
  void aKernelReadThatIsBlockedAtStartUpIsAbsentNotAFailure() {
    KernelTimexSource blocked =
        () -> {
          throw new IOException("adjtimex(2) failed: errno 1");
        };
    HostCollection c = collector(HostTrees.copy("firecracker-vm", dir), blocked).collect();
    assertThat(c.success()).isTrue();
    assertThat(c.clock().kernel()).isNull();
    assertThat(startupLine()).contains("kernel NTP state (adjtimex(2) failed: errno 1)");
  }

  @Test
  void aFileThatExistsButCannotBeReadFailsTheCollectionWithOneWarning() throws IOException {
    HostRoots roots = HostTrees.copy("firecracker-vm", dir);
    HostClockCollector collector = collector(roots, VM);
    Files.writeString(roots.etc().resolve("adjtime"), "0.0 0 0.0\n0\nGMT\n");
    HostCollection c = collector.collect();
    assertThat(c.success()).isFalse();
    assertThat(c.clock().rtcLocalTime()).isNull();
    assertThat(c.clock().clocksource()).as("the rest is still read").isEqualTo("tsc");
    collector.collect();
    verify(log, times(1))
        .warn(
            eq("collector={} failed: {}"),
            eq("host"),
            argThat((String reason) -> reason.contains("line 3 is neither UTC nor LOCAL: GMT")));
    Files.delete(roots.etc().resolve("adjtime"));
    assertThat(collector.collect().success()).isTrue();
    verify(log).info("collector={} recovered", "host");
  }

  @Test
  void aZoneJavaDoesNotKnowHasANameButNoOffset() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.createSymbolicLink(
        dir.resolve("etc/localtime"), Path.of("/usr/share/zoneinfo/right/Europe/Berlin"));
    HostClock h = collector(HostRoots.under(dir), NO_C_LIBRARY).collect().clock();
    assertThat(h.timezone()).isEqualTo("right/Europe/Berlin");
    assertThat(h.timezoneOffsetSeconds()).isNull();
    assertThat(startupLine())
        .contains("time zone offset (Java does not know the zone right/Europe/Berlin)");
  }

  @Test
  void stepsAreTheDetectorsAndAbsentWithoutOne() {
    HostRoots roots = HostTrees.copy("firecracker-vm", dir);
    assertThat(collector(roots, VM).collect().clock().steps()).isNull();
    StepDetector detector = new StepDetector(NOW, System::nanoTime, log);
    HostClock h = new HostClockCollector(roots, VM, NOW, detector, log).collect().clock();
    assertThat(h.steps()).isEqualTo(ClockSteps.NONE);
  }

  @Test
  void theRealHostIsReadWithoutAFailure() {
    HostCollection c =
        HostClockCollector.system(
                HostRoots.SYSTEM,
                Clock.systemUTC(),
                StepDetector.startOnThisHost(Clock.systemUTC()))
            .collect();
    assertThat(c.success()).isTrue();
    assertThat(c.clock().steps()).as("the detector's counts").isNotNull();
    assertThat(c.clock().kernel()).as("adjtimex through JNA on this machine").isNotNull();
    assertThat(c.clock().clocksource()).isNotNull();
  }
}
