package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.clockhealth.exporter.collect.Collected;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.model.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The collector's decisions, with the command runner (our seam) mocked. */
class ChronyCollectorTest {

  private static final String TRACKING =
      "7F000015,127.0.0.21,11,1795263871.125331117,-0.000001202,0.000000023,31.424114227,"
          + "-0.095,0.004,0.206,0.000004427,0.000001784,0.3,Normal\n";
  private static final String SOURCES =
      """
      ^,*,127.0.0.21,10,-1,377,0,0.000001175,0.000001198,0.000004071
      ^,+,127.0.0.22,10,-1,377,0,0.000000508,0.000000508,0.000003233
      ^,x,127.0.0.23,10,-1,377,0,-73.000015259,-73.000015259,0.000020739
      """;
  private static final String SOURCESTATS =
      """
      127.0.0.21,19,11,4,-0.017,0.213,-0.000000876,0.000000315
      127.0.0.22,12,6,5,0.029,0.359,0.000000751,0.000000421
      127.0.0.23,20,12,5,-0.950,2.981,-73.000015259,0.000004676
      """;
  private static final String SERVERSTATS = "39,0,3,0,0,0,0,0,0,0,0\n";

  private final CommandRunner runner = mock(CommandRunner.class);
  private final Map<String, CommandResult.Outcome> outcomes = new HashMap<>();
  private final Map<String, String> outputs = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
  private ChronyCollector collector;

  @BeforeEach
  void setUp() {
    outputs.put("tracking", TRACKING);
    outputs.put("sources", SOURCES);
    outputs.put("sourcestats", SOURCESTATS);
    outputs.put("serverstats", SERVERSTATS);
    // Like chronyc -m: each command's output in order, stopping after the first that fails.
    when(runner.run(any()))
        .thenAnswer(
            invocation -> {
              CommandSpec spec = invocation.getArgument(0);
              List<String> args = spec.arguments();
              List<String> commands = args.subList(args.indexOf("-c") + 1, args.size());
              calls.add(List.copyOf(commands));
              StringBuilder stdout = new StringBuilder();
              int exit = 0;
              CommandResult.Outcome outcome = CommandResult.Outcome.COMPLETED;
              for (String command : commands) {
                outcome = outcomes.getOrDefault(command, outcome);
                stdout.append(outputs.getOrDefault(command, ""));
                exit = exitCodes.getOrDefault(command, 0);
                if (exit != 0) {
                  break;
                }
              }
              return new CommandResult(
                  spec, outcome, exit, stdout.toString(), "", Duration.ofMillis(3), "");
            });
    collector =
        new ChronyCollector(
            runner,
            new ToolSettings(
                true,
                "/usr/bin/chronyc",
                List.of("-h", "/run/chrony/chronyd.sock"),
                Duration.ofSeconds(2),
                4096));
  }

  @Test
  void runsOneChronycWithExtraArgumentsNumericCsvAndEveryReport() {
    Collected.once(collector);
    ArgumentCaptor<CommandSpec> specs = ArgumentCaptor.forClass(CommandSpec.class);
    verify(runner).run(specs.capture());
    CommandSpec spec = specs.getValue();
    assertThat(spec.executable()).isEqualTo("/usr/bin/chronyc");
    assertThat(spec.arguments())
        .containsExactly(
            "-h",
            "/run/chrony/chronyd.sock",
            "-m",
            "-n",
            "-c",
            "tracking",
            "sources",
            "sourcestats",
            "serverstats");
    assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void healthyDaemonYieldsEverything() {
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isTrue();
    assertThat(result.report().daemonUp()).isTrue();
    assertThat(result.report().system().offsetSeconds()).isCloseTo(0.000001202, within(1e-12));
    assertThat(result.report().system().synchronized_()).isTrue();
    assertThat(result.report().system().frequencyPpm()).isCloseTo(-0.095, within(1e-12));
    SourceStatus falseticker = result.report().sources().get(2);
    assertThat(falseticker.state()).isEqualTo(SourceState.FALSETICKER);
    assertThat(falseticker.offsetSeconds()).isCloseTo(-73.000015259, within(1e-9));
    assertThat(falseticker.samples()).isEqualTo(20);
    assertThat(falseticker.pollIntervalSeconds()).isEqualTo(0.5);
    assertThat(falseticker.reachability()).isEqualTo(255);
    assertThat(result.report().serverStats()).hasSize(11);
    assertThat(result.report().serverStats().get(0).name())
        .isEqualTo("clock_server_ntp_packets_received");
    assertThat(result.report().serverStats().get(0).value()).isEqualTo(39);
  }

  @Test
  void daemonNotAnsweringMeansDownWithNoValues() {
    outputs.put("tracking", "506 Cannot talk to daemon\n");
    exitCodes.put("tracking", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
    assertThat(result.report().sources()).isEmpty();
  }

  @Test
  void aVanishedSocketMeansDown() {
    outputs.put("tracking", "Could not open connection to daemon\n");
    exitCodes.put("tracking", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
  }

  @Test
  void aHangingChronycMeansDown() {
    outcomes.put("tracking", CommandResult.Outcome.TIMED_OUT);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aMissingChronycLeavesDaemonStateUnknown() {
    outcomes.put("tracking", CommandResult.Outcome.NOT_FOUND);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
  }

  @Test
  void serverstatsRefusedSwitchesOffOnlyThatPartForGood() {
    outputs.put("serverstats", "501 Not authorised\n");
    exitCodes.put("serverstats", 1);
    CollectionResult first = Collected.once(collector);
    assertThat(first.success()).isTrue();
    assertThat(first.report().serverStats()).isEmpty();
    assertThat(first.report().sources()).hasSize(3);
    calls.clear();
    CollectionResult second = Collected.once(collector);
    assertThat(second.success()).isTrue();
    assertThat(second.report().sources()).hasSize(3);
    assertThat(calls).containsExactly(List.of("tracking", "sources", "sourcestats"));
  }

  @Test
  void garbageFromOneCommandFailsTheCollectorButKeepsWhatWasMeasured() {
    outputs.put("sources", "\uFFFD\uFFFD garbage \u0000\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isTrue();
    assertThat(result.report().system()).isNotNull();
    assertThat(result.report().sources()).isEmpty();
  }

  @Test
  void aDaemonThatDiesDuringTheScrapeIsDownAndItsEarlierAnswerDropped() {
    outputs.put("sources", "506 Cannot talk to daemon\n");
    exitCodes.put("sources", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aHangingSourcesCommandMeansDownWithNoValues() {
    outcomes.put("sources", CommandResult.Outcome.TIMED_OUT);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void garbageTrackingIsAFailureWithUnknownDaemonState() {
    outputs.put("tracking", "this is not chronyc output\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
    assertThat(result.report().system()).isNull();
  }
}
