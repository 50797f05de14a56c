package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.ParseException.Kind;
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
        .filter(
            r ->
                r.startsWith(Fixtures.NTPQ.corpusDir())
                    || r.startsWith(Fixtures.NTPQ.capturesDir()));
  }

  /** Every file of every tool, given to each ntpq parser it does not belong to. */
  static Stream<Arguments> otherFormats() {
    return DamagedInputs.otherFormats(allFiles(), NtpqParsers.ALL, NtpqParsers::forResource);
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherOutputIsRejected(NamedParser parser, String resource) {
    Kind expected = NtpqParsers.isErrorFile(resource) ? Kind.TOOL_ERROR : Kind.MALFORMED;
    DamagedInputs.assertRejected(parser, FixtureFiles.read(resource), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void onlyItsOwnParserRecognisesAFile(String resource) {
    String text = FixtureFiles.read(resource);
    NamedParser own = NtpqParsers.forResource(resource);
    for (NamedParser parser : NtpqParsers.ALL) {
      assertThat(parser.recognises().test(text))
          .as("%s recognises %s", parser.format(), resource)
          .isEqualTo(parser == own);
    }
    if (own != null) {
      assertThatCode(() -> own.parse().parse(text)).doesNotThrowAnyException();
    }
  }

  static Stream<Arguments> garbage() {
    return DamagedInputs.eachParserWith(
        NtpqParsers.ALL,
        List.of(
            "hello world\nthis is not ntpq output\n",
            "foo=bar, baz=qux\n",
            "\u0000\u0001\u0002binary\n",
            "     remote           refid      st t when poll\n",
            "associd=0 stat=0615\n",
            "506 Cannot talk to daemon\n",
            "\uFFFD\uFFFD\uFFFD\n"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("garbage")
  void randomTextIsMalformed(NamedParser parser, String text) {
    DamagedInputs.assertMalformed(parser, text);
  }

  @Test
  void nullAndEmptyInputAreMalformed() {
    DamagedInputs.assertNullAndEmptyMalformed(NtpqParsers.ALL, "ntpq> pe\n");
  }

  /** One real file per parser, with one byte of line 3 replaced by an invalid UTF-8 byte. */
  static Stream<Arguments> ownFiles() {
    return Stream.of(
        Arguments.of(NtpqParsers.PEERS, Fixtures.NTPQ.capturesDir() + "3src-p.txt"),
        Arguments.of(NtpqParsers.PEERS, Fixtures.NTPQ.corpusDir() + "jc-ubuntu1804-ntpq-p2.txt"),
        Arguments.of(NtpqParsers.SYSVARS, Fixtures.NTPQ.capturesDir() + "3src-rv.txt"),
        Arguments.of(
            NtpqParsers.SYSVARS,
            Fixtures.NTPQ.corpusDir() + "ntpfaq-ntpd420a-rl-sync-uhf-clock.txt"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("ownFiles")
  void invalidUtf8IsMalformedNamingTheLine(NamedParser parser, String resource) {
    DamagedInputs.assertInvalidUtf8OnLine(parser, FixtureFiles.read(resource), 3, 5);
  }

  /**
   * Cut every ntpq file at many points, drop each of its lines and mangle it in a few ways: each
   * parser either succeeds or throws ParseException. Never a NumberFormatException,
   * IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ntpqFiles")
  void damagedFilesNeverLeakOtherExceptions(String resource) {
    DamagedInputs.assertDamagedFileOnlyParseExceptions(
        NtpqParsers.ALL,
        resource,
        text ->
            List.of(
                text.replace(',', ' '),
                text.replace('=', ' '),
                text.replace(' ', '\t'),
                text.replace('.', ','),
                text.replace("\"", ""),
                text.replaceAll("\\d", "9"),
                text.replaceAll("\\d", "99999999999"),
                text.replaceAll("[0-9a-f]", "\uFFFD"),
                text.replaceAll("(?m)^ ", ""),
                text.replaceAll("(?m)^", " ")));
  }
}
