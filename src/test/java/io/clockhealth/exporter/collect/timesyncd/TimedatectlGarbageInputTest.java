package io.clockhealth.exporter.collect.timesyncd;

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
class TimedatectlGarbageInputTest {

  /** Every data file given to every parser other than its own (error files are tested apart). */
  static Stream<Arguments> otherFormats() {
    return TimesyncdFixtures.allFiles()
        .filter(resource -> !resource.contains("/err-"))
        .flatMap(
            resource ->
                TimesyncdParsers.ALL.stream()
                    .filter(p -> p != TimesyncdParsers.forFile(resource))
                    .map(p -> Arguments.of(p, resource)));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherOutputIsMalformed(TimesyncdParsers.Named parser, String resource) {
    assertMalformed(parser, FixtureFiles.read(resource));
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
    List<Arguments> cases = new ArrayList<>();
    for (TimesyncdParsers.Named parser : TimesyncdParsers.ALL) {
      for (String text : texts) {
        cases.add(Arguments.of(parser, text));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("foreignOutputs")
  void foreignOutputIsMalformed(TimesyncdParsers.Named parser, String text) {
    assertMalformed(parser, text);
  }

  @Test
  void nullAndEmptyInputAreMalformed() {
    for (TimesyncdParsers.Named parser : TimesyncdParsers.ALL) {
      assertMalformed(parser, null);
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

  /** One real file per parser, with a byte on line 2 replaced by an invalid UTF-8 byte. */
  static Stream<Arguments> ownFiles() {
    return Stream.of(
        Arguments.of(
            TimesyncdParsers.SHOW_TIMESYNC,
            TimesyncdFixtures.CAPTURES + "good-show-timesync-all.txt"),
        Arguments.of(
            TimesyncdParsers.TIMESYNC_STATUS, TimesyncdFixtures.CORPUS + "jc-timesync-status.txt"),
        Arguments.of(TimesyncdParsers.SHOW, TimesyncdFixtures.CAPTURES + "good-show.txt"),
        Arguments.of(TimesyncdParsers.STATUS, TimesyncdFixtures.CORPUS + "jc-centos77-status.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(TimesyncdParsers.Named parser, String resource) {
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

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void replacementCharacterAnywhereIsMalformed(TimesyncdParsers.Named parser, String resource) {
    String text = FixtureFiles.read(resource);
    String damaged =
        text.substring(0, text.length() - 3) + "\uFFFD" + text.substring(text.length() - 3);
    assertMalformed(parser, damaged);
  }

  /**
   * Cut every file at many points, drop each of its lines and mangle it: every parser either
   * succeeds or throws ParseException. Never a NumberFormatException, DateTimeException,
   * IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.collect.timesyncd.TimesyncdFixtures#allFiles")
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
    variants.add(text.replace(':', '='));
    variants.add(text.replace('=', ':'));
    variants.add(text.replace(" ", ""));
    variants.add(text.replaceAll("\\d", "9"));
    variants.add(text.replaceAll("\\d+", "99999999999999999999999"));
    variants.add(text.replace("UTC", "XYZ"));
    variants.add(text.replace("{", "").replace("}", ""));
    for (TimesyncdParsers.Named parser : TimesyncdParsers.ALL) {
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

  private static void assertMalformed(TimesyncdParsers.Named parser, String text) {
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
