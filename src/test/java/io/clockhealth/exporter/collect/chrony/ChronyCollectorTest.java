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
import io.clockhealth.exporter.model.NtpExchange;
import io.clockhealth.exporter.model.SelectionReason;
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
  private static final String ACTIVITY = "3,0,0,0,0\n";
  private static final String SELECTDATA =
      """
      *,127.0.0.21,N,-,-,-,-,-,-,-,-,-,-,1,1.0,-0.000002131,0.000003322,Normal
      +,127.0.0.22,N,-,-,-,-,-,-,-,-,-,-,0,1.0,-0.000002899,0.000003404,Normal
      x,127.0.0.23,N,-,-,-,-,-,-,-,-,-,-,0,1.0,-73.000003278,-72.999996781,Normal
      """;
  private static final String NTPDATA =
      "127.0.0.21,7F000015,12101,127.0.0.1,7F000001,Normal,4,Server,10,-1,-1,-26,0.000000015,"
          + "0.000000,0.000000,7F7F0101,,1796218711.342136852,-0.000000500,0.000007744,"
          + "0.000000045,0.000069390,0.45,111,111,1111,No,No,Kernel,Kernel,54,53,52,50\n";
  private static final String AUTHDATA =
      """
      127.0.0.21,-,0,0,0,4294967295,0,0,0,0
      127.0.0.22,NTS,1,15,256,33,0,0,8,100
      127.0.0.23,NTS,1,15,256,4294967295,5,0,0,0
      """;

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
    outputs.put("activity", ACTIVITY);
    outputs.put("selectdata", SELECTDATA);
    outputs.put("ntpdata", NTPDATA);
    outputs.put("authdata", AUTHDATA);
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
        .startsWith("-h", "/run/chrony/chronyd.sock", "-m", "-n", "-c")
        .endsWith(ChronyParsers.BATCH.toArray(String[]::new))
        .hasSize(5 + ChronyParsers.BATCH.size());
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
    assertThat(result.report().system().sourcesOnline()).isEqualTo(3);
    assertThat(result.report().system().sourcesOffline()).isZero();
  }

  @Test
  void everyPerSourceReportJoinsItsSourceByName() {
    List<SourceStatus> sources = Collected.once(collector).report().sources();
    assertThat(sources)
        .extracting(SourceStatus::selectionReason)
        .containsExactly(
            SelectionReason.SELECTED, SelectionReason.COMBINED, SelectionReason.FALSETICKER);
    SourceStatus first = sources.get(0);
    assertThat(first.exchange()).isEqualTo(new NtpExchange(54, 53, 52, 50, false, false));
    assertThat(first.delaySeconds()).isCloseTo(0.000007744, within(1e-12));
    // ntpdata's own offset (the last packet's, server minus local) does not replace sources'.
    assertThat(first.offsetSeconds()).isCloseTo(0.000001175, within(1e-12));
    assertThat(first.ntsCookies()).as("not an NTS source").isNull();
    assertThat(sources.get(1).exchange()).as("ntpdata has no row for it").isNull();
    assertThat(sources.get(1).ntsCookies()).isEqualTo(8);
    assertThat(sources.get(2).ntsCookies()).isZero();
    assertThat(sources.get(2).ntsKeAttempts()).isEqualTo(5);
  }

  @Test
  void overUdpEveryPrivilegedReportIsRefusedOnceAndOnlyThoseAreOff() {
    for (String privileged : List.of("selectdata", "ntpdata", "authdata", "serverstats")) {
      outputs.put(privileged, "501 Not authorised\n");
      exitCodes.put(privileged, 1);
    }
    CollectionResult first = Collected.once(collector);
    assertThat(first.success()).isTrue();
    assertThat(first.report().sources()).hasSize(3);
    assertThat(first.report().sources().get(0).selectionReason()).isNull();
    assertThat(first.report().system().sourcesOnline()).isEqualTo(3);
    // chronyc stops at the first refusal: one call per refused report, then the one that serves.
    assertThat(calls).hasSize(5);
    calls.clear();
    CollectionResult second = Collected.once(collector);
    assertThat(second.success()).isTrue();
    assertThat(calls).containsExactly(List.of("tracking", "sources", "sourcestats", "activity"));
    // what is refused is said with every result, for the doctor
    assertThat(first.refused()).containsExactly("selectdata", "ntpdata", "authdata", "serverstats");
    assertThat(second.refused()).isEqualTo(first.refused());
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
    assertThat(calls)
        .containsExactly(ChronyParsers.BATCH.subList(0, ChronyParsers.BATCH.size() - 1));
    assertThat(second.refused()).containsExactly("serverstats");
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
