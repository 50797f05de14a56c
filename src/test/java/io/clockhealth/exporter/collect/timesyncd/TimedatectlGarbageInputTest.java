package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that are not the parser's format: always a ParseException, never anything else. */
class TimedatectlGarbageInputTest {

  /** Every data file given to every parser other than its own (error files are tested apart). */
  static Stream<Arguments> otherFormats() {
    return DamagedInputs.otherFormats(
        Fixtures.TIMEDATECTL.allFiles().filter(resource -> !resource.contains("/err-")),
        TimesyncdParsers.ALL,
        TimesyncdParsers::forFile);
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherOutputIsMalformed(NamedParser parser, String resource) {
    DamagedInputs.assertMalformed(parser, FixtureFiles.read(resource));
  }

  /** The chronyc and ntpq outputs other collectors read are not timedatectl output either. */
  static Stream<Arguments> foreignOutputs() {
    List<String> texts =
        List.of(
            "Reference ID    : 7F7F0101 ()\nStratum         : 10\nSystem time     : 0.000000001"
                + " seconds fast of NTP time\n",
            "7F000015,127.0.0.21,11,1795263871.125331117,-0.000000010,0.000001,0.000002,"
                + "-2.3,0.001,0.01,0.000020,0.000010,16.1,Normal\n",
            "     remote           refid      st t when poll reach   delay   offset  jitter\n"
                + "==============================================================================\n"
                + "*127.127.1.0     .LOCL.          10 l   18   64  377    0.000    0.000   0.000\n",
            "associd=0 status=0615 leap_none, sync_ntp, 1 event, clock_sync,\n",
            "506 Cannot talk to daemon\n",
            "hello world\n",
            "foo: bar\n",
            "=\n",
            "{ }\n",
            "\u0000\u0001\u0002binary\n");
    return DamagedInputs.eachParserWith(TimesyncdParsers.ALL, texts);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("foreignOutputs")
  void foreignOutputIsMalformed(NamedParser parser, String text) {
    DamagedInputs.assertMalformed(parser, text);
  }

  @Test
  void nullAndEmptyInputAreMalformed() {
    DamagedInputs.assertNullAndEmptyMalformed(TimesyncdParsers.ALL);
  }

  /** One real file per parser, with a byte on line 2 replaced by an invalid UTF-8 byte. */
  static Stream<Arguments> ownFiles() {
    return Stream.of(
        Arguments.of(
            TimesyncdParsers.SHOW_TIMESYNC,
            Fixtures.TIMEDATECTL.capturesDir() + "good-show-timesync-all.txt"),
        Arguments.of(
            TimesyncdParsers.TIMESYNC_STATUS,
            Fixtures.TIMEDATECTL.corpusDir() + "jc-timesync-status.txt"),
        Arguments.of(TimesyncdParsers.SHOW, Fixtures.TIMEDATECTL.capturesDir() + "good-show.txt"),
        Arguments.of(
            TimesyncdParsers.STATUS, Fixtures.TIMEDATECTL.corpusDir() + "jc-centos77-status.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(NamedParser parser, String resource) {
    DamagedInputs.assertInvalidUtf8OnLine(parser, FixtureFiles.read(resource), 2, 2);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void replacementCharacterAnywhereIsMalformed(NamedParser parser, String resource) {
    String text = FixtureFiles.read(resource);
    String damaged =
        text.substring(0, text.length() - 3) + "\uFFFD" + text.substring(text.length() - 3);
    DamagedInputs.assertMalformed(parser, damaged);
  }

  /**
   * Cut every file at many points, drop each of its lines and mangle it: every parser either
   * succeeds or throws ParseException. Never a NumberFormatException, DateTimeException,
   * IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#timedatectlFiles")
  void damagedFilesNeverLeakOtherExceptions(String resource) {
    DamagedInputs.assertDamagedFileOnlyParseExceptions(
        TimesyncdParsers.ALL,
        resource,
        text ->
            List.of(
                text.replace(',', ' '),
                text.replace(':', '='),
                text.replace('=', ':'),
                text.replace(" ", ""),
                text.replaceAll("\\d", "9"),
                text.replaceAll("\\d+", "99999999999999999999999"),
                text.replace("UTC", "XYZ"),
                text.replace("{", "").replace("}", "")));
  }
}
