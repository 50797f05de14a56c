package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
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
  void errorRepliesAreToolErrors(ChronyParsers.Named parser, String text, int line) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.lineNumber()).isEqualTo(line);
              assertThat(e.getMessage()).contains(parser.format()).contains("line " + line);
              assertThat(e.line()).matches("50[16] .*");
            });
  }

  static Stream<Arguments> garbage() {
    List<Arguments> cases = new ArrayList<>();
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
      cases.add(Arguments.of(parser, "hello world\nthis is not chrony output\n"));
      cases.add(Arguments.of(parser, "foo: bar, baz\n"));
      cases.add(Arguments.of(parser, "a,b,c,d,e,f,g,h,i,j,k,l,m,n\n"));
      cases.add(Arguments.of(parser, "\u0000\u0001\u0002binary\n"));
      cases.add(Arguments.of(parser, "200 OK\n"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("garbage")
  void randomTextIsMalformed(ChronyParsers.Named parser, String text) {
    assertMalformed(parser, text);
  }

  @Test
  void emptyInputIsMalformedForSingleReports() {
    for (ChronyParsers.Named parser : List.of(ChronyParsers.TRACKING, ChronyParsers.SERVERSTATS)) {
      for (String empty : List.of("", "\n", "  \n\n")) {
        assertThatThrownBy(() -> parser.parse().parse(empty))
            .isInstanceOfSatisfying(
                ParseException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
                  assertThat(e.getMessage()).contains("empty input");
                });
      }
    }
  }

  @Test
  void emptyInputIsNoRowsForTables() throws Exception {
    // chronyc -c prints no header: a daemon with no sources prints nothing for these.
    for (ChronyParsers.Named parser :
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
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
      assertMalformed(parser, null);
    }
  }

  /** Every file given to every parser other than its own. */
  static Stream<Arguments> otherFormats() {
    return ChronyFixtures.allFiles()
        .flatMap(
            resource ->
                ChronyParsers.ALL.stream()
                    .filter(p -> p != ChronyParsers.forFile(resource))
                    .map(p -> Arguments.of(p, resource)));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherCommandsOutputIsMalformed(ChronyParsers.Named parser, String resource) {
    assertMalformed(parser, FixtureFiles.read(resource));
  }

  @Test
  void sourcesGivenToTrackingAndTrackingGivenToSources() {
    assertThatThrownBy(
            () -> new TrackingParser().parse(ChronyFixtures.capture("3src-cli-sources.txt")))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(1);
              assertThat(e.line()).startsWith("MS Name/IP address");
            });
    assertThatThrownBy(
            () -> new SourcesParser().parse(ChronyFixtures.capture("3src-cli-tracking.txt")))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(1);
              assertThat(e.getMessage()).contains("MS Name/IP address");
            });
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
  void truncatedCsvRowsAreMalformed(ChronyParsers.Named parser, String text) {
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
        Arguments.of(ChronyParsers.TRACKING, ChronyFixtures.CAPTURES + "3src-cli-tracking.txt"),
        Arguments.of(ChronyParsers.SOURCES, ChronyFixtures.CAPTURES + "3src-cli-c-sources.txt"),
        Arguments.of(
            ChronyParsers.SOURCESTATS, ChronyFixtures.CAPTURES + "3src-cli-sourcestats.txt"),
        Arguments.of(
            ChronyParsers.SERVERSTATS, ChronyFixtures.CAPTURES + "3src-cli-serverstats.txt"),
        Arguments.of(ChronyParsers.NTPDATA, ChronyFixtures.CORPUS + "chrony-doc-ntpdata.txt"),
        Arguments.of(ChronyParsers.AUTHDATA, ChronyFixtures.CORPUS + "chrony-doc-authdata.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(ChronyParsers.Named parser, String resource) {
    byte[] bytes = FixtureFiles.read(resource).getBytes(StandardCharsets.UTF_8);
    int secondLine = indexOf(bytes, (byte) '\n') + 1;
    bytes[secondLine + 2] = (byte) 0xFF;
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    assertThat(decoded).contains("\uFFFD");
    assertThatThrownBy(() -> parser.parse().parse(decoded))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(2);
              assertThat(e.getMessage()).contains("invalid UTF-8");
            });
  }

  /**
   * Cut every file at many points and drop each of its lines: the parser either succeeds or throws
   * ParseException. Never a NumberFormatException, IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.collect.chrony.ChronyFixtures#allFiles")
  void damagedFilesNeverLeakOtherExceptions(String resource) {
    String text = FixtureFiles.read(resource);
    List<String> variants = new ArrayList<>();
    for (int cut = 0; cut < text.length(); cut += 3) {
      variants.add(text.substring(0, cut));
    }
    List<String> lines = Arrays.asList(text.split("\n", -1));
    for (int drop = 0; drop < lines.size(); drop++) {
      List<String> kept = new ArrayList<>(lines);
      kept.remove(drop);
      variants.add(String.join("\n", kept));
    }
    variants.add(text.replace(',', ' '));
    variants.add(text.replace(':', ','));
    variants.add(text.replaceAll("\\d", "9"));
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
      for (String variant : variants) {
        try {
          parser.parse().parse(variant);
        } catch (ParseException expected) {
          assertThat(expected.getMessage()).startsWith(parser.format() + ": ");
        } catch (RuntimeException e) {
          throw new AssertionError(
              parser.format() + " leaked " + e + " on a variant of " + resource + ":\n" + variant,
              e);
        }
      }
    }
  }

  private static void assertMalformed(ChronyParsers.Named parser, String text) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.getMessage()).startsWith(parser.format() + ": ");
            });
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
