package io.clockhealth.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on a machine with no time daemon at all, where systemd is installed but
 * is not PID 1 (a container, a fresh VM): the exporter must serve the host clock and no failing
 * collector, and its landing page must show the host clock.
 *
 * <p>That machine, whatever this one is: the exporter runs in a private mount namespace with an
 * empty tmpfs on {@code /run} (so no {@code /run/systemd/system}: systemd is not PID 1 there) and
 * with {@code PATH} holding nothing but a {@code timedatectl} that answers as systemd's does
 * outside a systemd boot. Forced on, the timesyncd collector still runs and reports the failure.
 * And where JNA cannot unpack its native part, only the kernel's series are missing.
 */
class NoTimeDaemonIT {

  /** What timedatectl prints where systemd is not PID 1 (and exits 1). */
  private static final String NOT_BOOTED =
      "System has not been booted with systemd as init system (PID 1). Can't operate.\n"
          + "Failed to connect to bus: Host is down\n";

  private static Path bin;

  @BeforeAll
  static void timedatectlWithoutSystemd() throws IOException {
    bin = TestDaemons.targetDir().resolve("it-daemons").resolve("NoTimeDaemonIT").resolve("bin");
    Files.createDirectories(bin);
    Path timedatectl = bin.resolve("timedatectl");
    Files.writeString(
        timedatectl,
        "#!/bin/sh\nprintf '%s' '" + NOT_BOOTED.replace("'", "'\\''") + "' >&2\nexit 1\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(timedatectl, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    TestFiles.deleteRecursively(bin);
  }

  /** The exporter with {@code args}, systemd not PID 1, no tool but that timedatectl on PATH. */
  private static ExporterProcess exporter(String name, String... args) {
    return ExporterProcess.builder(NoTimeDaemonIT.class, name)
        // Absolute paths: PATH is that one directory.
        .through(
            "/usr/bin/unshare",
            "--mount",
            "--propagation",
            "private",
            "--",
            "/bin/sh",
            "-c",
            "/bin/mount -t tmpfs -o mode=0755 tmpfs /run && exec \"$@\"",
            "sh")
        .env("PATH", bin.toString())
        .args(args)
        .start();
  }

  @Test
  void theReadmeCommandServesTheHostClockAndNoFailingCollector() {
    try (ExporterProcess exporter = exporter("readme")) {
      ScrapedMetrics m = exporter.scrape();
      assertThat(m.series("clock_scrape_collector_success"))
          .as(exporter.log())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.labels()).containsEntry("collector", "host");
                assertThat(s.value()).isEqualTo(1.0);
              });
      assertThat(m.series("clock_kernel_synchronized")).hasSize(1);
      assertThat(m.series("clock_kernel_max_error_seconds")).hasSize(1);
      assertThat(m.series("clock_clocksource_current_info")).hasSize(1);
      assertThat(m.series("clock_daemon_up")).isEmpty();
      String page = exporter.get("/").body();
      assertThat(page).contains("<h2>host</h2>").contains("Clocksource").contains("Kernel ");
      assertThat(exporter.log())
          .contains("collector=timesyncd disabled: systemd is not PID 1 (no /run/systemd/system)")
          .doesNotContain("ERROR");
    }
  }

  /**
   * JNA unpacks its native part into its temporary directory: where it cannot (here one that does
   * not exist), the kernel's series are absent and one INFO line says why; the rest is served and
   * the collection is still a success.
   */
  @Test
  void withoutJnasNativePartTheKernelSeriesAreAbsentAndTheScrapeStillSucceeds() {
    try (ExporterProcess exporter =
        ExporterProcess.builder(NoTimeDaemonIT.class, "no-jna")
            .env("JDK_JAVA_OPTIONS", "-Djna.tmpdir=/proc/no-such-directory")
            .env("PATH", bin.toString())
            .args("--no-collector.timesyncd")
            .start()) {
      ScrapedMetrics m = exporter.scrape();
      assertThat(m.valueOf("clock_scrape_collector_success", "collector", "host"))
          .as(exporter.log())
          .isEqualTo(1.0);
      assertThat(m.series("clock_kernel_synchronized")).isEmpty();
      assertThat(m.series("clock_clocksource_current_info")).hasSize(1);
      assertThat(exporter.log())
          .containsOnlyOnce(
              "not available here, so not exported: kernel NTP state (the C library"
                  + " could not be loaded: UnsatisfiedLinkError");
    }
  }

  @Test
  void forcedOnTheTimesyncdCollectorStillRunsAndReportsTheFailure() {
    try (ExporterProcess exporter = exporter("forced", "--collector.timesyncd")) {
      ScrapedMetrics m = exporter.scrape();
      assertThat(m.valueOf("clock_scrape_collector_success", "collector", "timesyncd"))
          .as(exporter.log())
          .isEqualTo(0.0);
      assertThat(m.valueOf("clock_scrape_collector_success", "collector", "host")).isEqualTo(1.0);
      assertThat(exporter.log())
          .contains("collector=timesyncd enabled by configuration")
          .contains("System has not been booted with systemd");
    }
  }
}
