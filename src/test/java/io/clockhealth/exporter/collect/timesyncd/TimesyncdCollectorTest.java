package io.clockhealth.exporter.collect.timesyncd;

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
class TimesyncdCollectorTest {

  private final CommandRunner runner = mock(CommandRunner.class);
  private final Map<String, String> outputs = new HashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private final List<List<String>> commands = new ArrayList<>();
  private TimesyncdCollector collector;

  @BeforeEach
  void setUp() throws Exception {
    outputs.put("show-timesync", Fixtures.TIMEDATECTL.capture("false73-show-timesync-all.txt"));
    outputs.put("timesync-status", Fixtures.TIMEDATECTL.capture("false73-timesync-status.txt"));
    outputs.put("show", Fixtures.TIMEDATECTL.capture("false73-show.txt"));
    when(runner.run(any()))
        .thenAnswer(
            invocation -> {
              CommandSpec spec = invocation.getArgument(0);
              commands.add(spec.arguments());
              String verb = spec.arguments().get(0);
              return new CommandResult(
                  spec,
                  CommandResult.Outcome.COMPLETED,
                  exitCodes.getOrDefault(verb, 0),
                  outputs.get(verb),
                  "",
                  Duration.ofMillis(5),
                  "");
            });
    collector =
        new TimesyncdCollector(
            runner, new ToolSettings(true, "timedatectl", List.of(), Duration.ofSeconds(2), 65536));
  }

  @Test
  void runsTheThreeTimedatectlVerbs() {
    Collected.once(collector);
    assertThat(commands)
        .containsExactly(
            List.of("show-timesync", "--all"), List.of("timesync-status"), List.of("show"));
  }

  @Test
  void aServer73SecondsAheadMeansThisHostIs73SecondsBehind() {
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isTrue();
    assertThat(result.report().daemonUp()).isTrue();
    assertThat(result.report().system().synchronized_()).isTrue();
    assertThat(result.report().system().offsetSeconds()).isCloseTo(-73.000065, within(1e-9));
    assertThat(result.report().sources())
        .singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(SourceState.SELECTED));
  }

  @Test
  void timesyncdNotOnTheBusMeansDown() {
    outputs.put("show-timesync", "Failed to parse bus message: No route to host\n");
    exitCodes.put("show-timesync", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(commands).hasSize(1);
  }

  @Test
  void noReplyYetIsNotSynchronisedAndInventsNothing() throws Exception {
    String noMessage =
        Fixtures.TIMEDATECTL
            .capture("good-show-timesync-all.txt")
            .lines()
            .filter(line -> !line.startsWith("NTPMessage="))
            .map(line -> line + "\n")
            .reduce("", String::concat);
    outputs.put("show-timesync", noMessage);
    outputs.put(
        "timesync-status",
        "       Server: 10.233.0.2 (10.233.0.2)\n"
            + "Poll interval: 16s (min: 16s; max 16s)\n"
            + " Packet count: 0\n");
    CollectionResult result = Collected.once(collector);
    assertThat(result.report().system().offsetSeconds()).isNull();
    assertThat(result.report().system().synchronized_()).isFalse();
  }

  @Test
  void timesyncdVanishingDuringTheScrapeIsDownWithNoValues() {
    outputs.put("timesync-status", "Failed to query server: Connection timed out\n");
    exitCodes.put("timesync-status", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aFailingStatusFailsTheCollectorButKeepsTheReply() {
    outputs.put("timesync-status", "garbage that is no timesync-status\n");
    exitCodes.put("timesync-status", 1);
    CollectionResult result = Collected.once(collector);
    assertThat(result.success()).isFalse();
    assertThat(result.report().system().stratum()).isEqualTo(10);
  }
}
