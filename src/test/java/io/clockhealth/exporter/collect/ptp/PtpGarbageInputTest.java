package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs that are not pmc's replies: always a ParseException, never anything else. */
class PtpGarbageInputTest {

  static Stream<Arguments> garbage() {
    return DamagedInputs.eachParserWith(
        PtpParsers.ALL,
        List.of(
            "hello world\nthis is not pmc output\n",
            "\u0000\u0001\u0002binary\n",
            "\t\tstepsRemoved 1\n",
            "\t9a1c77.fffe.233204-0 seq 0 RESPONSE MANAGEMENT\n",
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
    DamagedInputs.assertNullAndEmptyMalformed(PtpParsers.ALL);
  }

  @Test
  void invalidUtf8IsMalformedNamingTheLine() {
    DamagedInputs.assertInvalidUtf8OnLine(PtpParsers.BATCH, PmcCalls.slave(), 9, 5);
    DamagedInputs.assertInvalidUtf8OnLine(
        NamedParser.named(PtpParsers.ALL, "pmc-time-status-np"),
        PtpParsers.capture("lab-slave-slave", "GET TIME_STATUS_NP"),
        3,
        4);
  }

  static Stream<String> pmcFiles() {
    return Fixtures.pmcFiles();
  }

  /**
   * Cut every pmc file at many points, drop each of its lines and mangle it in a few ways: each
   * parser either succeeds or throws ParseException. Never a NumberFormatException,
   * IndexOutOfBounds or NPE.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("pmcFiles")
  void damagedFilesNeverLeakOtherExceptions(String resource) {
    DamagedInputs.assertDamagedFileOnlyParseExceptions(
        PtpParsers.ALL,
        resource,
        text ->
            List.of(
                text.replace('\t', ' '),
                text.replace(".", ""),
                text.replace("-", ""),
                text.replaceAll("\\d", "9"),
                text.replaceAll("\\d+", "99999999999999999999999"),
                text.replaceAll("[0-9a-f]", "\uFFFD"),
                text.replaceAll("(?m)^\\t", ""),
                text.replaceAll("(?m)^", "\t"),
                text.replaceAll("(?m) +\\S+$", "")));
  }
}
