package io.clockhealth.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.Cleanup;
import io.clockhealth.exporter.testing.DashboardQueries;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.FakeHostTree;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.PrometheusServer;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end: real chronyd scenarios, an exporter for each, and a real Prometheus (Debian's binary,
 * on loopback, scraping every second and evaluating {@code alerts/clock-health.rules.yml} every
 * second) — then the alerts Prometheus raises and every dashboard query it answers.
 *
 * <p>Scenarios: {@code srvA} and {@code srvB} serve their local clock ({@code local stratum 10});
 * srvA's target is marked {@code clock_role="timeserver"} by the README's relabel rule, srvB's is
 * not. {@code srvF} serves a clock 73 s ahead (libfaketime). Clients: {@code three} (A, B and F: F
 * is a falseticker), {@code only73} (F only: 73 s behind its reference), {@code lost} (a server
 * nobody answers for) and {@code good} (A and B), whose exporter runs under libfaketime +73 s: its
 * host clock is 73 s ahead of the Prometheus server's. The targets of srvA, srvB, three, only73 and
 * lost carry {@code cluster="e2e-a"}; the faked one has no cluster label (a single-cluster setup).
 * Each exporter's host collector reads a {@link FakeHostTree} ({@code --path.*}): one chronyd in
 * /proc, and the odd host {@code three} with an hpet clocksource, an RTC in local time and another
 * zone, {@code lost} with an RTC 10 minutes behind; the kernel's state is this machine's.
 *
 * <p>A probe job asks {@code three}'s exporter to probe four time servers, relabelled as the README
 * shows: srvA, srvF (73 s fast), {@code srvU} (serves NTP but never synchronised) and an address
 * nobody answers on; the time-server alerts follow.
 *
 * <p>Every alert has a {@code for:} of 5 minutes or more, which the test does not shorten: an alert
 * counts once it is active, {@code pending} (or {@code firing}). The promtool tests in {@code
 * alerts/tests} show when each one fires.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#PROMETHEUS_END_TO_END_IT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusEndToEndIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.PROMETHEUS_END_TO_END_IT;
  private static final String SRV_A = RANGE.address(0);
  private static final String SRV_B = RANGE.address(1);
  private static final String SRV_F = RANGE.address(2); // +73 s
  private static final String SRV_U = RANGE.address(3); // serves NTP, never synchronised
  private static final String DEAD = RANGE.address(8); // nobody listens on its port
  private static final int PORT_A = RANGE.port(0);
  private static final int PORT_B = RANGE.port(1);
  private static final int PORT_F = RANGE.port(2);
  private static final int PORT_U = RANGE.port(3);
  private static final int PORT_DEAD = RANGE.port(8);
  private static final String JOB = "clock";
  private static final String PROBE_JOB = "ntp-probe";

  /** The exporter that probes the time servers: the probe job's targets carry it as prober. */
  private static final String PROBER = "three";

  /** The probe job's targets: a good server, one 73 s fast, an unsynchronised one, nobody. */
  private static final List<String> TIME_SERVERS =
      List.of(
          SRV_A + ":" + PORT_A, SRV_F + ":" + PORT_F, SRV_U + ":" + PORT_U, DEAD + ":" + PORT_DEAD);

  private static final String CLUSTER = "e2e-a";
  private static final Duration ALERTS_WITHIN = Duration.ofSeconds(45);
  private static final Duration DATA_WITHIN = Duration.ofSeconds(30);
  private static final Set<String> ACTIVE = Set.of("pending", "firing");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BERLIN = "Europe/Berlin";
  private static final String KERNEL_ALERT = "ClockKernelNotSynchronised";

  private static final List<AutoCloseable> RESOURCES = new ArrayList<>();
  private static final Map<String, ExporterProcess> EXPORTERS = new LinkedHashMap<>();
  private static PrometheusServer prometheus;
  private static final long T0 = System.nanoTime();

  @BeforeAll
  static void start() {
    Chronyd srvA = keep(server("srvA", SRV_A, PORT_A, null));
    Chronyd srvB = keep(server("srvB", SRV_B, PORT_B, null));
    keep(server("srvF", SRV_F, PORT_F, "+73s"));
    // Answers NTP with no source and no local clock to serve: leap 3, stratum 0.
    keep(
        Chronyd.builder(PrometheusEndToEndIT.class, "srvU")
            .config("allow 127.0.0.0/8", "bindaddress " + SRV_U, "port " + PORT_U)
            .start());
    Chronyd three =
        keep(
            client(
                "three",
                fast(SRV_A, PORT_A),
                fast(SRV_B, PORT_B),
                fast(SRV_F, PORT_F),
                "minsources 2"));
    Chronyd only73 =
        keep(
            client(
                "only73", "server " + SRV_F + " port " + PORT_F + " iburst minpoll -2 maxpoll 0"));
    Chronyd lost =
        keep(
            client(
                "lost", "server " + DEAD + " port " + PORT_DEAD + " iburst minpoll -2 maxpoll 0"));
    Chronyd good = keep(client("good", fast(SRV_A, PORT_A), fast(SRV_B, PORT_B), "minsources 2"));
    log("chronyd x8 started");

    // Exporters start two at a time: each is a JVM that takes a second or two alone, but six at
    // once on a small (shared) machine came close to ExporterProcess' 20 s ready timeout.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, CompletableFuture<ExporterProcess>> starting = new LinkedHashMap<>();
    for (Chronyd c : List.of(srvA, srvB, three, only73, lost)) {
      starting.put(c.name(), CompletableFuture.supplyAsync(() -> exporter(c).start(), pool));
    }
    starting.put(
        "good+73s",
        CompletableFuture.supplyAsync(
            () ->
                exporter(good)
                    .env("LD_PRELOAD", TestDaemons.get().libfaketime().toString())
                    .env("FAKETIME", "+73s")
                    // Not FAKETIME_DONT_FAKE_MONOTONIC=1: with it, libfaketime 0.9.10 breaks the
                    // JVM's timed waits (measured: 10-15 s to start, 40 % CPU when idle, 5 s per
                    // scrape). Faking the monotonic clock too only shifts it; intervals stay right.
                    .start(),
            pool));
    pool.shutdown();
    List<Throwable> failures = new ArrayList<>();
    starting.forEach(
        (name, f) -> {
          try {
            EXPORTERS.put(name, keep(f.join()));
          } catch (RuntimeException e) {
            failures.add(e);
          }
        });
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("exporters did not start");
      failures.forEach(e::addSuppressed);
      throw e;
    }
    log("exporters x6 ready");

    prometheus = keep(PrometheusServer.start(PrometheusEndToEndIT.class, "e2e", config()));
    log("prometheus ready on " + prometheus.baseUri());
    awaitTargetsUp();
    log("all targets up");
  }

  @AfterAll
  static void stop() {
    List<AutoCloseable> reversed = new ArrayList<>(RESOURCES);
    java.util.Collections.reverse(reversed);
    Cleanup.all(reversed.toArray(AutoCloseable[]::new));
  }

  private static <T extends AutoCloseable> T keep(T resource) {
    synchronized (RESOURCES) {
      RESOURCES.add(resource);
    }
    return resource;
  }

  private static Chronyd server(String name, String address, int port, String fakeTime) {
    Chronyd.Builder b =
        Chronyd.builder(PrometheusEndToEndIT.class, name).localServer(address, port);
    if (fakeTime != null) {
      b.fakeTime(fakeTime);
    }
    return b.start();
  }

  private static Chronyd client(String name, String... lines) {
    List<String> conf = new ArrayList<>(List.of(lines));
    conf.add("port 0");
    return Chronyd.builder(PrometheusEndToEndIT.class, name)
        .config(conf.toArray(String[]::new))
        .start();
  }

  private static String fast(String address, int port) {
    return "server " + address + " port " + port + " iburst minpoll -2 maxpoll -2 maxsamples 8";
  }

  private static ExporterProcess.Builder exporter(Chronyd c) {
    return ExporterProcess.forChronyd(PrometheusEndToEndIT.class, c)
        .args("--no-collector.ntpd", "--no-collector.timesyncd")
        .args(keep(hostTree(c.name())).args().toArray(String[]::new));
  }

  /**
   * What each exporter's host collector reads: one chronyd in /proc (other tests' daemons on this
   * machine must not count), and a clocksource, RTC, zone and /etc/adjtime this machine cannot
   * show. {@code three} is the odd host: hpet (a fall-back), an RTC in local time, Europe/Berlin in
   * a cluster otherwise on UTC; {@code lost}'s RTC is 10 minutes behind; {@code good}'s RTC follows
   * its clock, 73 s ahead.
   */
  private static FakeHostTree hostTree(String name) {
    try {
      Path root = Files.createTempDirectory("e2e-host-" + name);
      return switch (name) {
        case "three" ->
            FakeHostTree.create(
                root,
                "chronyd",
                "hpet",
                BERLIN,
                true,
                ZoneId.of(BERLIN).getRules().getOffset(Instant.now()).getTotalSeconds());
        case "lost" -> FakeHostTree.create(root, "chronyd", "tsc", "Etc/UTC", false, -600);
        case "good" -> FakeHostTree.create(root, "chronyd", "tsc", "Etc/UTC", false, 73);
        default -> FakeHostTree.create(root, "chronyd", "tsc", "Etc/UTC", false, 0);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String target(String name) {
    return "127.0.0.1:" + EXPORTERS.get(name).port();
  }

  /** The README's scrape configuration: static targets and the timeserver relabel rule. */
  private static String config() {
    Path rules = TestDaemons.repoRoot().resolve("alerts/clock-health.rules.yml");
    String clustered =
        List.of("srvA", "srvB", "three", "only73", "lost").stream()
            .map(n -> "\"" + target(n) + "\"")
            .collect(Collectors.joining(", "));
    return String.join(
        "\n",
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + rules,
        "scrape_configs:",
        "  - job_name: " + JOB,
        "    static_configs:",
        "      - targets: [" + clustered + "]",
        "        labels:",
        "          cluster: " + CLUSTER,
        "      - targets: [\"" + target("good+73s") + "\"]",
        "    relabel_configs:",
        "      - source_labels: [__address__]",
        "        regex: \"" + target("srvA").replace(".", "\\\\.") + "\"",
        "        target_label: clock_role",
        "        replacement: timeserver",
        // The README's ntp-probe job: the blackbox relabelling, the prober named.
        "  - job_name: " + PROBE_JOB,
        "    metrics_path: /probe",
        "    params:",
        "      module: [ntp]",
        "    static_configs:",
        "      - targets: ["
            + TIME_SERVERS.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "))
            + "]",
        "        labels:",
        "          cluster: " + CLUSTER,
        "    relabel_configs:",
        "      - source_labels: [__address__]",
        "        target_label: __param_target",
        "      - source_labels: [__param_target]",
        "        target_label: instance",
        "      - target_label: prober",
        "        replacement: \"" + target(PROBER) + "\"",
        "      - target_label: __address__",
        "        replacement: \"" + target(PROBER) + "\"",
        "");
  }

  // ---- (b) and (c): alerts --------------------------------------------------------------------

  /** An active alert: its labels and state. */
  record Alert(String name, Map<String, String> labels, String state, String description) {}

  @Test
  @Order(1)
  void falsetickerOffsetAndLocalReferenceAlertsAreRaisedFromRealDaemons() {
    String three = target("three");
    String only73 = target("only73");
    String lost = target("lost");
    String srvB = target("srvB");
    List<Alert> alerts =
        awaitAlerts(
            Map.of(
                "ClockSourceFalseticker",
                Map.of("instance", three, "source", SRV_F, "cluster", CLUSTER),
                "ClockOffsetCritical",
                Map.of("instance", only73, "daemon", "chrony"),
                "ClockOffsetHigh",
                Map.of("instance", only73, "daemon", "chrony"),
                "ClockMaxErrorHigh",
                Map.of("instance", only73),
                "ClockFleetOffsetSpread",
                Map.of("cluster", CLUSTER, "job", JOB),
                "ClockLocalReferenceNotDesignated",
                Map.of("instance", srvB),
                "ClockNotSynchronised",
                Map.of("instance", lost),
                "ClockSourcesUnreachable",
                Map.of("instance", lost, "daemon", "chrony"),
                "ClockNoSelectableSource",
                Map.of("instance", lost, "daemon", "chrony")));
    log("alerts active: " + alerts.stream().map(Alert::name).collect(Collectors.toSet()));

    // The templates render the measured values: 73 s behind, the falseticker's -73 s.
    assertThat(find(alerts, "ClockOffsetCritical", Map.of("instance", only73)).description())
        .contains("-1m 13s", "behind (slow)");
    assertThat(find(alerts, "ClockSourceFalseticker", Map.of("instance", three)).description())
        .contains(SRV_F, "-1m 13s");
    // Only the falseticker of `three` is reported, not its good sources.
    assertThat(
            alerts.stream()
                .filter(a -> a.name().equals("ClockSourceFalseticker"))
                .map(a -> a.labels().get("source")))
        .containsExactly(SRV_F);
    // A designated time server (clock_role="timeserver" by relabelling) raises nothing at all,
    // although it follows its local clock; every alert keeps cluster/job/instance.
    String srvA = target("srvA");
    // (ClockKernelNotSynchronised depends on this machine's kernel: its own test below.)
    assertThat(alerts)
        .as(() -> "no alert for the designated time server " + srvA + "\n" + alertsJson())
        .noneMatch(a -> srvA.equals(a.labels().get("instance")) && !a.name().equals(KERNEL_ALERT));
    for (Alert a : alerts) {
      if (a.name().startsWith("ClockTimeServer")) {
        continue; // the probe job's: their own test below
      }
      assertThat(a.labels()).as(a::toString).containsEntry("job", JOB);
      if (!Set.of("ClockFleetOffsetSpread", "ClockTimezoneMismatch").contains(a.name())) {
        assertThat(a.labels()).as(a::toString).containsKey("instance");
      }
    }
  }

  @Test
  @Order(2)
  void exporterUnderLibfaketimeRaisesTheSkewAgainstPrometheusAlerts() {
    String faked = target("good+73s");
    List<Alert> alerts =
        awaitAlerts(
            Map.of(
                "ClockSkewAgainstPrometheus", Map.of("instance", faked),
                "ClockSkewAgainstPrometheusCritical", Map.of("instance", faked)));
    Alert skew = find(alerts, "ClockSkewAgainstPrometheus", Map.of("instance", faked));
    assertThat(skew.description()).contains("1m 13s ahead of");
    assertThat(skew.labels()).doesNotContainKey("cluster");
    // Its chronyd client is healthy: the skew alerts are all this instance raises.
    assertThat(
            alerts.stream()
                .filter(a -> faked.equals(a.labels().get("instance")))
                .map(Alert::name)
                .filter(name -> !name.equals(KERNEL_ALERT))
                .collect(Collectors.toSet()))
        .as(PrometheusEndToEndIT::alertsJson)
        .containsExactlyInAnyOrder(
            "ClockSkewAgainstPrometheus", "ClockSkewAgainstPrometheusCritical");
    double value =
        instant("instance:clock_skew_vs_prometheus_seconds{instance=\"" + faked + "\"}")
            .get(0)
            .path("value")
            .get(1)
            .asDouble();
    assertThat(value).isBetween(72.0, 74.0);
  }

  @Test
  @Order(7)
  void hostClockAlertsAreRaisedForTheOddHostsOnly() {
    String three = target("three");
    String lost = target("lost");
    List<Alert> alerts =
        awaitAlerts(
            Map.of(
                "ClockClocksourceFallback",
                Map.of("instance", three, "clocksource", "hpet", "cluster", CLUSTER),
                "ClockRtcInLocalTime",
                Map.of("instance", three),
                "ClockRtcDrift",
                Map.of("instance", lost, "rtc", "rtc0"),
                "ClockTimezoneMismatch",
                Map.of("cluster", CLUSTER, "job", JOB)));
    assertThat(instancesWith(alerts, "ClockClocksourceFallback")).containsExactly(three);
    assertThat(instancesWith(alerts, "ClockRtcInLocalTime")).containsExactly(three);
    // three's RTC is an hour ahead, but in local time: the other alert's case, not this one's.
    assertThat(instancesWith(alerts, "ClockRtcDrift")).containsExactly(lost);
    assertThat(find(alerts, "ClockRtcDrift", Map.of("instance", lost)).description())
        .contains("-10m");
    // Only cluster e2e-a mixes zones; good+73s, alone without a cluster label, does not.
    assertThat(
            alerts.stream()
                .filter(a -> a.name().equals("ClockTimezoneMismatch"))
                .map(a -> a.labels().getOrDefault("cluster", "")))
        .containsExactly(CLUSTER);
    // One chronyd in each host's /proc, and each exporter reads it: neither alert.
    assertThat(alerts.stream().map(Alert::name))
        .doesNotContain("ClockMultipleTimeDaemons", "ClockNoTimeDaemon", "ClockSteppedBackward");

    // This machine's kernel decides: the test chronyds run with -x and never tell it anything.
    Set<String> kernelUnsynchronised = instances("clock_kernel_synchronized == 0");
    Set<String> daemonSynchronised = instances("max by (instance) (clock_synchronized) == 1");
    Set<String> expected = new TreeSet<>(kernelUnsynchronised);
    expected.retainAll(daemonSynchronised);
    log(
        "kernel unsynchronised on "
            + kernelUnsynchronised
            + "; daemon synchronised on "
            + daemonSynchronised);
    for (String instance : expected) {
      awaitAlerts(Map.of(KERNEL_ALERT, Map.of("instance", instance)));
    }
    assertThat(instancesWith(alerts(), KERNEL_ALERT))
        .as(PrometheusEndToEndIT::alertsJson)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @Order(8)
  void timeServerAlertsAreRaisedForTheBadServersOnlyThroughTheProbeJob() {
    String good = TIME_SERVERS.get(0);
    String fast = TIME_SERVERS.get(1);
    String unsynchronised = TIME_SERVERS.get(2);
    String nobody = TIME_SERVERS.get(3);
    String prober = target(PROBER);
    List<Alert> alerts =
        awaitAlerts(
            Map.of(
                "ClockTimeServerUnreachable",
                Map.of("instance", nobody, "prober", prober, "cluster", CLUSTER),
                "ClockTimeServerOffset",
                Map.of("instance", fast, "prober", prober),
                "ClockTimeServerNotSynchronised",
                Map.of("instance", unsynchronised, "prober", prober)));
    List<Alert> timeServerAlerts =
        alerts.stream().filter(a -> a.name().startsWith("ClockTimeServer")).toList();
    assertThat(timeServerAlerts)
        .as(PrometheusEndToEndIT::alertsJson)
        .allSatisfy(a -> assertThat(a.labels()).containsEntry("job", PROBE_JOB))
        .noneMatch(a -> good.equals(a.labels().get("instance")))
        .noneMatch(a -> a.name().equals("ClockTimeServerKissOfDeath"));
    assertThat(instancesWith(alerts, "ClockTimeServerUnreachable")).containsExactly(nobody);
    assertThat(instancesWith(alerts, "ClockTimeServerOffset")).containsExactly(fast);
    assertThat(instancesWith(alerts, "ClockTimeServerNotSynchronised"))
        .containsExactly(unsynchronised);
    // humanizeDuration truncates: 72.99 s, the prober's own offset taken out, is "1m 12s"
    assertThat(find(alerts, "ClockTimeServerOffset", Map.of("instance", fast)).description())
        .containsPattern("is 1m 1[23]s off true time");
    // server - true: the prober's own offset (its chronyd, within milliseconds) minus the probe's
    double error =
        instant("instance:clock_probe_server_error_seconds{instance=\"" + fast + "\"}")
            .get(0)
            .path("value")
            .get(1)
            .asDouble();
    assertThat(error).as("the +73 s server is 73 s fast").isBetween(72.5, 73.5);
  }

  private static List<String> instancesWith(List<Alert> alerts, String name) {
    return alerts.stream()
        .filter(a -> a.name().equals(name) && ACTIVE.contains(a.state()))
        .map(a -> a.labels().get("instance"))
        .sorted()
        .toList();
  }

  private static Set<String> instances(String expr) {
    Set<String> out = new TreeSet<>();
    instant(expr).forEach(r -> out.add(r.path("metric").path("instance").asText()));
    return out;
  }

  private static List<Alert> awaitAlerts(Map<String, Map<String, String>> expected) {
    long deadline = System.nanoTime() + ALERTS_WITHIN.toNanos();
    while (true) {
      List<Alert> alerts = alerts();
      List<String> missing = new ArrayList<>();
      expected.forEach(
          (name, labels) -> {
            if (alerts.stream().noneMatch(a -> matches(a, name, labels))) {
              missing.add(name + labels);
            }
          });
      if (missing.isEmpty()) {
        log("expected alerts active (" + expected.keySet() + ")");
        return alerts;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not pending/firing within "
                + ALERTS_WITHIN.toSeconds()
                + " s: "
                + missing
                + "\n--- /api/v1/alerts ---\n"
                + alertsJson()
                + "\n--- targets ---\n"
                + targetNames()
                + "\n"
                + prometheus.logTail(20));
      }
      Wait.sleepMillis(500);
    }
  }

  private static boolean matches(Alert a, String name, Map<String, String> labels) {
    return a.name().equals(name)
        && ACTIVE.contains(a.state())
        && labels.entrySet().stream()
            .allMatch(e -> e.getValue().equals(a.labels().get(e.getKey())));
  }

  private static Alert find(List<Alert> alerts, String name, Map<String, String> labels) {
    return alerts.stream()
        .filter(a -> matches(a, name, labels))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + labels + " not active\n" + alertsJson()));
  }

  private static List<Alert> alerts() {
    JsonNode root = json(prometheus.get("/api/v1/alerts"));
    List<Alert> out = new ArrayList<>();
    for (JsonNode a : root.path("data").path("alerts")) {
      Map<String, String> labels = new LinkedHashMap<>();
      a.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      out.add(
          new Alert(
              labels.get("alertname"),
              labels,
              a.path("state").asText(),
              a.path("annotations").path("description").asText()));
    }
    return out;
  }

  private static String alertsJson() {
    return prometheus.get("/api/v1/alerts");
  }

  // ---- (a): every dashboard query returns data ----------------------------------------------

  @Test
  @Order(3)
  void everyHostDashboardQueryReturnsDataForAClientWithSources() {
    assertEveryQueryReturnsData(
        "clock-health-host.json", Map.of("cluster", ".*", "instance", target("three")));
  }

  @Test
  @Order(4)
  void everyHostDashboardQueryReturnsDataForAnInstanceWithoutClusterLabel() {
    assertEveryQueryReturnsData(
        "clock-health-host.json", Map.of("cluster", ".*", "instance", target("good+73s")));
  }

  @Test
  @Order(5)
  void everyFleetDashboardQueryReturnsData() {
    assertEveryQueryReturnsData(
        "clock-health-fleet.json", Map.of("cluster", ".*", "instance", ".*"));
    // ... also for one cluster chosen
    assertEveryQueryReturnsData(
        "clock-health-fleet.json", Map.of("cluster", CLUSTER, "instance", ".*"));
  }

  @Test
  @Order(6)
  void everyTemplateVariableQueryFindsValues() {
    for (String file : List.of("clock-health-host.json", "clock-health-fleet.json")) {
      JsonNode d = DashboardQueries.dashboard(file);
      Map<String, String> vars = Map.of("cluster", ".*", "job", JOB, "instance", ".*");
      for (JsonNode v : d.path("templating").path("list")) {
        if (!v.path("type").asText().equals("query")) {
          continue;
        }
        String q = v.path("query").path("query").asText(v.path("query").asText());
        Matcher m = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)").matcher(q);
        assertThat(m.matches()).as("%s: variable %s: %s", file, v.path("name"), q).isTrue();
        String selector = DashboardQueries.substitute(m.group(1), vars);
        JsonNode values =
            json(prometheus.api("/api/v1/label/" + m.group(2) + "/values", "match[]", selector))
                .path("data");
        Set<String> found = new TreeSet<>();
        values.forEach(n -> found.add(n.asText()));
        assertThat(found).as("%s: variable %s: %s", file, v.path("name"), selector).isNotEmpty();
        switch (v.path("name").asText()) {
          case "cluster" -> assertThat(found).containsExactly(CLUSTER);
          case "job" -> assertThat(found).containsExactly(JOB);
          case "instance" -> assertThat(found).hasSize(EXPORTERS.size());
          default -> {}
        }
      }
    }
  }

  /**
   * Every query of {@code file} but the PTP rows' has data: this fleet has no ptp4l (PtpIT checks
   * those rows against a real ptp4l).
   */
  private static void assertEveryQueryReturnsData(String file, Map<String, String> chosen) {
    Map<String, String> vars = new LinkedHashMap<>(chosen);
    vars.put("job", JOB);
    assertThat(DashboardQueries.of(file)).as(file).hasSizeGreaterThan(10);
    List<String> empty =
        DashboardQueries.withoutData(prometheus, file, q -> !q.ptpOnly(), vars, DATA_WITHIN);
    assertThat(empty).as("%s with %s: queries without data", file, chosen).isEmpty();
    log(file + " " + chosen + ": all queries but the PTP rows' with data");
  }

  // ---- Prometheus helpers -------------------------------------------------------------------

  private static JsonNode instant(String expr) {
    JsonNode root = json(prometheus.api("/api/v1/query", "query", expr));
    assertThat(root.path("status").asText()).as(expr + ": " + root).isEqualTo("success");
    JsonNode data = root.path("data");
    if (data.path("resultType").asText().equals("scalar")) {
      return JSON.createArrayNode().add(data.path("result"));
    }
    return data.path("result");
  }

  private static void awaitTargetsUp() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode active = json(prometheus.get("/api/v1/targets")).path("data").path("activeTargets");
      long up = 0;
      for (JsonNode t : active) {
        if (t.path("health").asText().equals("up")) {
          up++;
        }
      }
      if (active.size() == EXPORTERS.size() + TIME_SERVERS.size() && up == active.size()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("targets not all up:\n" + active.toPrettyString());
      }
      Wait.sleepMillis(200);
    }
  }

  private static String targetNames() {
    return EXPORTERS.entrySet().stream()
        .map(e -> e.getKey() + "=127.0.0.1:" + e.getValue().port())
        .collect(Collectors.joining(", "));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void log(String what) {
    System.out.printf("PrometheusEndToEndIT +%.1f s: %s%n", (System.nanoTime() - T0) / 1e9, what);
  }
}
