package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.NetNs;
import io.clockhealth.exporter.testing.Ntpd;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The exporter against real ntpsec ntpd: two ntpd, each in its own namespace with three chronyd
 * servers (two good, one +73 s under libfaketime) in namespace {@code che-nss-*}.
 *
 * <ul>
 *   <li>"main" ({@code che-nsm-*}, 10.241.0.1 → 10.241.0.2/.3, .4 = +73 s): synchronised, one
 *       selected source, the +73 s one a falseticker;
 *   <li>"loss" ({@code che-nsl-*}, 10.242.0.1 → 10.242.0.2/.3, .4 = +73 s): its system peer is
 *       killed (reach decays, then no system peer: the survivors are one good and one +73 s server,
 *       no majority), then ntpd itself is stopped.
 * </ul>
 *
 * <p>Everything starts once in {@link #start}: both ntpd converge concurrently (first {@code *}
 * after ~7 s, {@code *+x} after ~11 s, reach 377 after ~27 s). The loss test runs last, so that
 * ntpd's reach register fills while the others run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NtpdScenariosIT {

  private static final String MAIN_A = "10.241.0.2";
  private static final String MAIN_B = "10.241.0.3";
  private static final String MAIN_F = "10.241.0.4"; // +73 s
  private static final String LOSS_A = "10.242.0.2";
  private static final String LOSS_B = "10.242.0.3";
  private static final String LOSS_F = "10.242.0.4"; // +73 s
  private static final Duration CONVERGE = Duration.ofSeconds(40);
  private static final Duration SERVE = Duration.ofSeconds(15);

  private static NetNs serverNs;
  private static NetNs mainNs;
  private static NetNs lossNs;
  private static final List<Chronyd> servers = new ArrayList<>();
  private static Ntpd main;
  private static Ntpd loss;
  private static ExporterProcess mainExporter;
  private static ExporterProcess lossExporter;

  @BeforeAll
  static void start() {
    serverNs = NetNs.create("nss");
    mainNs = NetNs.create("nsm");
    lossNs = NetNs.create("nsl");
    NetNs.veth(
        mainNs,
        "m0",
        "10.241.0.1/24",
        serverNs,
        "m1",
        MAIN_A + "/24",
        MAIN_B + "/24",
        MAIN_F + "/24");
    NetNs.veth(
        lossNs,
        "l0",
        "10.242.0.1/24",
        serverNs,
        "l1",
        LOSS_A + "/24",
        LOSS_B + "/24",
        LOSS_F + "/24");
    servers.add(server("mainA", MAIN_A, null));
    servers.add(server("mainB", MAIN_B, null));
    servers.add(server("mainF", MAIN_F, "+73s"));
    servers.add(server("lossA", LOSS_A, null));
    servers.add(server("lossB", LOSS_B, null));
    servers.add(server("lossF", LOSS_F, "+73s"));
    main =
        Ntpd.builder(NtpdScenariosIT.class, "main")
            .netns(mainNs)
            .listen("10.241.0.1")
            .server(MAIN_A)
            .server(MAIN_B)
            .server(MAIN_F)
            .start();
    loss =
        Ntpd.builder(NtpdScenariosIT.class, "loss")
            .netns(lossNs)
            .listen("10.242.0.1")
            .server(LOSS_A)
            .server(LOSS_B)
            .server(LOSS_F)
            .start();
    mainExporter = main.exporter(NtpdScenariosIT.class, "main").start();
    lossExporter = loss.exporter(NtpdScenariosIT.class, "loss").start();
  }

  @AfterAll
  static void stop() {
    // Exporters, then ntpd, then their servers, then the namespaces; nulls are skipped.
    List<AutoCloseable> all =
        new ArrayList<>(Arrays.asList(mainExporter, lossExporter, main, loss));
    all.addAll(servers);
    all.addAll(Arrays.asList(mainNs, lossNs, serverNs));
    Cleanup.all(all.toArray(AutoCloseable[]::new));
  }

  private static Chronyd server(String name, String address, String fakeTime) {
    String subnet = address.substring(0, address.lastIndexOf('.')) + ".0/24";
    Chronyd.Builder b =
        Chronyd.builder(NtpdScenariosIT.class, name)
            .netns(serverNs)
            .config("local stratum 10", "allow " + subnet, "bindaddress " + address);
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  /** ntpq tally of three servers in config order: the good two {@code *}/{@code +}, then x. */
  private static void awaitTwoGoodAndFalseticker(Ntpd ntpd) {
    await(ntpd.name() + " tally *+x")
        .atMost(CONVERGE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> assertThat(ntpd.tally()).as(ntpd::describe).matches("\\*\\+x|\\+\\*x"));
  }

  private static double state(ScrapedMetrics s, String source, String state) {
    return s.valueOf("clock_source_state", "daemon", "ntpd", "source", source, "state", state);
  }

  private static List<String> selectedSources(ScrapedMetrics s) {
    return s.matching("clock_source_state", "daemon", "ntpd", "state", "selected").stream()
        .filter(x -> x.value() == 1.0)
        .map(x -> x.labels().get("source"))
        .toList();
  }

  @Test
  @Order(1)
  void synchronisedWithOneSelectedSource() {
    await("main ntpd selects a system peer")
        .atMost(CONVERGE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(main.systemPeer()).as(main::describe).isPresent());

    ScrapedMetrics m =
        mainExporter.awaitScrape(
            SERVE,
            s -> {
              assertThat(s.valueOf("clock_synchronized", "daemon", "ntpd")).isEqualTo(1.0);
              assertThat(selectedSources(s)).hasSize(1).first().isIn(MAIN_A, MAIN_B);
            });
    assertThat(m.valueOf("clock_daemon_up", "daemon", "ntpd")).isEqualTo(1.0);
    assertThat(m.valueOf("clock_scrape_collector_success", "collector", "ntpd")).isEqualTo(1.0);
    assertThat(m.valueOf("clock_stratum", "daemon", "ntpd")).isEqualTo(11.0);
    for (String source : List.of(MAIN_A, MAIN_B, MAIN_F)) {
      // One state set per source: six series, exactly one of them 1.
      assertThat(m.matching("clock_source_state", "daemon", "ntpd", "source", source))
          .hasSize(6)
          .filteredOn(x -> x.value() == 1.0)
          .hasSize(1);
      assertThat(m.valueOf("clock_source_stratum", "daemon", "ntpd", "source", source))
          .isEqualTo(10.0);
      assertThat(m.valueOf("clock_source_reachability", "daemon", "ntpd", "source", source))
          .isBetween(1.0, 255.0);
    }
  }

  @Test
  @Order(2)
  void falsetickerSeventyThreeSecondsAheadIsRejected() {
    awaitTwoGoodAndFalseticker(main);
    mainExporter.awaitScrape(
        SERVE,
        s -> {
          assertThat(state(s, MAIN_F, "falseticker")).isEqualTo(1.0);
          // local - source: this host is 73 s behind that source.
          assertThat(s.valueOf("clock_source_offset_seconds", "daemon", "ntpd", "source", MAIN_F))
              .isCloseTo(-73.0, within(0.5));
          assertThat(selectedSources(s)).hasSize(1).first().isIn(MAIN_A, MAIN_B);
          assertThat(s.valueOf("clock_synchronized", "daemon", "ntpd")).isEqualTo(1.0);
          assertThat(Math.abs(s.valueOf("clock_offset_seconds", "daemon", "ntpd"))).isLessThan(0.1);
          for (String good : List.of(MAIN_A, MAIN_B)) {
            assertThat(
                    Math.abs(
                        s.valueOf("clock_source_offset_seconds", "daemon", "ntpd", "source", good)))
                .isLessThan(0.1);
          }
        });
  }

  @Test
  @Order(3)
  void killedSystemPeerDecaysThenStoppedNtpdIsReportedDown() {
    awaitTwoGoodAndFalseticker(loss);
    // A full reach register (377 = 255), so that losing the server shows as a strict decrease.
    await("loss ntpd's system peer reach 377")
        .atMost(CONVERGE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              String peer = loss.systemPeer().orElseThrow();
              assertThat(loss.peer(peer).orElseThrow().reach()).as(loss::describe).isEqualTo(255);
            });
    ScrapedMetrics before =
        lossExporter.awaitScrape(
            SERVE,
            s -> {
              List<String> sel = selectedSources(s);
              assertThat(sel).hasSize(1);
              assertThat(
                      s.valueOf(
                          "clock_source_reachability", "daemon", "ntpd", "source", sel.get(0)))
                  .isEqualTo(255.0);
            });
    String selected = selectedSources(before).get(0);
    assertThat(selected).isIn(LOSS_A, LOSS_B);
    String victimName = selected.equals(LOSS_A) ? "lossA" : "lossB";
    Chronyd victim = servers.stream().filter(c -> c.name().equals(victimName)).findFirst().get();
    victim.stop();
    assertThat(victim.isAlive()).isFalse();

    // Every ~2 s ntpd shifts a 0 into the dead server's reach register: 255, 254, 252, 248, …
    // Once too few bits are left, no majority: no system peer.
    List<Double> reach = new ArrayList<>();
    reach.add(255.0);
    ScrapedMetrics after =
        lossExporter.awaitScrape(
            Duration.ofSeconds(40),
            s -> {
              double r =
                  s.valueOf("clock_source_reachability", "daemon", "ntpd", "source", selected);
              if (r != reach.get(reach.size() - 1)) {
                reach.add(r);
              }
              assertThat(selectedSources(s))
                  .as("selected sources, reach so far %s", reach)
                  .isEmpty();
            });
    System.out.println(
        "reachability of " + selected + " from its kill to no system peer: " + reach);
    assertThat(reach).as("reachability of %s after its kill", selected).hasSizeGreaterThan(2);
    for (int i = 1; i < reach.size(); i++) {
      assertThat(reach.get(i)).as("reach decays strictly: %s", reach).isLessThan(reach.get(i - 1));
      // and by shifting only: the bits that were there move left, zeros come in.
      int prev = reach.get(i - 1).intValue();
      int cur = reach.get(i).intValue();
      boolean shifted = false;
      for (int k = 1; k <= 8 && !shifted; k++) {
        shifted = ((prev << k) & 0xFF) == cur;
      }
      assertThat(shifted).as("%s is %s shifted left: %s", cur, prev, reach).isTrue();
    }
    assertThat(after.valueOf("clock_daemon_up", "daemon", "ntpd")).isEqualTo(1.0);

    loss.stop();
    assertThat(loss.isAlive()).isFalse();
    for (int i = 0; i < 3; i++) {
      ScrapedMetrics down = lossExporter.scrape();
      assertThat(down.valueOf("clock_daemon_up", "daemon", "ntpd")).as(down::text).isEqualTo(0.0);
      assertThat(down.valueOf("clock_scrape_collector_success", "collector", "ntpd"))
          .as(down::text)
          .isEqualTo(0.0);
      assertThat(down.has("clock_synchronized", "daemon", "ntpd"))
          .as("nothing measured, so no clock_synchronized\n%s", down.text())
          .isFalse();
      assertThat(down.elapsed())
          .as("scrape with ntpd gone (ntpq fails at once; collector timeout 2 s)")
          .isLessThan(Duration.ofSeconds(1));
    }
  }
}
