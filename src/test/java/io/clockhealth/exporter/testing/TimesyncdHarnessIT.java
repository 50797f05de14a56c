package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Self-test of the timesyncd harness (no exporter involved): a private bus, systemd-timesyncd in
 * {@code che-thc-*} and a chronyd server in {@code che-ths-*}, the two namespaces linked by one
 * veth pair and nothing else; timedatectl through the generated wrapper.
 *
 * <p>Addresses of this class: 10.244.0.1 (timesyncd) ↔ 10.244.0.2 (chronyd, local stratum 10).
 */
class TimesyncdHarnessIT {

  private static final String SERVER = "10.244.0.2";
  private static final List<Path> HOST_PATHS_NEVER_CREATED =
      List.of(
          Path.of("/run/systemd/system"),
          Path.of("/var/lib/systemd/timesync"),
          Path.of("/run/systemd/che-bin"),
          Path.of("/run/systemd/timesync"));

  @Test
  void timesyncdOnAPrivateBusTalksToChronyAndTimedatectlShowsIt() throws Exception {
    Path hostConf = Path.of("/etc/systemd/timesyncd.conf");
    Optional<String> confBefore = digest(hostConf);
    assertThat(HOST_PATHS_NEVER_CREATED).allSatisfy(p -> assertThat(p).doesNotExist());

    long timedatedPid;
    NetNs serverNs = NetNs.create("ths");
    NetNs clientNs = NetNs.create("thc");
    try (serverNs;
        clientNs) {
      NetNs.veth(clientNs, "th0", "10.244.0.1/24", serverNs, "th1", SERVER + "/24");
      assertThat(clientNs.hasDefaultRoute()).isFalse();
      try (Chronyd server =
              Chronyd.builder(TimesyncdHarnessIT.class, "server")
                  .netns(serverNs)
                  .config("local stratum 10", "allow 10.244.0.0/24", "bindaddress " + SERVER)
                  .start();
          Timesyncd ts =
              Timesyncd.builder(TimesyncdHarnessIT.class, "timesyncd")
                  .netns(clientNs)
                  .server(SERVER)
                  .start()) {

        await("timesyncd has a reply from " + SERVER)
            .atMost(Duration.ofSeconds(15))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(ts.packetCount()).as(ts::describe).isPositive());

        Map<String, String> props = ts.showTimesync();
        assertThat(props)
            .containsEntry("ServerName", SERVER)
            .containsEntry("ServerAddress", SERVER)
            .containsEntry("SystemNTPServers", SERVER)
            .containsEntry("FallbackNTPServers", SERVER)
            .containsEntry("PollIntervalUSec", "16s");
        Map<String, String> msg = Timesyncd.parseNtpMessage(props.get("NTPMessage"));
        assertThat(msg)
            .containsEntry("Stratum", "10")
            .containsEntry("Reference", "7F7F0101")
            .containsEntry("Leap", "0")
            .containsKeys("ReceiveTimestamp", "DestinationTimestamp");

        String status = ts.timedatectl("timesync-status");
        assertThat(status).contains("Server: " + SERVER, "Stratum: 10").containsPattern("Offset: ");

        // timedatectl show goes to the bus-activated systemd-timedated.
        String show = ts.timedatectl("show");
        assertThat(show).contains("CanNTP=no", "NTPSynchronized=");
        OptionalLong timedated = ts.bus().timedatedPid();
        assertThat(timedated).as("timedated PID from the bus").isPresent();
        timedatedPid = timedated.getAsLong();

        // No daemon of this test may ever hold CAP_SYS_TIME.
        for (long pid : List.of(server.pid(), ts.bus().pid(), ts.pid(), timedatedPid)) {
          assertThat(DaemonProcess.hasCapSysTime(DaemonProcess.capBnd(pid)))
              .as("CapBnd of %s (%d) has bit 25 (CAP_SYS_TIME)", DaemonProcess.comm(pid), pid)
              .isFalse();
        }
        assertThat(DaemonProcess.uid(ts.pid())).isEqualTo(65534);
        assertThat(DaemonProcess.netnsOf(ts.pid())).isEqualTo("net:[" + clientNs.inode() + "]");
        // It did try to adjust the clock; only the missing capability stopped it.
        assertThat(ts.logTail(200))
            .contains("Failed to call clock_adjtime(): Operation not permitted");
        assertThat(HOST_PATHS_NEVER_CREATED).allSatisfy(p -> assertThat(p).doesNotExist());

        // Off the bus: what the exporter will see.
        ts.stop();
        Exec.Result gone = ts.bus().timedatectl("timesync-status");
        assertThat(gone.ok()).isFalse();
        assertThat(gone.output()).contains("org.freedesktop.timesync1");
      }
      assertThat(ProcessHandle.of(timedatedPid)).as("timedated killed with its bus").isEmpty();
    }
    assertThat(digest(hostConf)).isEqualTo(confBefore);
    assertThat(HOST_PATHS_NEVER_CREATED).allSatisfy(p -> assertThat(p).doesNotExist());
    assertThat(serverNs.exists()).isFalse();
    assertThat(clientNs.exists()).isFalse();
  }

  private static Optional<String> digest(Path p) throws Exception {
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    return Optional.of(
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
  }
}
