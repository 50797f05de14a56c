package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.BuildInfo;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.HostCollection;
import io.clockhealth.exporter.collect.HostOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedExpositionsTest {

  private static final BuildInfo BUILD = new BuildInfo("1", "r");
  private static final EscapingScheme ESCAPING = EscapingScheme.fromAcceptHeader(null);
  private static final ExpositionFormats FORMATS = ExpositionFormats.init();
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private final SharedExpositions shared = new SharedExpositions();
  private final AtomicInteger serialised = new AtomicInteger();

  private MetricSnapshots countingCollected(ScrapeResult scrape) {
    serialised.incrementAndGet();
    return scrape.collectedSnapshots(BUILD);
  }

  private static CollectorOutcome run(double offset) {
    SystemStatus system = SystemStatus.builder().offsetSeconds(offset).stratum(2).build();
    return new CollectorOutcome(
        "chrony",
        new CollectionResult(
            true,
            new DaemonReport(
                Daemon.CHRONY,
                true,
                system,
                List.of(SourceStatus.builder("10.0.0.1").reachability(255).build()),
                List.of())),
        0.01);
  }

  @Test
  void scrapesOfOneRunShareOneSerialisationPerFormat() {
    CollectorOutcome run = run(1e-3);
    ExpositionFormatWriter text = FORMATS.getPrometheusTextFormatWriter();
    ExpositionFormatWriter openMetrics = FORMATS.getOpenMetricsTextFormatWriter();
    byte[] first =
        shared.body(new ScrapeResult(100, List.of(run)), text, ESCAPING, this::countingCollected);
    byte[] second =
        shared.body(new ScrapeResult(101, List.of(run)), text, ESCAPING, this::countingCollected);
    assertThat(second).isSameAs(first);
    assertThat(serialised).hasValue(1);
    byte[] other =
        shared.body(
            new ScrapeResult(102, List.of(run)), openMetrics, ESCAPING, this::countingCollected);
    assertThat(other).isNotSameAs(first);
    assertThat(serialised).hasValue(2);
  }

  @Test
  void aNewRunOfTheHostCollectorIsSerialisedAfreshWithTheSameDaemonRuns() {
    ExpositionFormatWriter text = FORMATS.getPrometheusTextFormatWriter();
    CollectorOutcome run = run(1e-3);
    HostOutcome host = new HostOutcome(new HostCollection(true, HostClock.NONE), 0.001);
    byte[] first =
        shared.body(
            new ScrapeResult(100, host, List.of(run)), text, ESCAPING, this::countingCollected);
    byte[] same =
        shared.body(
            new ScrapeResult(101, host, List.of(run)), text, ESCAPING, this::countingCollected);
    assertThat(same).isSameAs(first);
    HostOutcome next = new HostOutcome(new HostCollection(true, HostClock.NONE), 0.001);
    byte[] fresh =
        shared.body(
            new ScrapeResult(102, next, List.of(run)), text, ESCAPING, this::countingCollected);
    assertThat(fresh).isNotSameAs(first);
    assertThat(serialised).hasValue(2);
  }

  @Test
  void aNewRunIsSerialisedAfreshEvenWithEqualValues() {
    ExpositionFormatWriter text = FORMATS.getPrometheusTextFormatWriter();
    byte[] first =
        shared.body(
            new ScrapeResult(100, List.of(run(1e-3))), text, ESCAPING, this::countingCollected);
    byte[] next =
        shared.body(
            new ScrapeResult(100, List.of(run(1e-3))), text, ESCAPING, this::countingCollected);
    assertThat(next).isNotSameAs(first).isEqualTo(first);
    byte[] changed =
        shared.body(
            new ScrapeResult(100, List.of(run(2e-3))), text, ESCAPING, this::countingCollected);
    assertThat(new String(changed, StandardCharsets.UTF_8)).contains("0.002");
    assertThat(serialised).hasValue(3);
  }

  /** Host clock + shared body is the whole exposition, in every text format, trailer once. */
  @Test
  void headAndBodyMakeTheWholeExposition() throws IOException {
    ScrapeResult scrape = new ScrapeResult(1_700_000_000.25, List.of(run(1e-3)));
    for (ExpositionFormatWriter writer :
        List.of(
            FORMATS.getPrometheusTextFormatWriter(), FORMATS.getOpenMetricsTextFormatWriter())) {
      String joined =
          new String(SharedExpositions.head(writer, scrape.hostTimeSnapshots(), ESCAPING), UTF8)
              + new String(shared.body(scrape, writer, ESCAPING, this::countingCollected), UTF8);
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      writer.write(whole, scrape.toSnapshots(BUILD), ESCAPING);
      assertThat(joined.lines().sorted().toList())
          .as(writer.getContentType())
          .isEqualTo(whole.toString(UTF8).lines().sorted().toList());
      assertThat(joined).contains("clock_time_seconds 1.70000000025E9");
      assertThat(joined.lines().filter("# EOF"::equals).count())
          .isEqualTo(whole.toString(UTF8).lines().filter("# EOF"::equals).count());
    }
  }

  @Test
  void protobufHeadIsOneDelimitedFamily() throws IOException {
    ExpositionFormatWriter protobuf = FORMATS.getPrometheusProtobufWriter();
    ScrapeResult scrape = new ScrapeResult(5, List.of(run(1e-3)));
    byte[] head = SharedExpositions.head(protobuf, scrape.hostTimeSnapshots(), ESCAPING);
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    protobuf.write(whole, scrape.hostTimeSnapshots(), ESCAPING);
    assertThat(head).isEqualTo(whole.toByteArray());
  }
}
