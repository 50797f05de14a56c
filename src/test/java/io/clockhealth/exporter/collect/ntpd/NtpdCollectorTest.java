package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.clockhealth.exporter.collect.Collected;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.parse.Fixtures;
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
  private final Map<String, String> errors = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private final Map<String, CommandResult.Outcome> outcomes = new HashMap<>();
  private final List<List<String>> commands = new ArrayList<>();
  private NtpdCollector collector;

  @BeforeEach
  void setUp() throws Exception {
    outputs.put("rv", Fixtures.NTPQ.capture("3src-rv.txt"));
    outputs.put("peers", Fixtures.NTPQ.capture("3src-pn.txt"));
    // Like ntpq with several commands: each one's data on stdout and its errors on stderr, in
    // order, going on after a failure.
    when(runner.run(any()))
        .thenAnswer(
            invocation -> {
              CommandSpec spec = invocation.getArgument(0);
              commands.add(spec.arguments());
              StringBuilder stdout = new StringBuilder();
              StringBuilder stderr = new StringBuilder();
              for (String command : List.of("rv", "peers")) {
                stdout.append(outputs.getOrDefault(command, ""));
                stderr.append(errors.getOrDefault(command, ""));
              }
              return new CommandResult(
                  spec,
                  outcomes.getOrDefault("call", CommandResult.Outcome.COMPLETED),
                  exitCodes.getOrDefault("call", 0),
                  stdout.toString(),
                  stderr.toString(),
                  Duration.ofMillis(5),
                  "");
            });
    collector =
        new NtpdCollector(
            runner,
            new ToolSettings(true, "ntpq", List.of("127.0.0.1"), Duration.ofSeconds(2), 65536));
  }

  @Test
  void asksRvThenPeersInOneNtpqWithTheHostLast() {
    Collected.once(collector);
    assertThat(commands).containsExactly(List.of("-n", "-w", "-c", "rv", "-p", "127.0.0.1"));
  }

  @Test
  void healthyNtpdYieldsSystemAndSources() {
    CollectionResult result = Collected.once(collector);
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
    outputs.clear();
    errors.put("rv", "127.0.0.1: timed out, nothing received\n***Request timed out\n");
    errors.put("peers", "127.0.0.1: timed out, nothing received\n***Request timed out\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(commands).hasSize(1);
  }

  @Test
  void noAssociationsIsAnEmptySourceTableNotAFailure() {
    outputs.remove("peers");
    errors.put("peers", "No association ID's returned\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isTrue();
    assertThat(result.report().sources()).isEmpty();
  }

  @Test
  void garbagePeersFailTheCollectorButKeepTheSystemView() {
    outputs.put("peers", "\uFFFD garbage\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().system()).isNotNull();
  }

  @Test
  void aNonZeroExitWithoutAnErrorMessageIsAFailureWithUnknownDaemonState() {
    exitCodes.put("call", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
  }

  @Test
  void ntpdDyingBetweenRvAndPeersMeansDownWithNothingKept() {
    outputs.remove("peers");
    errors.put("peers", "***Request timed out\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aHangingNtpqMeansDown() {
    outcomes.put("call", CommandResult.Outcome.TIMED_OUT);
    CollectionResult result = Collected.once(collector);
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(commands).hasSize(1);
  }
}
