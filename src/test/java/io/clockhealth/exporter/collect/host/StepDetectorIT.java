package io.clockhealth.exporter.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.ClockSteps;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.TestFiles;
import io.clockhealth.exporter.testing.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The step detector against steps of a known size: the built exporter runs under libfaketime in its
 * timestamp-file mode, which offsets the wall clock the JVM reads by what the file says, re-read
 * every second, while the monotonic clocks ({@code CLOCK_BOOTTIME} among them) stay real. Moving
 * the offset forward and back while the exporter serves is a step of the wall clock it sees, of
 * exactly that size; moving it by a millisecond at a time is what a slew looks like to a sampler a
 * second apart. The machine's own clock is never touched: libfaketime only changes what the
 * exporter's process reads, and the exporter runs as uid 65534 with no capabilities.
 */
class StepDetectorIT {

  /** The bound on a step's measured size. */
  private static final double SIZE_TOLERANCE = 0.010;

  /** libfaketime re-reads the file this often, plus a sample a second and a scrape. */
  private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);

  /**
   * This JVM's own detector, on the real clocks: a step it sees is the machine's (a VM paused or
   * corrected by its host), which the faked exporter sees too and would count on top of the test's.
   */
  private static final StepDetector MACHINE = StepDetector.startOnThisHost(Clock.systemUTC());

  /** Attempts the machine's own steps may spoil before the test fails anyway. */
  private static final int ATTEMPTS = 3;

  private Path dir;
  private Path offsetFile;
  private ExporterProcess exporter;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("step-detector-it");
    // Readable by the exporter's uid 65534.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    offsetFile = dir.resolve("faketime.rc");
    setOffset("+0");
    // A copy uid 65534 can load: the cached one is under root's home.
    Path libfaketime = dir.resolve("libfaketime.so.1");
    Files.copy(TestDaemons.get().libfaketime(), libfaketime);
    Files.setPosixFilePermissions(libfaketime, PosixFilePermissions.fromString("rwxr-xr-x"));
    exporter =
        ExporterProcess.builder(StepDetectorIT.class, "faketime")
            .unprivileged()
            // Preloaded into the JVM alone: loaded into setpriv too, libfaketime would create its
            // shared memory as root, which the JVM as uid 65534 could then not open.
            .through("env", "LD_PRELOAD=" + libfaketime)
            .env("FAKETIME_TIMESTAMP_FILE", offsetFile.toString())
            .env("FAKETIME_CACHE_DURATION", "1")
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1")
            // libfaketime 0.9.10 turns on its "monotonic fix" for this glibc by itself, and with
            // it the JVM's timed waits go wrong (measured: 14-17 s to start instead of 1.4 s).
            .env("FAKETIME_FORCE_MONOTONIC_FIX", "0")
            .args("--no-collector.chrony", "--no-collector.ntpd", "--no-collector.timesyncd")
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    if (exporter != null) {
      exporter.close();
      exporter = null;
    }
    TestFiles.deleteRecursively(dir);
  }

  /** Replaced in one rename, so libfaketime never reads a half-written offset. */
  private void setOffset(String offset) throws IOException {
    Path next = dir.resolve("faketime.rc.next");
    Files.writeString(next, offset + "\n");
    Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-r--r--"));
    Files.move(next, offsetFile, StandardCopyOption.ATOMIC_MOVE);
  }

  private static double steps(ScrapedMetrics m, String direction) {
    return m.valueOf("clock_steps_total", "direction", direction);
  }

  @Test
  void countsExactlyTheStepsMadeWithTheirSizesAndNoneForSlewSizedChanges() throws IOException {
    for (int attempt = 1; ; attempt++) {
      ClockSteps machineBefore = MACHINE.steps();
      try {
        stepsAndSlews();
        return;
      } catch (AssertionError e) {
        ClockSteps machineAfter = MACHINE.steps();
        boolean machineStepped =
            machineAfter.forward() != machineBefore.forward()
                || machineAfter.backward() != machineBefore.backward();
        if (!machineStepped || attempt == ATTEMPTS) {
          e.addSuppressed(
              new AssertionError(
                  "attempt "
                      + attempt
                      + "; the machine's own clock meanwhile: "
                      + machineBefore
                      + " -> "
                      + machineAfter
                      + "\nexporter log:\n"
                      + exporter.log()));
          throw e;
        }
        // The machine stepped under the test: its counts say nothing about ours. Again, afresh.
        stop();
        start();
      }
    }
  }

  private void stepsAndSlews() throws IOException {
    ScrapedMetrics start =
        exporter.awaitScrape(
            SEEN_WITHIN,
            m -> assertThat(m.has("clock_steps_total", "direction", "forward")).isTrue());
    assertThat(steps(start, "forward")).isZero();
    assertThat(steps(start, "backward")).isZero();
    assertThat(start.has("clock_last_step_seconds")).as("no step yet").isFalse();

    // Slew-sized: 1 ms a second, 4 ms in all, each change below the 5 ms threshold.
    for (String offset : new String[] {"+0.001", "+0.002", "+0.003", "+0.004"}) {
      setOffset(offset);
      Wait.sleepMillis(2_000);
    }
    ScrapedMetrics slewed = exporter.scrape();
    assertThat(steps(slewed, "forward")).as("slew-sized changes").isZero();
    assertThat(steps(slewed, "backward")).as("slew-sized changes").isZero();

    setOffset("+30.004");
    ScrapedMetrics forward =
        exporter.awaitScrape(SEEN_WITHIN, m -> assertThat(steps(m, "forward")).isEqualTo(1));
    assertThat(steps(forward, "backward")).isZero();
    assertThat(forward.valueOf("clock_last_step_seconds")).isCloseTo(30.0, within(SIZE_TOLERANCE));
    double now = forward.valueOf("clock_time_seconds");
    assertThat(forward.valueOf("clock_last_step_timestamp_seconds"))
        .as("seen on the stepped clock, within the seconds before this scrape")
        .isBetween(now - SEEN_WITHIN.toSeconds(), now);

    setOffset("-14.996");
    ScrapedMetrics backward =
        exporter.awaitScrape(SEEN_WITHIN, m -> assertThat(steps(m, "backward")).isEqualTo(1));
    assertThat(backward.valueOf("clock_last_step_seconds"))
        .isCloseTo(-45.0, within(SIZE_TOLERANCE));

    // Nothing changes for a while: nothing more is counted.
    Wait.sleepMillis(4_000);
    ScrapedMetrics after = exporter.scrape();
    assertThat(steps(after, "forward")).isEqualTo(1);
    assertThat(steps(after, "backward")).isEqualTo(1);
    assertThat(after.valueOf("clock_last_step_seconds")).isCloseTo(-45.0, within(SIZE_TOLERANCE));

    String log = exporter.log();
    assertThat(
            Pattern.compile("the wall clock stepped forward by (29\\.99|30\\.00)\\d* s")
                .matcher(log)
                .results())
        .as("one INFO line per step\n%s", log)
        .hasSize(1);
    assertThat(
            Pattern.compile("the wall clock stepped backward by (44\\.99|45\\.00)\\d* s")
                .matcher(log)
                .results())
        .as("one INFO line per step\n%s", log)
        .hasSize(1);
    assertThat(log).contains("against CLOCK_BOOTTIME");
  }
}
