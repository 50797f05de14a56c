package io.clockhealth.exporter.collect.ptp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pmc capture has exactly one format, which parses it; nothing else is taken for pmc's. */
class PtpRecognisesTest {

  static Stream<String> allFiles() {
    return FixtureFiles.allResourceFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void onlyItsOwnParserRecognisesAFile(String resource) {
    String text = FixtureFiles.read(resource);
    NamedParser own = PtpParsers.forResource(resource);
    for (NamedParser parser : PtpParsers.ALL) {
      assertThat(parser.recognises().test(text))
          .as("%s recognises %s", parser.format(), resource)
          .isEqualTo(parser == own);
    }
    if (own != null) {
      assertThatCode(() -> own.parse().parse(text))
          .as("%s parses %s", own.format(), resource)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyCaptureButTheNoReplyOneHasAParser() {
    assertThat(Fixtures.pmcFiles())
        .hasSize(28)
        .allSatisfy(
            r ->
                assertThat(PtpParsers.forResource(r) != null)
                    .as(r)
                    .isEqualTo(!r.endsWith(PtpParsers.NO_PTP4L)));
  }

  /**
   * Every other file given to each pmc parser it does not belong to; but the batch parser reads any
   * pmc reply (the collector's call may come back with fewer data sets than it asked for).
   */
  static Stream<Arguments> otherFormats() {
    return DamagedInputs.otherFormats(allFiles(), PtpParsers.ALL, PtpParsers::forResource)
        .filter(
            a ->
                !(a.get()[0] == PtpParsers.BATCH
                    && PtpParsers.forResource((String) a.get()[1]) != null));
  }

  @ParameterizedTest(name = "{0} given {1}")
  @MethodSource("otherFormats")
  void anotherOutputIsRejected(NamedParser parser, String resource) {
    Kind expected = resource.endsWith(PtpParsers.NO_PTP4L) ? Kind.TOOL_ERROR : Kind.MALFORMED;
    DamagedInputs.assertRejected(parser, FixtureFiles.read(resource), expected);
  }
}
