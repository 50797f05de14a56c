package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.metrics.SourceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector's decisions, with the command runner (our seam) mocked. */
class NtpdCollectorTest {

  private final CommandRunner runner = mock(CommandRunner.class);
  private final Map<String, String> outputs = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private final Map<String, CommandResult.Outcome> outcomes = new HashMap<>();
  private final List<List<String>> commands = new ArrayList<>();
  private NtpdCollector collector;

  @BeforeEach
  void setUp() throws Exception {
    outputs.put("rv", NtpqFixtures.capture("3src-rv.txt"));
    outputs.put("-pnw", NtpqFixtures.capture("3src-pn.txt"));
    when(runner.run(any()))
        .thenAnswer(
            invocation -> {
              CommandSpec spec = invocation.getArgument(0);
              commands.add(spec.arguments());
              String key = spec.arguments().contains("rv") ? "rv" : "-pnw";
              return new CommandResult(
                  spec,
                  outcomes.getOrDefault(key, CommandResult.Outcome.COMPLETED),
                  exitCodes.getOrDefault(key, 0),
                  outputs.get(key),
                  "",
                  Duration.ofMillis(5),
                  "");
            });
    collector =
        new NtpdCollector(
            runner,
            new ToolSettings(true, "ntpq", List.of("127.0.0.1"), Duration.ofSeconds(2), 65536));
  }

  @Test
  void asksRvThenPeersWithTheHostLast() {
    collector.collect();
    assertThat(commands)
        .containsExactly(List.of("-c", "rv", "127.0.0.1"), List.of("-pnw", "127.0.0.1"));
  }

  @Test
  void healthyNtpdYieldsSystemAndSources() {
    CollectionResult result = collector.collect();
    assertThat(result.success()).isTrue();
    assertThat(result.report().daemonUp()).isTrue();
    assertThat(result.report().system().synchronized_()).isTrue();
    assertThat(result.report().system().offsetSeconds()).isCloseTo(6.503e-6, within(1e-12));
    assertThat(result.report().sources())
        .extracting(s -> s.state())
        .contains(SourceState.SELECTED, SourceState.FALSETICKER);
  }

  @Test
  void ntpdNotAnsweringMeansDown() {
    outputs.put("rv", "127.0.0.1: timed out, nothing received\n***Request timed out\n");
    exitCodes.put("rv", 1);
    CollectionResult result = collector.collect();
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(commands).hasSize(1);
  }

  @Test
  void noAssociationsIsAnEmptySourceTableNotAFailure() {
    outputs.put("-pnw", "No association ID's returned\n");
    CollectionResult result = collector.collect();
    assertThat(result.success()).isTrue();
    assertThat(result.report().sources()).isEmpty();
  }

  @Test
  void garbagePeersFailTheCollectorButKeepTheSystemView() {
    outputs.put("-pnw", "\uFFFD garbage\n");
    CollectionResult result = collector.collect();
    assertThat(result.success()).isFalse();
    assertThat(result.report().system()).isNotNull();
  }

  @Test
  void aHangingNtpqMeansDown() {
    outcomes.put("rv", CommandResult.Outcome.TIMED_OUT);
    CollectionResult result = collector.collect();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(commands).hasSize(1);
  }
}
