package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-test of the ntpd harness (no exporter involved): ntpsec ntpd in namespace {@code che-nhc-*}
 * against three chronyd servers in {@code che-nhs-*}, linked by one veth pair and nothing else.
 *
 * <p>Addresses of this class: 10.240.0.1 (ntpd) ↔ 10.240.0.2–4 (chronyd, local stratum 10).
 */
class NtpdHarnessIT {

  private static final List<String> SERVERS = List.of("10.240.0.2", "10.240.0.3", "10.240.0.4");

  private static NetNs serverNs;
  private static NetNs clientNs;
  private static List<Chronyd> servers = List.of();
  private static Ntpd ntpd;

  @BeforeAll
  static void start() {
    serverNs = NetNs.create("nhs");
    clientNs = NetNs.create("nhc");
    NetNs.veth(
        clientNs,
        "nh0",
        "10.240.0.1/24",
        serverNs,
        "nh1",
        "10.240.0.2/24",
        "10.240.0.3/24",
        "10.240.0.4/24");
    servers =
        SERVERS.stream()
            .map(
                a ->
                    Chronyd.builder(NtpdHarnessIT.class, "srv" + a.substring(a.lastIndexOf('.')))
                        .netns(serverNs)
                        .config("local stratum 10", "allow 10.240.0.0/24", "bindaddress " + a)
                        .start())
            .toList();
    Ntpd.Builder b = Ntpd.builder(NtpdHarnessIT.class, "ntpd").netns(clientNs).listen("10.240.0.1");
    SERVERS.forEach(b::server);
    ntpd = b.start();
  }

  @AfterAll
  static void stop() {
    List<AutoCloseable> all = new ArrayList<>();
    all.add(ntpd);
    all.addAll(servers);
    all.add(clientNs);
    all.add(serverNs);
    Cleanup.all(all.toArray(AutoCloseable[]::new));
  }

  @Test
  void ntpdWithoutCapSysTimeInItsNamespaceSelectsAChronyServer() throws Exception {
    assertThat(DaemonProcess.comm(ntpd.pid())).isEqualTo("ntpd");
    assertThat(DaemonProcess.hasCapSysTime(DaemonProcess.capBnd(ntpd.pid())))
        .as("CapBnd of ntpd %d has bit 25 (CAP_SYS_TIME)", ntpd.pid())
        .isFalse();
    for (Chronyd s : servers) {
      assertThat(DaemonProcess.hasCapSysTime(DaemonProcess.capBnd(s.pid()))).isFalse();
      assertThat(DaemonProcess.netnsOf(s.pid())).isEqualTo("net:[" + serverNs.inode() + "]");
    }
    assertThat(DaemonProcess.netnsOf(ntpd.pid())).isEqualTo("net:[" + clientNs.inode() + "]");
    // Nothing but the link between the two namespaces: no default route, no root-ns end.
    assertThat(clientNs.hasDefaultRoute()).isFalse();
    assertThat(serverNs.hasDefaultRoute()).isFalse();
    assertThat(Files.readString(ntpd.config()))
        .contains("interface listen 127.0.0.1", "server 10.240.0.2 iburst minpoll 0 maxpoll 1");

    await("ntpd selects a system peer")
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(ntpd.tally()).as(ntpd::describe).contains("*"));

    assertThat(ntpd.systemPeer()).get().isIn(SERVERS);
    assertThat(ntpd.peers())
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.stratum()).isEqualTo(10);
              assertThat(p.refid()).isEqualTo("127.127.1.1"); // chrony's local reference
            });
    String rv = ntpd.ntpq("-c", "rv", "127.0.0.1");
    assertThat(rv).contains("stratum=11", "version=\"ntpd ntpsec-");
    // It did try to discipline the clock; only the missing capability stopped it.
    assertThat(Files.readString(ntpd.logFile())).contains("Operation not permitted");

    // The wrapper is what the exporter runs: exactly the same through its own path.
    Exec.Result viaWrapper =
        Exec.run(
            Duration.ofSeconds(10),
            Map.of(),
            List.of(ntpd.ntpqWrapper().toString(), "-pnw", "127.0.0.1"));
    assertThat(viaWrapper.ok()).as(viaWrapper::toString).isTrue();
    assertThat(viaWrapper.output()).contains("remote", "10.240.0.2", "10.240.0.3", "10.240.0.4");
  }

  @Test
  void stoppedNtpdIsGoneAndNtpqSaysSo() throws Exception {
    NetNs ns = NetNs.create("nhl");
    try (Ntpd lone =
        Ntpd.builder(NtpdHarnessIT.class, "lone").netns(ns).config("# no servers").start()) {
      long pid = lone.pid();
      assertThat(DaemonProcess.hasCapSysTime(DaemonProcess.capBnd(pid))).isFalse();
      assertThat(lone.peers()).isEmpty();
      lone.stop();
      assertThat(lone.isAlive()).isFalse();
      assertThat(Path.of("/proc", Long.toString(pid))).doesNotExist();
      // ntpq exits 0 here, but says so on stdout.
      Exec.Result r = lone.ntpqResult("-pnw", "127.0.0.1");
      assertThat(r.output()).contains("***");
      assertThatThrownBy(() -> lone.ntpq("-pnw", "127.0.0.1")).hasMessageContaining("ntpq failed");
      lone.stop(); // idempotent
    } finally {
      ns.close();
    }
    assertThat(ns.exists()).isFalse();
  }
}
