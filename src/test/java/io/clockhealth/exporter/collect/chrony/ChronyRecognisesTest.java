package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.NamedParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChronyRecognisesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#chronycFiles")
  void onlyItsOwnParserRecognisesAFile(String resource) {
    String text = FixtureFiles.read(resource);
    NamedParser picked = ChronyParsers.recognisedBy(resource);
    for (NamedParser parser : ChronyParsers.ALL) {
      assertThat(parser.recognises().test(text))
          .as("%s recognises %s", parser.format(), resource)
          .isEqualTo(parser == picked);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#chronycFiles")
  void itsOwnParserParsesAFile(String resource) {
    NamedParser own = ChronyParsers.forFile(resource);
    assertThatCode(() -> own.parse().parse(FixtureFiles.read(resource)))
        .as("%s parses %s", own.format(), resource)
        .doesNotThrowAnyException();
  }

  @Test
  void nothingRecognisesEmptyOrNullInput() {
    for (NamedParser parser : ChronyParsers.ALL) {
      assertThat(parser.recognises().test("")).as(parser.format()).isFalse();
      assertThat(parser.recognises().test(null)).as(parser.format()).isFalse();
      assertThat(parser.recognises().test("506 Cannot talk to daemon\n"))
          .as(parser.format())
          .isFalse();
    }
  }
}
