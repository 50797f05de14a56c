package io.clockhealth.exporter.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.ServerStat;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class SourceCapTest {

  private final Logger log = mock(Logger.class);
  private final SourceCap cap = new SourceCap(3, log);

  private static CollectionResult withSources(int count) {
    List<SourceStatus> sources =
        IntStream.range(0, count)
            .mapToObj(i -> SourceStatus.builder("10.0.0." + i).build())
            .toList();
    return new CollectionResult(
        true,
        new DaemonReport(
            Daemon.CHRONY,
            true,
            SystemStatus.builder().stratum(3).build(),
            sources,
            List.of(new ServerStat("clock_server_packets_received_total", "h", 7, true))));
  }

  @Test
  void aReportWithinTheCapIsServedAsItIs() {
    CollectionResult result = withSources(3);
    assertThat(cap.apply("chrony", result)).isSameAs(result);
    verifyNoInteractions(log);
  }

  @Test
  void sourcesBeyondTheCapAreDroppedAndTheRestKept() {
    CollectionResult capped = cap.apply("chrony", withSources(5));
    assertThat(capped.success()).isTrue();
    assertThat(capped.report().sources())
        .extracting(SourceStatus::source)
        .containsExactly("10.0.0.0", "10.0.0.1", "10.0.0.2");
    assertThat(capped.report().system()).isEqualTo(withSources(0).report().system());
    assertThat(capped.report().serverStats()).hasSize(1);
    assertThat(capped.report().daemonUp()).isTrue();
  }

  @Test
  void saysSoOncePerCollector() {
    for (int i = 0; i < 4; i++) {
      cap.apply("chrony", withSources(5));
    }
    cap.apply("ntpd", withSources(9));
    verify(log, times(1)).warn(anyString(), eq("chrony"), eq(5), eq(3));
    verify(log, times(1)).warn(anyString(), eq("ntpd"), eq(9), eq(3));
  }
}
