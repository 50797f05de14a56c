package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChronyRecognisesTest {

  /** Every corpus and capture file, as resource paths. */
  static Stream<String> allFiles() {
    return Stream.concat(
        ChronyFixtures.list(ChronyFixtures.CORPUS).stream().map(f -> ChronyFixtures.CORPUS + f),
        ChronyFixtures.list(ChronyFixtures.CAPTURES).stream()
            .map(f -> ChronyFixtures.CAPTURES + f));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void onlyItsOwnParserRecognisesAFile(String resource) {
    String text = ChronyFixtures.read(resource);
    ChronyParsers.Named own = ChronyParsers.forFile(resource);
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
      assertThat(parser.recognises().test(text))
          .as("%s recognises %s", parser.format(), resource)
          .isEqualTo(parser == own);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void itsOwnParserParsesAFile(String resource) {
    ChronyParsers.Named own = ChronyParsers.forFile(resource);
    if (own != null) {
      assertThatCode(() -> own.parse().parse(ChronyFixtures.read(resource)))
          .as("%s parses %s", own.format(), resource)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void nothingRecognisesEmptyOrNullInput() {
    for (ChronyParsers.Named parser : ChronyParsers.ALL) {
      assertThat(parser.recognises().test("")).as(parser.format()).isFalse();
      assertThat(parser.recognises().test(null)).as(parser.format()).isFalse();
      assertThat(parser.recognises().test("506 Cannot talk to daemon\n"))
          .as(parser.format())
          .isFalse();
    }
  }
}
