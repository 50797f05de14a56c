package io.clockhealth.exporter.faults;

import static io.clockhealth.exporter.faults.FaultChecks.assertFailedWithoutValues;
import static io.clockhealth.exporter.faults.FaultChecks.assertNothingLeft;
import static io.clockhealth.exporter.faults.FaultChecks.assertOneWarning;
import static io.clockhealth.exporter.faults.FaultChecks.chronyOnly;
import static io.clockhealth.exporter.faults.FaultChecks.logMark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.UdpRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real chronyd killed (SIGKILL) in the middle of a scrape: before the scrape's one chronyc call
 * reached it (the exporter's chronyc is a wrapper that waits at a gate the test holds, then execs
 * the real chronyc), and inside that call, between {@code tracking} and {@code sources} (chronyc
 * talks to chronyd's UDP command port through a {@link UdpRelay} that kills chronyd before the
 * second request). Then: HTTP 200 within the timeout, collector success 0, {@code clock_daemon_up
 * 0}, no chrony value (not even one measured by an earlier command of the same scrape), one WARN
 * line naming the command and the reason, nothing of the wrapper left running. A last test scrapes
 * in a tight loop from several clients while chronyd is killed.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#CHRONYD_KILLED_IT}. A server chronyd
 * ({@code local stratum 10}) on the first address and port, and per test a client chronyd polling
 * it (no NTP port of its own) that the exporter watches and the test kills. Both run with {@code
 * -x} under {@code setpriv --bounding-set=-sys_time} (the {@link Chronyd} fixture).
 */
class ChronydKilledIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONYD_KILLED_IT;
  private static final String SERVER = RANGE.address(0);
  private static final int PORT = RANGE.port(0);
  private static final String CLIENT_UDP = RANGE.address(1);
  private static final int CLIENT_UDP_PORT = RANGE.port(1);
  private static final String RELAY = RANGE.address(2);
  private static final int RELAY_PORT = RANGE.port(2);

  private static Chronyd server;

  private final String marker = "clock-it-kill-" + UUID.randomUUID();
  private Chronyd client;
  private Path dir;
  private Path wrapper;

  @BeforeAll
  static void startServer() {
    server = Chronyd.builder(ChronydKilledIT.class, "server").localServer(SERVER, PORT).start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void startClientAndWrapper() throws IOException {
    client =
        Chronyd.builder(ChronydKilledIT.class, "client-" + marker.substring(marker.length() - 8))
            .config(
                "server " + SERVER + " port " + PORT + " iburst minpoll -2 maxpoll -2", "port 0")
            .udpCommandPort(CLIENT_UDP, CLIENT_UDP_PORT)
            .start();
    dir = TestDaemons.targetDir().resolve("it-daemons/ChronydKilledIT").resolve(marker);
    Files.createDirectories(dir);
    wrapper =
        FaultChecks.script(
            dir.resolve("chronyc"),
            "# chronyc wrapper of "
                + marker
                + ": waits while ./gate exists, then runs the real chronyc\n"
                + "dir='"
                + dir
                + "'\n"
                + "if [ -e \"$dir/gate\" ]; then\n"
                + "  : > \"$dir/reached\"\n"
                + "  while [ -e \"$dir/gate\" ]; do sleep 0.01; done\n"
                + "fi\n"
                + "exec '"
                + TestDaemons.get().chronyc()
                + "' \"$@\"\n");
  }

  @AfterEach
  void cleanUp() {
    if (client != null) {
      client.stop();
    }
    FaultChecks.killMarked(marker);
  }

  /** Killed after the scrape started, before its chronyc reached chronyd. */
  @Test
  void killedBeforeTracking() throws Exception {
    try (ExporterProcess exporter =
        healthyExporter("before", "--collector.chrony.args=-h " + client.socketPath())) {
      int mark = logMark(exporter);
      Path gate = Files.createFile(dir.resolve("gate"));
      CompletableFuture<ScrapedMetrics> scrape = CompletableFuture.supplyAsync(exporter::scrape);
      await("the scrape's chronyc waits at the gate")
          .atMost(Duration.ofSeconds(5))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(5))
          .until(() -> Files.exists(dir.resolve("reached")) || scrape.isDone());
      assertThat(scrape).as("scrape finished before chronyc ran").isNotDone();
      kill(client);
      Files.delete(gate);
      assertDiedInScrape(exporter, scrape.get(10, TimeUnit.SECONDS));
      assertOneWarning(
          exporter,
          mark,
          wrapper + " -h " + client.socketPath() + " " + ChronycFaultsIT.BATCH,
          "Could not open connection to daemon");
      assertNothingLeft(marker, exporter.pid());
    }
  }

  /**
   * Killed inside the one chronyc call, after {@code tracking} answered and before {@code sources}
   * reached chronyd (a relay on its UDP command port kills it before the second request): the
   * values tracking gave a moment earlier belong to a daemon that is gone by the time the scrape
   * answers.
   */
  @Test
  void killedBetweenTrackingAndSources() throws Exception {
    AtomicBoolean armed = new AtomicBoolean();
    AtomicInteger armedAt = new AtomicInteger();
    try (UdpRelay relay =
            new UdpRelay(
                new InetSocketAddress(RELAY, RELAY_PORT),
                new InetSocketAddress(CLIENT_UDP, CLIENT_UDP_PORT),
                n -> armed.get() && n == armedAt.get() + 2,
                () -> kill(client));
        ExporterProcess exporter =
            healthyExporter(
                "between", "--collector.chrony.args=-h " + RELAY + " -p " + RELAY_PORT)) {
      int mark = logMark(exporter);
      // The next call's first request is tracking's; kill before the one after it.
      armedAt.set(relay.requests());
      armed.set(true);
      assertDiedInScrape(exporter, exporter.scrape());
      assertThat(client.isAlive()).isFalse();
      assertOneWarning(
          exporter,
          mark,
          // Over UDP chronyd refused serverstats in the first scrape: it is not asked any more.
          wrapper + " -h " + RELAY + " -p " + RELAY_PORT + " -m -n -c tracking sources sourcestats",
          "reported \"506 Cannot talk to daemon\"");
      assertNothingLeft(marker, exporter.pid());
    }
  }

  /** The scrape chronyd died in, and the two after it: failed, down, and no chrony value. */
  private static void assertDiedInScrape(ExporterProcess exporter, ScrapedMetrics during) {
    // All three at once, so a failure shows the whole picture of the scrape chronyd died in.
    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(during.valueOf("clock_scrape_collector_success", "collector", "chrony"))
              .as("collector success in the scrape chronyd died in")
              .isEqualTo(0.0);
          soft.assertThat(during.valueOf("clock_daemon_up", "daemon", "chrony"))
              .as("clock_daemon_up in the scrape chronyd died in")
              .isEqualTo(0.0);
          soft.assertThat(during.value("clock_offset_seconds", "daemon", "chrony"))
              .as("clock_offset_seconds in the scrape chronyd died in")
              .isEmpty();
        });
    assertFailedWithoutValues(exporter, during);
    for (int i = 0; i < 2; i++) {
      ScrapedMetrics after = exporter.scrape();
      assertFailedWithoutValues(exporter, after);
      assertThat(after.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(0.0);
    }
  }

  /**
   * Four clients scrape back to back while chronyd is killed: every answer is a 200 with a valid
   * exposition within the timeout, and once the kill is over the daemon is reported down with no
   * values.
   */
  @Test
  void killedUnderConcurrentScrapes() throws Exception {
    try (ExporterProcess exporter =
        healthyExporter("loop", "--collector.chrony.args=-h " + client.socketPath())) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      URI metrics = exporter.baseUri().resolve("/metrics");
      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<CompletableFuture<Void>> loops = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        loops.add(
            CompletableFuture.runAsync(
                () -> scrapeUntil(http, metrics, stop, problems, latencies), clients));
      }
      try {
        await("scrapes before the kill")
            .atMost(Duration.ofSeconds(5))
            .until(() -> latencies.size() >= 20);
        kill(client);
        int atKill = latencies.size();
        await("scrapes after the kill")
            .atMost(Duration.ofSeconds(10))
            .until(() -> latencies.size() >= atKill + 40);
      } finally {
        stop.set(true);
        CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        clients.shutdown();
      }
      assertThat(problems).as("failed scrapes\n%s", exporter.log()).isEmpty();
      assertThat(latencies.stream().mapToLong(Long::longValue).max().orElseThrow())
          .as("slowest scrape (ms) of %d", latencies.size())
          .isLessThan(FaultChecks.TIMEOUT.plus(FaultChecks.SLACK).toMillis());
      ScrapedMetrics after = exporter.scrape();
      assertFailedWithoutValues(exporter, after);
      assertThat(after.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(0.0);
      assertNothingLeft(marker, exporter.pid());
    }
  }

  private static void scrapeUntil(
      HttpClient http,
      URI metrics,
      AtomicBoolean stop,
      ConcurrentLinkedQueue<String> problems,
      ConcurrentLinkedQueue<Long> latencies) {
    HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build();
    while (!stop.get() && problems.size() < 10) {
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        latencies.add((System.nanoTime() - t0) / 1_000_000);
        if (r.statusCode() != 200) {
          problems.add("HTTP " + r.statusCode() + ": " + r.body());
        } else {
          ScrapedMetrics m = ScrapedMetrics.parse(r.body());
          m.valueOf("clock_scrape_collector_success", "collector", "chrony");
        }
      } catch (IOException | RuntimeException | AssertionError e) {
        problems.add(e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private ExporterProcess healthyExporter(String name, String chronycArgs) {
    ExporterProcess exporter =
        ExporterProcess.builder(ChronydKilledIT.class, name)
            .args(chronyOnly(wrapper, chronycArgs))
            .start();
    try {
      exporter.awaitScrape(Duration.ofSeconds(15), FaultChecks::assertHealthy);
      return exporter;
    } catch (RuntimeException | Error e) {
      exporter.close();
      throw e;
    }
  }

  /** SIGKILL to the chronyd this test started (its PID, checked by name), and wait for it. */
  private static void kill(Chronyd chronyd) {
    assertThat(Chronyd.comm(chronyd.pid())).isEqualTo("chronyd");
    ProcessHandle.of(chronyd.pid()).ifPresent(ProcessHandle::destroyForcibly);
    await("chronyd " + chronyd.name() + " exits")
        .atMost(Duration.ofSeconds(5))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> !chronyd.isAlive());
  }
}
