package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
class NtpqGarbageInputTest {

  static Stream<String> allFiles() {
    return FixtureFiles.allResourceFiles().stream();
  }

  static Stream<String> ntpqFiles() {
    return allFiles()
        .filter(r -> r.startsWith(NtpqFixtures.CORPUS) || r.startsWith(NtpqFixtures.CAPTURES));
  }

  /** Every file of every tool, given to each ntpq parser it does not belong to. */
  static Stream<Arguments> otherFormats() {
    return allFiles()
        .flatMap(
            resource ->
                NtpqParsers.ALL.stream()
                    .filter(p -> p != NtpqParsers.forResource(resource))
                    .map(p -> Arguments.of(p, resource)));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherOutputIsRejected(NtpqParsers.Named parser, String resource) {
    Kind expected = NtpqParsers.isErrorFile(resource) ? Kind.TOOL_ERROR : Kind.MALFORMED;
    assertThatThrownBy(() -> parser.parse().parse(FixtureFiles.read(resource)))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(expected);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.getMessage()).startsWith(parser.format() + ": ");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void onlyItsOwnParserRecognisesAFile(String resource) {
    String text = FixtureFiles.read(resource);
    NtpqParsers.Named own = NtpqParsers.forResource(resource);
    for (NtpqParsers.Named parser : NtpqParsers.ALL) {
      assertThat(parser.recognises().test(text))
          .as("%s recognises %s", parser.format(), resource)
          .isEqualTo(parser == own);
    }
    if (own != null) {
      assertThatCode(() -> own.parse().parse(text)).doesNotThrowAnyException();
    }
  }

  static Stream<Arguments> garbage() {
    List<Arguments> cases = new ArrayList<>();
    for (NtpqParsers.Named parser : NtpqParsers.ALL) {
      cases.add(Arguments.of(parser, "hello world\nthis is not ntpq output\n"));
      cases.add(Arguments.of(parser, "foo=bar, baz=qux\n"));
      cases.add(Arguments.of(parser, "\u0000\u0001\u0002binary\n"));
      cases.add(Arguments.of(parser, "     remote           refid      st t when poll\n"));
      cases.add(Arguments.of(parser, "associd=0 stat=0615\n"));
      cases.add(Arguments.of(parser, "506 Cannot talk to daemon\n"));
      cases.add(Arguments.of(parser, "\uFFFD\uFFFD\uFFFD\n"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("garbage")
  void randomTextIsMalformed(NtpqParsers.Named parser, String text) {
    assertMalformed(parser, text);
  }

  @Test
  void nullAndEmptyInputAreMalformed() {
    for (NtpqParsers.Named parser : NtpqParsers.ALL) {
      assertMalformed(parser, null);
      for (String empty : List.of("", "\n", "  \n\n", "ntpq> pe\n")) {
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

  /** One real file per parser, with one byte of line 3 replaced by an invalid UTF-8 byte. */
  static Stream<Arguments> ownFiles() {
    return Stream.of(
        Arguments.of(NtpqParsers.PEERS, NtpqFixtures.CAPTURES + "3src-p.txt"),
        Arguments.of(NtpqParsers.PEERS, NtpqFixtures.CORPUS + "jc-ubuntu1804-ntpq-p2.txt"),
        Arguments.of(NtpqParsers.SYSVARS, NtpqFixtures.CAPTURES + "3src-rv.txt"),
        Arguments.of(
            NtpqParsers.SYSVARS, NtpqFixtures.CORPUS + "ntpfaq-ntpd420a-rl-sync-uhf-clock.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(NtpqParsers.Named parser, String resource) {
    byte[] bytes = FixtureFiles.read(resource).getBytes(StandardCharsets.UTF_8);
    int thirdLine = indexOf(bytes, (byte) '\n', indexOf(bytes, (byte) '\n', 0) + 1) + 1;
    bytes[thirdLine + 5] = (byte) 0xFF;
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    assertThat(decoded).contains("\uFFFD");
    assertThatThrownBy(() -> parser.parse().parse(decoded))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(3);
              assertThat(e.getMessage()).contains("invalid UTF-8");
            });
  }

  /**
   * Cut every ntpq file at many points, drop each of its lines and mangle it in a few ways: each
   * parser either succeeds or throws ParseException. Never a NumberFormatException,
   * IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ntpqFiles")
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
    variants.add(text.replace('=', ' '));
    variants.add(text.replace(' ', '\t'));
    variants.add(text.replace('.', ','));
    variants.add(text.replace("\"", ""));
    variants.add(text.replaceAll("\\d", "9"));
    variants.add(text.replaceAll("\\d", "99999999999"));
    variants.add(text.replaceAll("[0-9a-f]", "\uFFFD"));
    variants.add(text.replaceAll("(?m)^ ", ""));
    variants.add(text.replaceAll("(?m)^", " "));
    for (NtpqParsers.Named parser : NtpqParsers.ALL) {
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

  private static void assertMalformed(NtpqParsers.Named parser, String text) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.getMessage()).startsWith(parser.format() + ": ");
            });
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
