package io.clockhealth.exporter.collect.chrony;

import static io.clockhealth.exporter.collect.chrony.ChronycBatch.SERVERSTATS;
import static io.clockhealth.exporter.collect.chrony.ChronycBatch.SOURCES;
import static io.clockhealth.exporter.collect.chrony.ChronycBatch.SOURCESTATS;
import static io.clockhealth.exporter.collect.chrony.ChronycBatch.TRACKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.collect.chrony.ChronycBatch.Report;
import io.clockhealth.exporter.collect.chrony.ChronycBatch.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Splitting one {@code chronyc -m -c} output back per report, by what each report prints. */
class ChronycBatchTest {

  // Lines as chrony 4.3 prints them (captured from the lab daemons of ChronyBatchIT).
  private static final String TRACKING_LINE =
      "7F0000C9,127.0.0.201,6,1796237880.962323614,-0.000002148,-0.000000190,0.000000704,"
          + "-0.046,0.005,0.374,0.000011045,0.000000604,0.3,Normal";
  private static final String SOURCE_A =
      "^,*,127.0.0.201,5,-2,377,1,0.000000219,0.000000029,0.000006399";
  private static final String SOURCE_B =
      "^,?,127.0.0.202,0,0,0,4294967295,0.000000000,0.000000000,0.000000000";
  private static final String STATS_A = "127.0.0.201,14,6,3,0.005,0.327,0.000000000,0.000000218";
  private static final String STATS_B = "127.0.0.202,0,0,0,0.000,2000.000,0.000000000,4.000000000";
  private static final String STATS_C = "127.0.0.203,0,0,0,0.000,2000.000,0.000000000,4.000000000";
  private static final String SERVER_LINE = "0,0,8,0,0,0,0,0,0,0,0";

  private final ChronycBatch all =
      new ChronycBatch(List.of(TRACKING, SOURCES, SOURCESTATS, SERVERSTATS));

  @Test
  void namesItsCommandsInOrder() {
    assertThat(all.commands()).containsExactly("tracking", "sources", "sourcestats", "serverstats");
  }

  @Test
  void everyReportGetsItsOwnLines() {
    Map<Report<?>, Section> split =
        all.split(lines(TRACKING_LINE, SOURCE_A, SOURCE_B, STATS_A, STATS_B, SERVER_LINE), "");
    assertThat(split.get(TRACKING)).isEqualTo(ran(TRACKING_LINE));
    assertThat(split.get(SOURCES)).isEqualTo(ran(SOURCE_A, SOURCE_B));
    assertThat(split.get(SOURCESTATS)).isEqualTo(ran(STATS_A, STATS_B));
    assertThat(split.get(SERVERSTATS)).isEqualTo(ran(SERVER_LINE));
  }

  @Test
  void aSourceListThatChangesBetweenCommandsIsSplitByShapeNotCount() {
    Map<Report<?>, Section> split =
        all.split(lines(TRACKING_LINE, SOURCE_A, STATS_A, STATS_B, STATS_C, SERVER_LINE), "");
    assertThat(split.get(SOURCES)).isEqualTo(ran(SOURCE_A));
    assertThat(split.get(SOURCESTATS)).isEqualTo(ran(STATS_A, STATS_B, STATS_C));
    assertThat(split.get(SERVERSTATS)).isEqualTo(ran(SERVER_LINE));
  }

  @Test
  void reportsWithNoLinesRanAndPrintedNothing() {
    Map<Report<?>, Section> split = all.split(lines(TRACKING_LINE, SERVER_LINE), "");
    assertThat(split.get(SOURCES)).isEqualTo(ran());
    assertThat(split.get(SOURCESTATS)).isEqualTo(ran());
    assertThat(split.get(SERVERSTATS)).isEqualTo(ran(SERVER_LINE));
  }

  @Test
  void notAuthorisedGoesToThePrivilegedReportEvenWhenTheSourceListsAreEmpty() {
    // A `local`-only time server over UDP: no sources, and serverstats refused.
    Map<Report<?>, Section> split = all.split(lines(TRACKING_LINE, "501 Not authorised"), "");
    assertThat(split.get(SOURCES)).isEqualTo(ran());
    assertThat(split.get(SOURCESTATS)).isEqualTo(ran());
    assertThat(split.get(SERVERSTATS)).isEqualTo(ran("501 Not authorised"));
  }

  @Test
  void notAuthorisedBeforeAnyLineIsTrackingRefused() {
    Map<Report<?>, Section> split = all.split(lines("501 Not authorised"), "");
    assertThat(split.get(TRACKING)).isEqualTo(ran("501 Not authorised"));
    assertThat(split.get(SOURCES).ran()).isFalse();
    assertThat(split.get(SERVERSTATS).ran()).isFalse();
  }

  @Test
  void aDaemonThatDiesMidCallEndsTheOutputAndTheRestDidNotRun() {
    Map<Report<?>, Section> split =
        all.split(lines(TRACKING_LINE, SOURCE_A, "506 Cannot talk to daemon"), "");
    assertThat(split.get(TRACKING)).isEqualTo(ran(TRACKING_LINE));
    assertThat(split.get(SOURCES)).isEqualTo(ran(SOURCE_A, "506 Cannot talk to daemon"));
    assertThat(split.get(SOURCESTATS).ran()).isFalse();
    assertThat(split.get(SERVERSTATS).ran()).isFalse();
  }

  @Test
  void aDaemonThatDiesAfterTrackingFailsTheNextReport() {
    Map<Report<?>, Section> split =
        all.split(lines(TRACKING_LINE, "506 Cannot talk to daemon"), "");
    assertThat(split.get(SOURCES)).isEqualTo(ran("506 Cannot talk to daemon"));
    assertThat(split.get(SOURCESTATS).ran()).isFalse();
  }

  @Test
  void chronycsOwnFailureOnStderrGoesToTheFirstUnfinishedReport() {
    Map<Report<?>, Section> split = all.split("", "Could not open connection to daemon\n");
    assertThat(split.get(TRACKING)).isEqualTo(ran("Could not open connection to daemon"));
    assertThat(split.get(SOURCES).ran()).isFalse();
  }

  @Test
  void anUnknownLineStaysWithTheReportBeingReadForItsParserToName() {
    Map<Report<?>, Section> split =
        all.split(lines(TRACKING_LINE, "garbage", STATS_A, SERVER_LINE), "");
    assertThat(split.get(SOURCES)).isEqualTo(ran("garbage"));
    assertThat(split.get(SOURCESTATS)).isEqualTo(ran(STATS_A));
  }

  @Test
  void aBatchWithoutServerstatsNeverAttributesARefusalOutsideItself() {
    ChronycBatch unprivileged = new ChronycBatch(List.of(TRACKING, SOURCES, SOURCESTATS));
    Map<Report<?>, Section> split =
        unprivileged.split(lines(TRACKING_LINE, "501 Not authorised"), "");
    assertThat(split).doesNotContainKey(SERVERSTATS);
    assertThat(split.get(SOURCES)).isEqualTo(ran("501 Not authorised"));
  }

  @Test
  void blankLinesAreIgnored() {
    Map<Report<?>, Section> split = all.split("\n" + TRACKING_LINE + "\n\n" + SOURCE_A + "\n", "");
    assertThat(split.get(TRACKING)).isEqualTo(ran(TRACKING_LINE));
    assertThat(split.get(SOURCES)).isEqualTo(ran(SOURCE_A));
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static Section ran(String... lines) {
    return new Section(true, lines.length == 0 ? "" : lines(lines));
  }
}
