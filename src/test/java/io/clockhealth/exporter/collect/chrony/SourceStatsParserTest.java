package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class SourceStatsParserTest extends ChronycTableParserTestBase<ChronySourceStats> {

  private static final double EPS = 1e-12;

  SourceStatsParserTest() {
    super(new SourceStatsParser(), SourceStatsParserTest::row, ChronySourceStats::name);
  }

  /** Expected row: "name NP NR span(s) freq(ppm) skew(ppm) offset(s) stddev(s)". */
  static ChronySourceStats row(String spec) {
    String[] f = spec.split(" ");
    return new ChronySourceStats(
        f[0],
        Integer.parseInt(f[1]),
        Integer.parseInt(f[2]),
        Double.parseDouble(f[3]),
        Double.parseDouble(f[4]),
        Double.parseDouble(f[5]),
        Double.parseDouble(f[6]),
        Double.parseDouble(f[7]));
  }

  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        // "46m" span; the doc's unsigned "1us" offset.
        Arguments.of(
            "chrony-doc-sourcestats.txt",
            1,
            List.of("ntp1.example.net 11 5 2760 -0.001 0.045 0.000001 0.000025")),
        Arguments.of(
            "chrony-faq-sourcestats-pps-nmea.txt",
            3,
            List.of(
                "PPS0 0 0 0 0.000 2000.000 0 4",
                "NMEA 58 30 231 -96.494 38.406 0.504 0.00608",
                "ntp1.example.net 7 3 200 -2.991 16.141 -0.000107 0.000492")),
        Arguments.of(
            "liaosirui-sourcestats-phc0.txt",
            5,
            List.of(
                "PHC0 6 3 5 0.001 0.012 0.000000001 0.000000006",
                "a.chl.la 64 27 64800 0.151 0.099 -0.001526 0.004414",
                "111.230.189.174 16 10 15480 -0.051 0.233 -0.001327 0.001145",
                "time.cloudflare.com 24 14 24840 0.182 0.459 0.006852 0.004326",
                "119.28.206.193 18 9 17580 -0.103 0.185 -0.00171 0.000973")),
        Arguments.of(
            "ubuntu-doc-sourcestats-210-truncated-names.txt",
            20,
            List.of(
                "gamma.rueckgr.at 25 15 1920 -0.007 0.142 -0.000878 0.000106",
                "stratum2-4.NTP.TechFak.U> 25 14 1920 -0.018 0.130 -0.002056 0.000096",
                "mirrorhost.pw 6 5 645 0.117 0.445 -0.000591 0.000019",
                "4.53.160.75 25 10 1920 0.412 0.110 -0.011 0.000084",
                "alphyn.canonical.com 17 11 1100 -0.087 0.360 -0.001749 0.000114",
                "chilipepper.canonical.com 25 18 2040 -0.084 0.224 -0.001116 0.000169")),
        Arguments.of(
            "ubuntu-doc-sourcestats-gps-pps.txt",
            3,
            List.of(
                "GPS 20 9 302 1.993 11.501 -0.868 0.001208",
                "PPS 6 3 78 0.324 5.009 0.000003365 0.000041",
                "golem.canonical.com 15 10 783 0.859 0.509 -0.00075 0.000108")));
  }

  static Stream<Arguments> captureFiles() {
    return Stream.of(
        Arguments.of(
            "3src-cli-sourcestats.txt",
            3,
            List.of(
                "127.0.0.21 19 11 4 -0.017 0.213 -0.000000875 0.000000315",
                "127.0.0.22 12 6 5 0.029 0.359 0.000000751 0.000000421",
                "127.0.0.23 20 12 5 -0.950 2.981 -73.0 0.000004676")),
        Arguments.of(
            "3src-cli-c-sourcestats.txt",
            3,
            List.of(
                "127.0.0.21 19 11 4 -0.017 0.213 -0.000000876 0.000000315",
                "127.0.0.22 12 6 5 0.029 0.359 0.000000751 0.000000421",
                "127.0.0.23 20 12 5 -0.950 2.981 -73.000015259 0.000004676")),
        // "-0ns" is zero.
        Arguments.of(
            "only73-sourcestats.txt", 1, List.of("127.0.0.23 12 12 2 -0.022 4.909 0 0.000002923")));
  }

  @Test
  void verboseLegendIsSkipped() throws Exception {
    String legend =
        "                             .- Number of sample points in measurement set.\n"
            + "                            /    .- Number of residual runs with same sign.\n"
            + "                           |    /    .- Length of measurement set (time).\n"
            + "                           |   |    /      .- Est. clock freq error (ppm).\n"
            + "                           |   |   |      /           .- Est. error in freq.\n"
            + "                           |   |   |     |           /         .- Est. offset.\n"
            + "                           |   |   |     |          |          |   On the -.\n"
            + "                           |   |   |     |          |          |   samples. \\\n"
            + "                           |   |   |     |          |          |             |\n";
    String text = legend + Fixtures.CHRONYC.corpus("liaosirui-sourcestats-phc0.txt");
    assertThat(parser.parse(text)).hasSize(5);
  }

  @Test
  void negativeZeroOffsetIsPlainZero() throws Exception {
    ChronySourceStats row = parser.parse(Fixtures.CHRONYC.capture("only73-sourcestats.txt")).get(0);
    assertThat(Double.doubleToRawLongBits(row.offsetSeconds())).isZero();
  }

  @Test
  void headerOnlyAndEmptyCsvAreEmpty() throws Exception {
    assertThat(
            parser.parse(
                "Name/IP Address            NP  NR  Span  Frequency  Freq Skew  Offset  Std Dev\n"
                    + "==============================================================================\n"))
        .isEmpty();
    assertThat(parser.parse("")).isEmpty();
  }

  @Test
  void rowWithMissingColumnIsMalformed() {
    String text =
        Fixtures.CHRONYC.capture("3src-cli-sourcestats.txt").replace("  2.981   -73.0s", "  2.981");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(5);
              assertThat(e.getMessage()).contains("not a sourcestats row");
            });
  }

  @Override
  void compareRow(SoftAssertions soft, String row, ChronySourceStats a, ChronySourceStats e) {
    soft.assertThat(a.name()).as(row + " name").isEqualTo(e.name());
    soft.assertThat(a.samples()).as(row + " NP").isEqualTo(e.samples());
    soft.assertThat(a.runs()).as(row + " NR").isEqualTo(e.runs());
    soft.assertThat(a.spanSeconds()).as(row + " span").isCloseTo(e.spanSeconds(), within(EPS));
    soft.assertThat(a.frequencyPpm())
        .as(row + " frequency")
        .isCloseTo(e.frequencyPpm(), within(EPS));
    soft.assertThat(a.frequencySkewPpm())
        .as(row + " skew")
        .isCloseTo(e.frequencySkewPpm(), within(EPS));
    soft.assertThat(a.offsetSeconds())
        .as(row + " offset")
        .isCloseTo(e.offsetSeconds(), within(EPS));
    soft.assertThat(a.stdDevSeconds())
        .as(row + " stddev")
        .isCloseTo(e.stdDevSeconds(), within(EPS));
  }
}
