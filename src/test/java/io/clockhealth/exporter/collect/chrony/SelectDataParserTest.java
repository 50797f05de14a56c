package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectDataParserTest {

  private final SelectDataParser parser = new SelectDataParser();

  /** Expected row: "state name auth copts eopts last score low high leap". */
  static ChronySelectData row(String spec) {
    String[] f = spec.split(" ");
    return new ChronySelectData(
        f[0].charAt(0),
        f[1],
        f[2].equals("Y"),
        f[3],
        f[4],
        Double.valueOf(f[5]),
        Double.parseDouble(f[6]),
        Double.parseDouble(f[7]),
        Double.parseDouble(f[8]),
        LeapStatus.valueOf(f[9]));
  }

  private static final List<String> LAB_C =
      List.of(
          "* 127.0.0.1 N ----- ----- 1 1.0 -0.000002131 0.000003322 NORMAL",
          "+ 127.0.0.2 N ----- ----- 0 1.0 -0.000002899 0.000003404 NORMAL",
          "s 127.0.0.3 N ----- ----- 0 1.0 0 0 UNSYNCHRONISED",
          "N 127.0.0.4 N N---- N---- 0 1.0 0 0 NORMAL");
  private static final List<String> LAB_E =
      List.of(
          "W 127.0.0.1 N ----- ----- 1 1.0 -0.000000644 0.000003811 NORMAL",
          "W 127.0.0.2 N ----- ----- 1 1.0 -0.000001701 0.000005197 NORMAL",
          "O 127.0.0.4 N ----- ----- 0 1.0 -0.000000574 0.000004516 NORMAL");

  /** chrony 4.3's own outputs (lab C: best, combined, unsynchronised, noselect; lab E). */
  static Stream<Arguments> captures() {
    return Stream.of(
        Arguments.of("depth-C-c-selectdata.txt", LAB_C),
        Arguments.of("depth-C-selectdata-v.txt", LAB_C),
        Arguments.of("depth-C-selectdata-a-v.txt", LAB_C),
        Arguments.of("depth-E-c-selectdata.txt", LAB_E),
        Arguments.of("depth-E-selectdata-v.txt", LAB_E),
        Arguments.of(
            "3src-cli-selectdata.txt",
            List.of(
                "* 127.0.0.21 N ----- ----- 0 1.0 -0.000003648 0.000002754 NORMAL",
                "+ 127.0.0.22 N ----- ----- 0 1.0 -0.000002363 0.000003887 NORMAL",
                "x 127.0.0.23 N ----- ----- 0 1.0 -73.0 -73.0 NORMAL")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void captureGivesEveryValue(String file, List<String> expected) throws ParseException {
    assertThat(parser.parse(Fixtures.CHRONYC.capture(file)))
        .containsExactlyElementsOf(expected.stream().map(SelectDataParserTest::row).toList());
  }

  @Test
  void anEmptyTableIsNoRows() throws ParseException {
    assertThat(
            parser.parse(
                "S Name/IP Address        Auth COpts EOpts Last Score     Interval  Leap\n"
                    + "=======================================================================\n"))
        .isEmpty();
    assertThat(parser.parse("")).isEmpty();
  }

  @Test
  void aLetterThisExporterDoesNotKnowIsStillARow() throws ParseException {
    // a later chrony's new state letter: served as reason "other", not a failed collection
    assertThat(parser.parse("Q,ntp.example,Y,-,P,-,-,-,-,P,-,-,-,12,3.5,-0.1,0.2,Insert second\n"))
        .containsExactly(
            new ChronySelectData(
                'Q',
                "ntp.example",
                true,
                "-P---",
                "-P---",
                12.0,
                3.5,
                -0.1,
                0.2,
                LeapStatus.INSERT_SECOND));
  }

  @Test
  void malformedRowsNameTheLine() {
    assertThatThrownBy(() -> parser.parse("*,127.0.0.1,N,-,-,-,-,-,-,-,-,-,-,1,1.0,-0.1,0.1\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("18");
    assertThatThrownBy(
            () -> parser.parse("*,127.0.0.1,N,-,-,-,-,-,-,-,-,-,-,1,1.0,-0.1,0.1,Sometimes\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Sometimes");
    String header =
        "S Name/IP Address        Auth COpts EOpts Last Score     Interval  Leap\n"
            + "=======================================================================\n";
    assertThatThrownBy(
            () ->
                parser.parse(header + "* 127.0.0.1  N ----- -----    1   1.0 -2131ns +3322ns  Z\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("line 3");
  }
}
