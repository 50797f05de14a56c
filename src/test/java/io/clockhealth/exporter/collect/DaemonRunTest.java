package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.SourceStatus;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DaemonRunTest {

  private static final DaemonReport SAID =
      new DaemonReport(
          Daemon.CHRONY, true, null, List.of(SourceStatus.builder("a").build()), List.of());

  private static DaemonCollector reading(Supplier<Reading> read) {
    return new DaemonCollector() {
      @Override
      public Daemon daemon() {
        return Daemon.CHRONY;
      }

      @Override
      public Reading read() {
        return read.get();
      }
    };
  }

  @Test
  void aReadingWithoutProblemsIsASuccessServingTheReport() {
    CollectorOutcome outcome = DaemonRun.of(reading(() -> new Reading.Read(SAID, List.of()))).run();
    assertThat(outcome.collector()).isEqualTo("chrony");
    assertThat(outcome.result().success()).isTrue();
    assertThat(outcome.result().report()).isEqualTo(SAID);
    assertThat(outcome.durationSeconds()).isNotNegative();
  }

  @Test
  void problemsFailTheCollectionButKeepWhatTheOtherCommandsSaid() {
    CollectionResult result =
        DaemonRun.of(reading(() -> new Reading.Read(SAID, List.of("sources failed"))))
            .run()
            .result();
    assertThat(result.success()).isFalse();
    assertThat(result.report()).isEqualTo(SAID);
  }

  @Test
  void anUnreadDaemonServesNothingButWhetherItAnswered() {
    CollectionResult stopped =
        DaemonRun.of(reading(() -> new Reading.Unread("chronyc: 506", false))).run().result();
    assertThat(stopped.success()).isFalse();
    assertThat(stopped.report()).isEqualTo(DaemonReport.empty(Daemon.CHRONY, false));
    CollectionResult missing =
        DaemonRun.of(reading(() -> new Reading.Unread("no chronyc", null))).run().result();
    assertThat(missing.report().daemonUp()).isNull();
  }

  @Test
  void aCollectorsBugCostsItsSeriesNotTheScrape() {
    CollectionResult result =
        DaemonRun.of(
                reading(
                    () -> {
                      throw new IllegalStateException("bug");
                    }))
            .run()
            .result();
    assertThat(result.success()).isFalse();
    assertThat(result.report()).isEqualTo(DaemonReport.empty(Daemon.CHRONY, null));
  }

  @Test
  void theDaemonStoppedAnsweringWhenAnyAskedStepSaysSo() {
    Step<String> answered = Step.success("x");
    Step<String> gone = Step.failure("506", false, null, false);
    assertThat(Reading.daemonStopped(answered, null, gone)).containsSame(gone);
    assertThat(Reading.daemonStopped(answered, Step.failure("bad", null, null, false))).isEmpty();
  }
}
