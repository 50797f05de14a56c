package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrackingParserTest {

  private static final double EPS = 1e-12;
  // CSV reference times carry nanoseconds on ~1.8e9 s: a double resolves ~2.4e-7 there.
  private static final double REF_TIME_EPS = 1e-6;

  private final TrackingParser parser = new TrackingParser();

  private static long utc(String iso) {
    return Instant.parse(iso).getEpochSecond();
  }

  private static ChronyTracking tracking(
      String refId,
      String name,
      int stratum,
      double refTime,
      double system,
      double last,
      double rms,
      double freq,
      double resid,
      double skew,
      double delay,
      double dispersion,
      double update,
      LeapStatus leap) {
    return new ChronyTracking(
        refId,
        name,
        stratum,
        refTime,
        system,
        last,
        rms,
        freq,
        resid,
        skew,
        delay,
        dispersion,
        update,
        leap);
  }

  /**
   * The 3src client (three sources, 127.0.0.21 selected) at {@code refTime}, its system time {@code
   * system} seconds fast, with root dispersion {@code dispersion}: what differs between its human
   * and its CSV capture.
   */
  private static ChronyTracking threeSources(double refTime, double system, double dispersion) {
    return tracking(
        "7F000015",
        "127.0.0.21",
        11,
        refTime,
        system,
        0.000000023,
        31.424114227,
        -0.095,
        0.004,
        0.206,
        0.000004427,
        dispersion,
        0.3,
        LeapStatus.NORMAL);
  }

  /** A server of its own local clock ({@code local stratum 10}): nothing measured. */
  private static ChronyTracking localServer(double refTime) {
    return tracking("7F7F0101", "", 10, refTime, 0, 0, 0, 0, 0, 0, 0, 0, 0, LeapStatus.NORMAL);
  }

  /** A chronyd that has not synchronised (yet, or any more): no reference at all. */
  private static ChronyTracking unsynchronised() {
    return tracking(
        "00000000", "", 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.0, 0.0, LeapStatus.UNSYNCHRONISED);
  }

  /** The only73 client (its one source 73 s ahead) at {@code refTime}. */
  private static ChronyTracking only73(double refTime, double dispersion) {
    return tracking(
        "7F000017",
        "127.0.0.23",
        11,
        refTime,
        -73.000015259,
        0.000000512,
        0.000005258,
        0.684,
        0.007,
        7.206,
        0.000045102,
        dispersion,
        0.3,
        LeapStatus.NORMAL);
  }

  /** The leap client (a leap second announced, not yet inserted) at {@code refTime}. */
  private static ChronyTracking leapClient(double refTime, double dispersion) {
    return tracking(
        "7F000019",
        "127.0.0.25",
        12,
        refTime,
        -0.000019029,
        -0.000019029,
        0.000019029,
        0.0,
        127.677,
        1000000.0,
        0.000167845,
        dispersion,
        0.0,
        LeapStatus.INSERT_SECOND);
  }

  /** The MANIFEST rows of the corpus tracking files. */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            "chrony-doc-tracking.txt",
            tracking(
                "CB00710F",
                "ntp1.example.net",
                3,
                utc("2017-01-27T09:49:17Z"),
                -0.000006523,
                -0.000006747,
                0.000035822,
                -3.225,
                0.0,
                0.129,
                0.013639022,
                0.001100737,
                64.2,
                LeapStatus.NORMAL)),
        Arguments.of(
            "chrony131-doc-tracking.txt",
            tracking(
                "1.2.3.4",
                "a.b.c",
                3,
                utc("2012-02-03T15:00:29Z"),
                -0.000001501,
                -0.000001632,
                0.000002360,
                331.898,
                0.004,
                0.154,
                0.373169,
                0.024780,
                64.2,
                LeapStatus.NORMAL)),
        Arguments.of("liaosirui-tracking-unsync.txt", unsynchronised()),
        Arguments.of(
            "ubuntu-doc-tracking-N.txt",
            tracking(
                "B97DBE7B",
                "2.ntp.ubuntu.com",
                3,
                utc("2025-06-16T13:06:04Z"),
                -0.000000004,
                0.001758954,
                0.017604901,
                -3.889,
                0.202,
                1.458,
                0.022837413,
                0.003050051,
                1032.5,
                LeapStatus.NORMAL)));
  }

  /** Real chronyd captures, human and CSV. */
  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of(
            "3src-cli-tracking.txt",
            threeSources(utc("2026-11-21T12:24:31Z"), 0.000001203, 0.000001776)),
        // CSV field 5 is the correction -0.000001202: the clock is fast by that much.
        Arguments.of(
            "3src-cli-c-tracking.txt",
            threeSources(1795263871.125331117, 0.000001202, 0.000001784)),
        Arguments.of("only73-tracking.txt", only73(utc("2026-11-21T12:26:52Z"), 0.000005290)),
        Arguments.of("only73-c-tracking.txt", only73(1795264012.129266610, 0.000005347)),
        Arguments.of("leap-cli-tracking.txt", leapClient(utc("2016-12-31T23:50:01Z"), 0.618033290)),
        Arguments.of("leap-cli-c-tracking.txt", leapClient(1483228201.434879078, 0.622830451)),
        Arguments.of(
            "leap-mid-tracking.txt",
            tracking(
                "7F000018",
                "127.0.0.24",
                11,
                utc("2016-12-31T23:50:00Z"),
                -0.000007613,
                0.000005778,
                0.000005778,
                0.0,
                77.651,
                1000000.0,
                0.000076657,
                0.845194995,
                0.1,
                LeapStatus.INSERT_SECOND)),
        Arguments.of("leap-srv-tracking.txt", localServer(utc("2016-12-31T23:49:59Z"))),
        Arguments.of("3src-srvA-tracking.txt", localServer(utc("2026-11-21T12:24:25Z"))),
        Arguments.of("3src-srvF-tracking.txt", localServer(utc("2026-11-21T12:25:38Z"))),
        Arguments.of(
            "3src-fast-tracking.txt",
            tracking(
                "7F000015",
                "127.0.0.21",
                11,
                utc("2026-11-21T12:24:31Z"),
                0.000001871,
                -0.000000068,
                0.000000214,
                -0.036,
                -0.005,
                0.302,
                0.000008568,
                0.000000957,
                0.3,
                LeapStatus.NORMAL)),
        Arguments.of("tracking-at-start.txt", unsynchronised()),
        Arguments.of(
            "after-kill-cli-tracking.txt",
            tracking(
                "00000000",
                "",
                0,
                0,
                -0.000005042,
                0.000000023,
                31.424114227,
                -0.095,
                0.0,
                0.0,
                1.0,
                1.0,
                0.3,
                LeapStatus.UNSYNCHRONISED)),
        Arguments.of(
            "after-kill-fast-tracking.txt",
            tracking(
                "00000000",
                "",
                0,
                0,
                0.000004057,
                0.000000290,
                0.000000222,
                0.029,
                0.0,
                0.0,
                1.0,
                1.0,
                0.3,
                LeapStatus.UNSYNCHRONISED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesCorpusToManifestValues(String file, ChronyTracking expected) throws Exception {
    assertTracking(parser.parse(Fixtures.CHRONYC.corpus(file)), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void parsesCaptures(String file, ChronyTracking expected) throws Exception {
    assertTracking(parser.parse(Fixtures.CHRONYC.capture(file)), expected);
  }

  @Test
  void humanAndCsvCapturesOfTheSameMomentAgreeOnSigns() throws Exception {
    ChronyTracking human = parser.parse(Fixtures.CHRONYC.capture("3src-cli-tracking.txt"));
    ChronyTracking csv = parser.parse(Fixtures.CHRONYC.capture("3src-cli-c-tracking.txt"));
    // "0.000001203 seconds fast" and the CSV correction -0.000001202, taken a moment apart.
    assertThat(human.systemOffsetSeconds()).isPositive();
    assertThat(csv.systemOffsetSeconds()).isCloseTo(human.systemOffsetSeconds(), within(1e-8));
    // "0.095 ppm slow" and the CSV -0.095.
    assertThat(csv.frequencyPpm()).isEqualTo(human.frequencyPpm()).isEqualTo(-0.095);
    assertThat(Math.floor(csv.refTimeSeconds())).isEqualTo(human.refTimeSeconds());

    ChronyTracking slowHuman = parser.parse(Fixtures.CHRONYC.capture("only73-tracking.txt"));
    ChronyTracking slowCsv = parser.parse(Fixtures.CHRONYC.capture("only73-c-tracking.txt"));
    assertThat(slowHuman.systemOffsetSeconds()).isCloseTo(-73.000015259, within(EPS));
    assertThat(slowCsv.systemOffsetSeconds()).isCloseTo(-73.000015259, within(EPS));
  }

  @Test
  void negativeZeroIsPlainZero() throws Exception {
    // "Residual freq : -0.000 ppm" and "0.000 ppm slow".
    ChronyTracking doc = parser.parse(Fixtures.CHRONYC.corpus("chrony-doc-tracking.txt"));
    assertThat(Double.doubleToRawLongBits(doc.residualFrequencyPpm())).isZero();
    ChronyTracking unsync = parser.parse(Fixtures.CHRONYC.corpus("liaosirui-tracking-unsync.txt"));
    assertThat(Double.doubleToRawLongBits(unsync.frequencyPpm())).isZero();
    ChronyTracking leap = parser.parse(Fixtures.CHRONYC.capture("leap-cli-c-tracking.txt"));
    assertThat(Double.doubleToRawLongBits(leap.frequencyPpm())).isZero();
  }

  @Test
  void missingLeapStatusLineGivesNullLeap() throws Exception {
    String withoutLeap = docTrackingWith("Leap status     : Normal\n", "");
    ChronyTracking t = parser.parse(withoutLeap);
    assertThat(t.leapStatus()).isNull();
    assertThat(t.systemOffsetSeconds()).isCloseTo(-0.000006523, within(EPS));
  }

  @Test
  void deleteSecondLeapText() throws Exception {
    String csv =
        Fixtures.CHRONYC
            .capture("leap-cli-c-tracking.txt")
            .replace("Insert second", "Delete second");
    assertThat(parser.parse(csv).leapStatus()).isEqualTo(LeapStatus.DELETE_SECOND);
  }

  @Test
  void unknownLeapTextIsMalformedNamingTheLine() {
    String text = docTrackingWith("Leap status     : Normal", "Leap status     : Invalid");
    assertMalformedOnLine(
        text, 13, e -> assertThat(e.getMessage()).contains("chronyc-tracking").contains("Invalid"));
  }

  @Test
  void missingMandatoryLineIsMalformed() {
    String text = docTrackingWith("System time     : 0.000006523 seconds slow of NTP time\n", "");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("missing 'System time'");
  }

  @Test
  void nonNumericValueIsMalformedNamingTheLine() {
    String text = docTrackingWith("3.225 ppm", "x.225 ppm");
    assertMalformedOnLine(text, 7, e -> assertThat(e.line()).startsWith("Frequency"));
  }

  @Test
  void repeatedLineIsMalformed() {
    String text = Fixtures.CHRONYC.corpus("chrony-doc-tracking.txt") + "Stratum         : 4\n";
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("repeated label 'Stratum'");
  }

  @Test
  void csvWithIpv6ReferenceNameIsCsv() throws Exception {
    String csv =
        "D2B5B8F4,2001:db8::123,2,1700000000.5,0.000000100,-0.000000200,0.000000300,1.500,"
            + "-0.010,0.020,0.001000000,0.002000000,64.0,Normal";
    ChronyTracking t = parser.parse(csv);
    assertThat(t.referenceName()).isEqualTo("2001:db8::123");
    assertThat(t.systemOffsetSeconds()).isCloseTo(-0.0000001, within(EPS));
  }

  private static void assertTracking(ChronyTracking actual, ChronyTracking expected) {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(actual.refId()).as("refId").isEqualTo(expected.refId());
    soft.assertThat(actual.referenceName()).as("referenceName").isEqualTo(expected.referenceName());
    soft.assertThat(actual.stratum()).as("stratum").isEqualTo(expected.stratum());
    soft.assertThat(actual.refTimeSeconds())
        .as("refTimeSeconds")
        .isCloseTo(expected.refTimeSeconds(), within(REF_TIME_EPS));
    closeTo(
        soft, "systemOffsetSeconds", actual.systemOffsetSeconds(), expected.systemOffsetSeconds());
    closeTo(soft, "lastOffsetSeconds", actual.lastOffsetSeconds(), expected.lastOffsetSeconds());
    closeTo(soft, "rmsOffsetSeconds", actual.rmsOffsetSeconds(), expected.rmsOffsetSeconds());
    closeTo(soft, "frequencyPpm", actual.frequencyPpm(), expected.frequencyPpm());
    closeTo(
        soft,
        "residualFrequencyPpm",
        actual.residualFrequencyPpm(),
        expected.residualFrequencyPpm());
    closeTo(soft, "skewPpm", actual.skewPpm(), expected.skewPpm());
    closeTo(soft, "rootDelaySeconds", actual.rootDelaySeconds(), expected.rootDelaySeconds());
    closeTo(
        soft,
        "rootDispersionSeconds",
        actual.rootDispersionSeconds(),
        expected.rootDispersionSeconds());
    closeTo(
        soft,
        "updateIntervalSeconds",
        actual.updateIntervalSeconds(),
        expected.updateIntervalSeconds());
    soft.assertThat(actual.leapStatus()).as("leapStatus").isEqualTo(expected.leapStatus());
    soft.assertAll();
  }

  private static void closeTo(SoftAssertions soft, String field, double actual, double expected) {
    soft.assertThat(actual).as(field).isCloseTo(expected, within(EPS));
  }

  /** chrony's documented tracking output with {@code from} replaced by {@code to}. */
  private static String docTrackingWith(String from, String to) {
    return Fixtures.CHRONYC.corpus("chrony-doc-tracking.txt").replace(from, to);
  }

  /** MALFORMED naming line {@code line}, and what {@code andAlso} checks. */
  private void assertMalformedOnLine(String text, int line, Consumer<ParseException> andAlso) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ParseException.Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(line);
              andAlso.accept(e);
            });
  }
}
