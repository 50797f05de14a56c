package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that are not the parser's format: always a ParseException, never anything else. */
class ChronyGarbageInputTest {

  private static final String CLIENTS_NOT_AUTHORISED =
      "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n"
          + "===============================================================================\n"
          + "501 Not authorised\n";

  static Stream<Arguments> toolErrors() {
    List<Arguments> cases = new ArrayList<>();
    for (NamedParser parser : ChronyParsers.ALL) {
      cases.add(Arguments.of(parser, "506 Cannot talk to daemon\n", 1));
      cases.add(Arguments.of(parser, "501 Not authorised\n", 1));
      cases.add(Arguments.of(parser, "501 Not authorised --- Reply not authenticated\n", 1));
      cases.add(Arguments.of(parser, CLIENTS_NOT_AUTHORISED, 3));
      cases.add(Arguments.of(parser, "210 Number of sources = 3\n506 Cannot talk to daemon\n", 2));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("toolErrors")
  void errorRepliesAreToolErrors(NamedParser parser, String text, int line) {
    DamagedInputs.assertToolError(
        parser,
        text,
        line,
        e -> {
          assertThat(e.getMessage()).contains(parser.format()).contains("line " + line);
          assertThat(e.line()).matches("50[16] .*");
        });
  }

  static Stream<Arguments> garbage() {
    return DamagedInputs.eachParserWith(
        ChronyParsers.ALL,
        List.of(
            "hello world\nthis is not chrony output\n",
            "foo: bar, baz\n",
            "a,b,c,d,e,f,g,h,i,j,k,l,m,n\n",
            "\u0000\u0001\u0002binary\n",
            "200 OK\n"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("garbage")
  void randomTextIsMalformed(NamedParser parser, String text) {
    DamagedInputs.assertMalformed(parser, text);
  }

  @Test
  void emptyInputIsMalformedForSingleReports() {
    for (NamedParser parser : List.of(ChronyParsers.TRACKING, ChronyParsers.SERVERSTATS)) {
      for (String empty : DamagedInputs.BLANK) {
        DamagedInputs.assertEmptyInput(parser, empty);
      }
    }
  }

  @Test
  void emptyInputIsNoRowsForTables() throws Exception {
    // chronyc -c prints no header: a daemon with no sources prints nothing for these.
    for (NamedParser parser :
        List.of(
            ChronyParsers.SOURCES,
            ChronyParsers.SOURCESTATS,
            ChronyParsers.NTPDATA,
            ChronyParsers.AUTHDATA)) {
      assertThat((List<?>) parser.parse().parse("")).as(parser.format()).isEmpty();
    }
  }

  @Test
  void nullInputIsMalformed() {
    for (NamedParser parser : ChronyParsers.ALL) {
      DamagedInputs.assertMalformed(parser, null);
    }
  }

  /** Every file given to every parser other than its own. */
  static Stream<Arguments> otherFormats() {
    return DamagedInputs.otherFormats(
            Fixtures.CHRONYC.allFiles(), ChronyParsers.ALL, ChronyParsers::forFile)
        .filter(a -> !ChronyParsers.alsoValidFor((NamedParser) a.get()[0], (String) a.get()[1]));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherCommandsOutputIsMalformed(NamedParser parser, String resource) {
    DamagedInputs.assertMalformed(parser, FixtureFiles.read(resource));
  }

  @Test
  void sourcesGivenToTrackingAndTrackingGivenToSources() {
    assertThatThrownBy(
            () -> new TrackingParser().parse(Fixtures.CHRONYC.capture("3src-cli-sources.txt")))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(1);
              assertThat(e.line()).startsWith("MS Name/IP address");
            });
    DamagedInputs.assertMalformedAt(
        () -> new SourcesParser().parse(Fixtures.CHRONYC.capture("3src-cli-tracking.txt")),
        1,
        "MS Name/IP address");
  }

  static Stream<Arguments> truncatedCsv() {
    return Stream.of(
        Arguments.of(ChronyParsers.TRACKING, "7F000015,127.0.0.21,11,1795263871.125331117\n"),
        Arguments.of(ChronyParsers.TRACKING, "7F000015,127.0.0.21,11,1795263871.125331117,"),
        Arguments.of(ChronyParsers.SOURCES, "^,*,127.0.0.21,10,-1,377,0,0.000001175\n"),
        Arguments.of(
            ChronyParsers.SOURCES,
            "^,*,127.0.0.21,10,-1,377,0,0.000001175,0.000001198,0.000004071\n^,+,127.0.0.22,10\n"),
        Arguments.of(ChronyParsers.SOURCESTATS, "127.0.0.21,19,11,4,-0.017\n"),
        Arguments.of(ChronyParsers.SERVERSTATS, "39,0\n"),
        Arguments.of(
            ChronyParsers.NTPDATA, "127.0.0.21,7F000015,12101,127.0.0.1,7F000001,Normal\n"),
        Arguments.of(ChronyParsers.AUTHDATA, "ntp1.example.net,NTS,1,15\n"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("truncatedCsv")
  void truncatedCsvRowsAreMalformed(NamedParser parser, String text) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isPositive();
              assertThat(e.line()).isNotNull();
            });
  }

  /** One real file per parser, with one byte on line 2 replaced by an invalid UTF-8 byte. */
  static Stream<Arguments> ownFiles() {
    return Stream.of(
        Arguments.of(
            ChronyParsers.TRACKING, Fixtures.CHRONYC.capturesDir() + "3src-cli-tracking.txt"),
        Arguments.of(
            ChronyParsers.SOURCES, Fixtures.CHRONYC.capturesDir() + "3src-cli-c-sources.txt"),
        Arguments.of(
            ChronyParsers.SOURCESTATS, Fixtures.CHRONYC.capturesDir() + "3src-cli-sourcestats.txt"),
        Arguments.of(
            ChronyParsers.SERVERSTATS, Fixtures.CHRONYC.capturesDir() + "3src-cli-serverstats.txt"),
        Arguments.of(
            ChronyParsers.NTPDATA, Fixtures.CHRONYC.corpusDir() + "chrony-doc-ntpdata.txt"),
        Arguments.of(
            ChronyParsers.AUTHDATA, Fixtures.CHRONYC.corpusDir() + "chrony-doc-authdata.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(NamedParser parser, String resource) {
    DamagedInputs.assertInvalidUtf8OnLine(parser, FixtureFiles.read(resource), 2, 2);
  }

  /**
   * Cut every file at many points and drop each of its lines: the parser either succeeds or throws
   * ParseException. Never a NumberFormatException, IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#chronycFiles")
  void damagedFilesNeverLeakOtherExceptions(String resource) {
    DamagedInputs.assertDamagedFileOnlyParseExceptions(
        ChronyParsers.ALL,
        resource,
        text ->
            List.of(text.replace(',', ' '), text.replace(':', ','), text.replaceAll("\\d", "9")));
  }
}
