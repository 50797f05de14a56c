package io.clockhealth.exporter.collect.ptp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.clockhealth.exporter.collect.Collected;
import io.clockhealth.exporter.collect.CollectionResult;
import io.clockhealth.exporter.config.PtpSettings;
import io.clockhealth.exporter.config.ToolSettings;
import io.clockhealth.exporter.exec.CommandResult;
import io.clockhealth.exporter.exec.CommandRunner;
import io.clockhealth.exporter.exec.CommandSpec;
import io.clockhealth.exporter.model.PtpGrandmaster;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.parse.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's decisions on the lab's pmc outputs, with the command runner (our seam) mocked.
 */
class PtpCollectorTest {

  private static final String GM = "b62257.fffe.246aa6";

  private final CommandRunner runner = mock(CommandRunner.class);
  private final List<CommandSpec> commands = new ArrayList<>();
  private String stdout = "";
  private String stderr = "";
  private int exitCode;
  private CommandResult.Outcome outcome = CommandResult.Outcome.COMPLETED;

  @BeforeEach
  void setUp() {
    when(runner.run(any()))
        .thenAnswer(
            invocation -> {
              CommandSpec spec = invocation.getArgument(0);
              commands.add(spec);
              return new CommandResult(
                  spec, outcome, exitCode, stdout, stderr, Duration.ofMillis(3), "");
            });
  }

  private CollectionResult collectAt(Instant now) {
    return collectAt(now, PtpSettings.DEFAULT, List.of());
  }

  private CollectionResult collectAt(Instant now, PtpSettings ptp, List<String> extraArgs) {
    ToolSettings tool = new ToolSettings(true, "pmc", extraArgs, Duration.ofSeconds(2), 65536);
    return Collected.once(new PtpCollector(runner, tool, ptp, Clock.fixed(now, ZoneOffset.UTC)));
  }

  private static SystemStatus system(CollectionResult result) {
    return Objects.requireNonNull(result.report().system());
  }

  private static PtpStatus ptp(CollectionResult result) {
    return Objects.requireNonNull(result.report().ptp());
  }

  @Test
  void asksEveryDataSetInOnePmcCallOfTheSocketOnly() {
    stdout = PmcCalls.slave();
    collectAt(PmcCalls.SLAVE_SYNC, new PtpSettings("uds", "/run/ptp/eth0", 24), List.of("-t", "1"));
    assertThat(commands).hasSize(1);
    assertThat(commands.get(0).executable()).isEqualTo("pmc");
    assertThat(commands.get(0).arguments())
        .containsExactly(
            "-t",
            "1",
            "-u",
            "-s",
            "/run/ptp/eth0",
            "-d",
            "24",
            "-b",
            "0",
            "GET CURRENT_DATA_SET",
            "GET PARENT_DATA_SET",
            "GET PORT_DATA_SET",
            "GET TIME_STATUS_NP",
            "GET TIME_PROPERTIES_DATA_SET",
            "GET DEFAULT_DATA_SET",
            "GET PORT_PROPERTIES_NP");
    assertThat(commands.get(0).timeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void otherTransportsTakeNoSocket() {
    stdout = PmcCalls.slave();
    collectAt(PmcCalls.SLAVE_SYNC, new PtpSettings("l2", "/var/run/ptp4l", 0), List.of());
    assertThat(commands.get(0).arguments()).startsWith("-2", "-d", "0", "-b", "0");
  }

  @Test
  void aSlaveWithARecentSyncIsSynchronisedWithItsOffsetInSeconds() {
    stdout = PmcCalls.slave();
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC.plusMillis(500));
    assertThat(result.success()).isTrue();
    assertThat(result.report().daemonUp()).isTrue();
    assertThat(system(result).synchronized_()).isTrue();
    assertThat(system(result).offsetSeconds()).isCloseTo(599e-9, within(1e-15));
    assertThat(system(result).refId()).isEqualTo(GM);
    assertThat(system(result).reference()).isEqualTo(GM + "-1");
    PtpStatus ptp = ptp(result);
    assertThat(ptp.ports()).containsExactly(new PtpPort("veth1", PtpPortState.SLAVE));
    assertThat(ptp.meanPathDelaySeconds()).isCloseTo(1867e-9, within(1e-15));
    assertThat(ptp.stepsRemoved()).isEqualTo(1);
    assertThat(ptp.lastSyncAgeSeconds()).isCloseTo(0.5, within(1e-6));
    assertThat(ptp.grandmaster()).isEqualTo(new PtpGrandmaster(GM, 248, "0xfe", "0xa0"));
    assertThat(ptp.utcOffsetSeconds()).as("currentUtcOffsetValid 0").isNull();
    assertThat(ptp.timeTraceable()).isFalse();
    assertThat(ptp.frequencyTraceable()).isFalse();
  }

  @Test
  void aSlaveWhoseLastSyncIsOldIsNotSynchronisedAndServesNoOffset() {
    stdout = PmcCalls.slave();
    // one Sync a second (logSyncInterval 0): fresh up to 3 intervals + 1 s
    CollectionResult fresh = collectAt(PmcCalls.SLAVE_SYNC.plusMillis(3900));
    assertThat(system(fresh).synchronized_()).isTrue();
    CollectionResult stale = collectAt(PmcCalls.SLAVE_SYNC.plusMillis(4100));
    assertThat(stale.success()).isTrue();
    assertThat(system(stale).synchronized_()).isFalse();
    assertThat(system(stale).offsetSeconds()).isNull();
    assertThat(ptp(stale).meanPathDelaySeconds()).isNull();
    assertThat(ptp(stale).lastSyncAgeSeconds()).isCloseTo(4.1, within(1e-6));
  }

  @Test
  void aSyncFromTheFutureIsNotFresh() {
    stdout = PmcCalls.slave();
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC.minusSeconds(37));
    assertThat(system(result).synchronized_()).isFalse();
    assertThat(ptp(result).lastSyncAgeSeconds()).isCloseTo(-37, within(1e-6));
  }

  @Test
  void anUncalibratedSlaveIsNotSynchronisedAndServesNothingOfItsMaster() {
    stdout = PmcCalls.uncalibrated();
    CollectionResult result = collectAt(PmcCalls.UNCALIBRATED_SYNC.plusMillis(200));
    assertThat(result.success()).isTrue();
    assertThat(system(result).synchronized_()).isFalse();
    assertThat(system(result).offsetSeconds()).isNull();
    assertThat(ptp(result).meanPathDelaySeconds()).isNull();
    assertThat(ptp(result).lastSyncAgeSeconds()).isNull();
    assertThat(ptp(result).ports())
        .containsExactly(new PtpPort("veth1", PtpPortState.UNCALIBRATED));
    assertThat(ptp(result).stepsRemoved()).isEqualTo(1);
  }

  @Test
  void afterTheMasterIsLostTheFrozenOffsetIsNeverServed() {
    stdout = PmcCalls.afterMasterLoss();
    assertThat(stdout)
        .contains("offsetFromMaster 599.0")
        .contains("gmPresent                  true");
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC.plusSeconds(10));
    assertThat(result.success()).isTrue();
    assertThat(system(result).synchronized_()).isFalse();
    assertThat(system(result).offsetSeconds()).isNull();
    assertThat(ptp(result).meanPathDelaySeconds()).isNull();
    assertThat(ptp(result).lastSyncAgeSeconds()).isNull();
    assertThat(ptp(result).ports()).containsExactly(new PtpPort("veth1", PtpPortState.LISTENING));
  }

  @Test
  void theGrandmasterIsSynchronisedAsTheDomainsReference() {
    stdout = PmcCalls.grandmaster();
    CollectionResult result = collectAt(Instant.ofEpochSecond(1796219060L));
    assertThat(result.success()).isTrue();
    assertThat(system(result).synchronized_()).isTrue();
    assertThat(system(result).offsetSeconds()).as("no master to be offset from").isNull();
    assertThat(system(result).refId()).isEqualTo(GM);
    assertThat(ptp(result).ports()).containsExactly(new PtpPort("veth0", PtpPortState.MASTER));
    assertThat(ptp(result).stepsRemoved()).isZero();
    assertThat(ptp(result).meanPathDelaySeconds()).isNull();
    assertThat(ptp(result).lastSyncAgeSeconds()).isNull();
  }

  @Test
  void aMasterThatIsNotTheGrandmasterIsNotSynchronised() {
    stdout =
        PmcCalls.grandmaster()
            .replace(
                "grandmasterIdentity                   " + GM,
                "grandmasterIdentity                   001122.fffe.334455");
    CollectionResult result = collectAt(Instant.ofEpochSecond(1796219060L));
    assertThat(system(result).synchronized_()).isFalse();
  }

  @Test
  void onlyTheRequestsPrintedMeansPtp4lIsDown() {
    stdout = Fixtures.PMC.capture(PtpParsers.NO_PTP4L).replace("rc=0\n", "");
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
    assertThat(result.report().ptp()).isNull();
  }

  @Test
  void aSocketErrorOnStderrWithNoReplyIsPtp4lDownToo() {
    stdout = "sending: GET CURRENT_DATA_SET\n";
    stderr = "uds: sendto failed: Connection refused\n";
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.report().daemonUp()).isFalse();
  }

  @Test
  void noReplyThroughASocketThisUserMayNotWriteSaysNothingOfPtp4l(@TempDir Path dir)
      throws Exception {
    Path socket = Files.createFile(dir.resolve("ptp4l"));
    stdout = "sending: GET CURRENT_DATA_SET\n";
    ToolSettings tool = new ToolSettings(true, "pmc", List.of(), Duration.ofSeconds(2), 65536);
    PtpSettings ptp = new PtpSettings("uds", socket.toString(), 0);
    Clock clock = Clock.fixed(PmcCalls.SLAVE_SYNC, ZoneOffset.UTC);
    CollectionResult refused =
        Collected.once(new PtpCollector(runner, tool, ptp, clock, p -> false));
    assertThat(refused.success()).isFalse();
    assertThat(refused.report().daemonUp()).isNull();
    CollectionResult allowed =
        Collected.once(new PtpCollector(runner, tool, ptp, clock, p -> true));
    assertThat(allowed.report().daemonUp()).isFalse();
  }

  @Test
  void aHangingPmcIsADaemonNotAnswering() {
    outcome = CommandResult.Outcome.TIMED_OUT;
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isFalse();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aMissingPmcSaysNothingOfTheDaemon() {
    outcome = CommandResult.Outcome.NOT_FOUND;
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
  }

  @Test
  void garbageIsAFailureWithNothingServed() {
    stdout = "\tthis is not pmc\n\t\tat all 1\n";
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
    assertThat(result.report().system()).isNull();
  }

  @Test
  void aNonZeroExitIsAFailure() {
    stdout = "";
    stderr = "usage: pmc [options] [commands]\n";
    exitCode = 255;
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(result.report().daemonUp()).isNull();
  }

  @Test
  void aDataSetPtp4lDidNotAnswerFailsTheCollectionButKeepsTheRest() {
    stdout =
        PmcCalls.slave()
            .replaceAll(
                "(?s)\\t\\S+ seq \\d+ RESPONSE MANAGEMENT TIME_STATUS_NP.*?(?=\\t\\S+ seq)", "");
    assertThat(stdout).doesNotContain("RESPONSE MANAGEMENT TIME_STATUS_NP");
    CollectionResult result = collectAt(PmcCalls.SLAVE_SYNC);
    assertThat(result.success()).isFalse();
    assertThat(system(result).synchronized_()).as("no Sync time: unknown").isNull();
    assertThat(system(result).offsetSeconds()).isNull();
    assertThat(ptp(result).stepsRemoved()).isEqualTo(1);
  }
}
