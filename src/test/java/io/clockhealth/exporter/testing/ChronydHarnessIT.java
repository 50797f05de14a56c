package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Self-test of the real-daemon harness (no exporter involved): if this fails, scenario failures are
 * harness or host problems, not exporter bugs.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#CHRONYD_HARNESS_IT}.
 */
class ChronydHarnessIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONYD_HARNESS_IT;

  @Test
  void localStratumServerRunsWithoutCapSysTimeAnswersAndStops() throws Exception {
    long pid;
    try (Chronyd srv =
        Chronyd.builder(getClass(), "local").localServer(RANGE.address(0), RANGE.port(0)).start()) {
      pid = srv.pid();
      assertThat(Chronyd.comm(pid)).isEqualTo("chronyd");
      assertThat(Chronyd.hasCapSysTime(Chronyd.capBnd(pid)))
          .as("CapBnd of chronyd %d has bit 25 (CAP_SYS_TIME)", pid)
          .isFalse();
      assertThat(cmdline(pid)).contains("-x", "-d", "-f", srv.config().toString());
      assertThat(Files.readString(srv.config()))
          .contains("cmdport 0", "bindcmdaddress " + srv.socketPath(), "pidfile ");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(srv.dir())))
          .isEqualTo("rwx------");
      assertThat(srv.socketPath()).exists();

      String tracking = srv.chronyc("tracking");
      assertThat(tracking).contains("Reference ID    : 7F7F0101").contains("Stratum         : 10");
      assertThat(srv.chronyc("-c", "tracking")).startsWith("7F7F0101,");

      srv.stop();
      assertThat(srv.isAlive()).isFalse();
      assertThat(Path.of("/proc", Long.toString(pid))).doesNotExist();
      assertThatThrownBy(() -> srv.chronyc("tracking")).hasMessageContaining("chronyc failed");
      srv.stop(); // idempotent
    }
    assertThat(Path.of("/proc", Long.toString(pid))).doesNotExist();
  }

  @Test
  void fakeTimeServerIsSeventyThreeSecondsAheadOfItsClient() throws Exception {
    try (Chronyd fast =
            Chronyd.builder(getClass(), "fake73")
                .localServer(RANGE.address(1), RANGE.port(1))
                .fakeTime("+73s")
                .start();
        Chronyd client =
            Chronyd.builder(getClass(), "client73")
                .config(
                    "server "
                        + RANGE.address(1)
                        + " port "
                        + RANGE.port(1)
                        + " iburst minpoll -2 maxpoll 0",
                    "port 0")
                .start()) {
      assertThat(Chronyd.hasCapSysTime(Chronyd.capBnd(fast.pid()))).isFalse();
      assertThat(Chronyd.hasCapSysTime(Chronyd.capBnd(client.pid()))).isFalse();
      assertThat(environ(fast.pid())).contains("FAKETIME=+73s");

      await("client selects the +73 s server")
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(client.states()).as(client::describe).isEqualTo("*"));
      // -c tracking field 5 is the correction: positive = this clock is slow.
      String[] f = client.chronyc("-c", "tracking").trim().split(",");
      assertThat(f[1]).isEqualTo(RANGE.address(1));
      assertThat(Double.parseDouble(f[4])).isCloseTo(73.0, within(0.5));
    }
  }

  private static List<String> cmdline(long pid) throws Exception {
    return split0(Path.of("/proc", Long.toString(pid), "cmdline"));
  }

  private static List<String> environ(long pid) throws Exception {
    return split0(Path.of("/proc", Long.toString(pid), "environ"));
  }

  private static List<String> split0(Path p) throws Exception {
    return Arrays.asList(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\0"));
  }
}
