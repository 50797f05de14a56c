package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.collect.Collected;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.ExecutableResolver;
import io.clockhealth.exporter.exec.ProcessRunner;
import io.clockhealth.exporter.metrics.ClockMetrics;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.clockhealth.exporter.testing.ScrapedMetrics.Sample;
import io.clockhealth.exporter.testing.TestDaemons;
import io.clockhealth.exporter.testing.UdpRelay;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-process collection ({@code chronyc -m}) against a real chronyd: it serves the same series
 * and values as each command's own output gives through the {@code parse} formats, over the socket
 * and over UDP (where chronyd refuses the socket-only reports), and a daemon killed between two
 * commands of the one call leaves nothing of that call served.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#CHRONY_BATCH_IT}. A server chronyd ({@code
 * local stratum 5}) on address/port 0; a client polling it and address/port 8 where nothing answers
 * (reach stays 0), answering chronyc on its socket and on UDP address/port 1. For the kill tests a
 * second client answers on UDP address/port 2 behind a relay on address/port 3. Every chronyd runs
 * with {@code -x} under {@code setpriv --bounding-set=-sys_time} (the {@link Chronyd} fixture).
 */
class ChronyBatchIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.CHRONY_BATCH_IT;
  private static final String SERVER = RANGE.address(0);
  private static final int SERVER_PORT = RANGE.port(0);
  private static final String CLIENT_UDP = RANGE.address(1);
  private static final int CLIENT_UDP_PORT = RANGE.port(1);
  private static final String VICTIM_UDP = RANGE.address(2);
  private static final int VICTIM_UDP_PORT = RANGE.port(2);
  private static final String RELAY = RANGE.address(3);
  private static final int RELAY_PORT = RANGE.port(3);
  private static final String NOBODY = RANGE.address(8);
  private static final int NOBODY_PORT = RANGE.port(8);

  /** Values that move between two reads a few ms apart: ages, dispersion, drifting estimates. */
  private static final double TOLERANCE = 0.05;

  /** chronyc prints sample ages in whole seconds. */
  private static final double AGE_TOLERANCE = 1.0;

  /** What a counter may grow by between the call and the separate reads (a few packets each). */
  private static final double COUNTED = 100;

  private static Chronyd server;
  private static Chronyd client;

  @BeforeAll
  static void startDaemons() {
    server =
        Chronyd.builder(ChronyBatchIT.class, "server")
            .config(
                "local stratum 5",
                "allow 127.0.0.0/8",
                "bindaddress " + SERVER,
                "port " + SERVER_PORT)
            .start();
    client = client("client", CLIENT_UDP, CLIENT_UDP_PORT);
    await("the client selects its server")
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.states().contains("*"));
  }

  @AfterAll
  static void stopDaemons() {
    for (Chronyd d : new Chronyd[] {client, server}) {
      if (d != null) {
        d.stop();
      }
    }
  }

  private static Chronyd client(String name, String udpAddress, int udpPort) {
    // Polls every 64 s after the first burst, so values hold still between two reads.
    return Chronyd.builder(ChronyBatchIT.class, name)
        .config(
            "server " + SERVER + " port " + SERVER_PORT + " iburst minpoll 6 maxpoll 6",
            "server " + NOBODY + " port " + NOBODY_PORT + " minpoll 6 maxpoll 6",
            "port 0")
        .udpCommandPort(udpAddress, udpPort)
        .start();
  }

  @Test
  void overTheSocketOneCallServesWhatEachCommandGivesThroughParse() throws Exception {
    ChronyCollector collector = collector("-h", client.socketPath().toString());
    CollectionResult result = Collected.once(collector);
    ScrapedMetrics separate =
        separately(List.of("-h", client.socketPath().toString()), ChronyParsers.BATCH);
    assertThat(result.success()).isTrue();
    assertThat(result.report().serverStats()).isNotEmpty();
    assertThat(result.report().sources())
        .allSatisfy(s -> assertThat(s.selectionReason()).isNotNull());
    assertSameSeries(exposition(result.report()), separate);
  }

  @Test
  void overUdpTheSocketOnlyReportsAreRefusedAndOnlyThosePartsAreOff() throws Exception {
    List<String> udp = List.of("-h", CLIENT_UDP, "-p", String.valueOf(CLIENT_UDP_PORT));
    ChronyCollector collector = collector(udp.toArray(String[]::new));
    for (int scrape = 0; scrape < 2; scrape++) {
      CollectionResult result = Collected.once(collector);
      ScrapedMetrics separate =
          separately(udp, List.of("tracking", "sources", "sourcestats", "activity"));
      assertThat(result.success()).as("scrape %d", scrape).isTrue();
      assertThat(result.report().serverStats()).isEmpty();
      assertThat(result.report().sources()).hasSize(2);
      assertSameSeries(exposition(result.report()), separate);
    }
  }

  /**
   * chronyd killed while one chronyc call runs: request 2 is the first of {@code sources} (after
   * tracking's one), request 3 the first source's data after the source count.
   */
  @ParameterizedTest(name = "killed before request {0} of the call")
  @ValueSource(ints = {2, 3})
  void aDaemonKilledDuringTheCallIsDownWithNothingOfTheCallKept(int request) throws Exception {
    Chronyd victim = client("victim-" + request, VICTIM_UDP, VICTIM_UDP_PORT);
    try (UdpRelay relay =
        new UdpRelay(
            new InetSocketAddress(RELAY, RELAY_PORT),
            new InetSocketAddress(VICTIM_UDP, VICTIM_UDP_PORT),
            n -> n == request,
            victim::stop)) {
      ChronyCollector collector = collector("-h", RELAY, "-p", String.valueOf(RELAY_PORT));
      CollectionResult result = Collected.once(collector);
      assertThat(relay.requests()).isEqualTo(request);
      assertThat(victim.isAlive()).isFalse();
      assertThat(result.success()).isFalse();
      assertThat(result.report().daemonUp()).isFalse();
      assertThat(result.report().system()).isNull();
      assertThat(result.report().sources()).isEmpty();
    } finally {
      victim.stop();
    }
  }

  private static ChronyCollector collector(String... args) {
    return new ChronyCollector(
        new ProcessRunner(new ExecutableResolver(), System.getenv(), 1),
        new ToolSettings(
            true,
            TestDaemons.get().chronyc().toString(),
            List.of(args),
            Duration.ofSeconds(5),
            1 << 20));
  }

  /**
   * What the collection takes from each report that adds to {@code sources} (the rest of what its
   * {@code parse} format gives, such as ntpdata's own view of a source's offset, is not served).
   */
  private static final Map<String, List<String>> ADDED_SERIES =
      Map.of(
          "selectdata",
          List.of("clock_source_selection_info", "clock_source_selection_score"),
          "ntpdata",
          List.of(
              "clock_source_packets_",
              "clock_source_interleaved",
              "clock_source_authenticated",
              "clock_source_delay_seconds"),
          "authdata",
          List.of("clock_source_nts_"));

  /**
   * Each command run on its own and its output read by its {@code parse} format; of the reports
   * that add to {@code sources}, the series they add.
   */
  private static ScrapedMetrics separately(List<String> target, List<String> commands)
      throws Exception {
    Map<String, OutputFormat> formats = new LinkedHashMap<>();
    ChronyFormats.all().forEach(f -> formats.put(f.name(), f));
    StringBuilder text = new StringBuilder();
    for (String command : commands) {
      List<String> args = new ArrayList<>(target);
      args.addAll(List.of("-n", "-c", command));
      String output = chronyc(args);
      DaemonReport report = formats.get("chronyc-" + command).parse(output);
      List<String> added = ADDED_SERIES.get(command);
      String exposition = exposition(report);
      if (added != null) {
        exposition =
            exposition
                .lines()
                .filter(l -> !l.startsWith("#") && added.stream().anyMatch(l::startsWith))
                .map(l -> l + "\n")
                .collect(Collectors.joining());
      }
      text.append(exposition);
    }
    return ScrapedMetrics.parse(text.toString());
  }

  private static String chronyc(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(TestDaemons.get().chronyc().toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s printed %s", command, out).isZero();
    return out;
  }

  private static String exposition(DaemonReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, new ClockMetrics().report(report).build());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The same series (name and labels) on both sides, and the same values within a tolerance. */
  private static void assertSameSeries(String batchText, ScrapedMetrics separate) {
    ScrapedMetrics batchMetrics = ScrapedMetrics.parse(batchText);
    // A captured output says nothing of whether the daemon is up; the collector knows it is.
    assertThat(batchMetrics.valueOf("clock_daemon_up", "daemon", "chrony")).isEqualTo(1.0);
    Map<String, Double> batch = keyed(batchMetrics.samples());
    batch.remove("clock_daemon_up{daemon=chrony}");
    Map<String, Double> expected = keyed(separate.samples());
    assertThat(batch.keySet())
        .as("series of the one call")
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (series, value) -> {
          if (series.contains("_total{")) {
            // Counters went on counting: the separate commands are packets to chronyd too.
            assertThat(batch.get(series)).as("%s", series).isBetween(value - COUNTED, value);
          } else {
            assertThat(batch.get(series))
                .as("%s", series)
                .isCloseTo(value, org.assertj.core.api.Assertions.within(tolerance(series, value)));
          }
        });
  }

  private static double tolerance(String series, double value) {
    if (series.contains("_age_seconds{")) {
      return AGE_TOLERANCE; // whole seconds: may tick between the two reads
    }
    return Math.max(TOLERANCE, Math.abs(value) * 1e-3);
  }

  private static Map<String, Double> keyed(List<Sample> samples) {
    Map<String, Double> byKey = new LinkedHashMap<>();
    samples.forEach(s -> byKey.put(s.name() + s.labels(), s.value()));
    return byKey;
  }
}
