package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class SourcesParserTest extends ChronycTableParserTestBase<ChronySource> {

  private static final double EPS = 1e-12;

  SourcesParserTest() {
    super(new SourcesParser(), SourcesParserTest::row, ChronySource::name);
  }

  /**
   * Expected row, written like the MANIFEST: "MS name stratum poll reach(decimal) lastrx(s or -)
   * adjusted measured error", offsets in seconds.
   */
  static ChronySource row(String spec) {
    String[] f = spec.split(" ");
    return new ChronySource(
        f[0].charAt(0),
        f[0].charAt(1),
        f[1],
        Integer.parseInt(f[2]),
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        f[5].equals("-") ? null : Double.valueOf(f[5]),
        Double.parseDouble(f[6]),
        Double.parseDouble(f[7]),
        Double.parseDouble(f[8]));
  }

  /** file, total row count, expected rows (all of them, or the selected ones when fewer). */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            "chrony-doc-sources.txt",
            3,
            List.of(
                "#* GPS0 0 4 255 11 -0.000000479 -0.000000621 0.000000134",
                "^? ntp1.example.net 2 6 255 23 -0.000923 -0.000924 0.043",
                "^+ ntp2.example.net 1 6 255 21 -0.002629 -0.002619 0.086")),
        Arguments.of(
            "chrony-faq-sources.txt",
            3,
            List.of(
                "^* ntp1.example.net 2 6 255 34 0.000484 -0.000157 0.03",
                "^- ntp2.example.net 2 6 255 34 0.033 0.032 0.047",
                "^+ ntp3.example.net 3 6 255 35 -0.001397 -0.002033 0.06")),
        Arguments.of(
            "chrony131-doc-sources.txt",
            3,
            List.of(
                "#* GPS0 0 4 255 11 -0.000000479 -0.000000621 0.000000134",
                "^? a.b.c 2 6 255 23 -0.000923 -0.000924 0.043",
                "^+ d.e.f 1 6 255 21 -0.002629 -0.002619 0.086")),
        Arguments.of(
            "liaosirui-sources-unreachable.txt", 1, List.of("^? 192.168.0.5 0 7 0 - 0 0 0")),
        Arguments.of(
            "liaosirui-sources-v-phc0.txt",
            5,
            List.of(
                "#* PHC0 0 0 255 1 0.000000002 0.00000001 0.00000002",
                "^- a.chl.la 2 10 255 1680 -0.004308 -0.004366 0.101",
                "^- 111.230.189.174 2 10 255 102 -0.002486 -0.002487 0.058",
                "^- time.cloudflare.com 3 10 253 572 0.014 0.014 0.096",
                "^- 119.28.206.193 2 10 255 662 0.000037 0.000033 0.037")),
        Arguments.of(
            "ntpmon-csv-sources-22.txt",
            22,
            List.of(
                "^- 103.35.80.142 2 10 255 61 -0.004040866 -0.004040866 0.198811710",
                "^- 178.79.160.57 2 9 255 276 -0.000089910 -0.000048331 0.009740895",
                "^* 85.199.214.102 1 10 255 252 0.000006879 0.000048551 0.001954214",
                "^+ 85.199.214.98 1 10 255 27 0.000085761 0.000085761 0.002132857",
                "^- 91.189.89.198 2 10 255 713 -0.000519517 -0.000479578 0.046003979")),
        Arguments.of(
            "ntpmon-csv-sources-peer.txt",
            8,
            List.of(
                "^* 130.95.128.58 3 10 255 167 0.000076249 0.000156259 0.011293960",
                "=- 130.95.13.18 4 10 255 904 0.000112006 0.000183676 0.055506174",
                "^- 120.146.26.214 2 10 255 1313 0.000196896 0.000535064 0.068387702",
                "^- 139.99.107.37 2 10 223 154 -0.020766487 -0.020766487 0.103270806")),
        Arguments.of(
            "timepi12-sources-v-gps-truncated-name.txt",
            5,
            List.of(
                "#* GPS 0 4 255 12 -0.001806 -0.001922 0.000452",
                "^? time.circlevps.net 2 6 255 42 -0.07 -0.069 0.021",
                "^? lax1.us.ntp.li 2 6 255 43 -0.059 -0.059 0.036",
                "^? 50.218.103.254 2 6 255 43 -0.059 -0.059 0.045",
                "^? 108.61.215.221.vultruser> 0 6 0 - 0 0 0")),
        Arguments.of(
            "ubuntu-doc-sources-20-truncated-names.txt",
            20,
            List.of(
                "^+ gamma.rueckgr.at 2 8 255 135 -0.001048 -0.001048 0.029",
                "^+ stratum2-4.NTP.TechFak.U> 2 8 255 143 -0.00209 -0.002073 0.019",
                "^- 4.53.160.75 2 8 255 137 -0.011 -0.011 0.117",
                "^+ 85.199.214.102 1 8 255 205 0.000175 0.000192 0.012",
                "^* 46-243-26-34.tangos.nl 1 8 255 141 -0.000123 -0.000106 0.01",
                "^- alphyn.canonical.com 2 6 255 23 -0.001569 -0.001569 0.079",
                "^- chilipepper.canonical.com 2 8 255 21 -0.001106 -0.001106 0.027")),
        Arguments.of(
            "ubuntu-doc-sources-pps-combined.txt",
            3,
            List.of(
                "#? GPS 0 4 0 - 0 0 0",
                "#+ PPS 0 4 255 22 0.000154 0.000154 0.008561",
                "^* chilipepper.canonical.com 2 6 255 50 -0.000353 -0.0003 0.044")),
        Arguments.of(
            "ubuntu-doc-sources-pps-selected-gps-falseticker.txt",
            3,
            List.of(
                "#x GPS 0 4 255 20 -0.884 -0.884 0.2",
                "#* PPS 0 4 255 18 0.000006677 0.000052 0.000058",
                "^- alphyn.canonical.com 2 6 255 20 -0.001303 -0.001258 0.114")),
        Arguments.of(
            "ubuntu-doc-sources-refclock-unusable.txt",
            2,
            List.of("#? GPS 0 4 0 - 0 0 0", "#? PPS 0 4 0 - 0 0 0")));
  }

  static Stream<Arguments> captureFiles() {
    List<String> threeSources =
        List.of(
            "^* 127.0.0.21 10 -1 255 0 0.000001175 0.000001198 0.000004071",
            "^+ 127.0.0.22 10 -1 255 0 0.000000508 0.000000508 0.000003233",
            "^x 127.0.0.23 10 -1 255 0 -73.0 -73.0 0.000021");
    List<String> atStart =
        List.of(
            "^? 127.0.0.21 0 0 0 - 0 0 0",
            "^? 127.0.0.22 0 0 0 - 0 0 0",
            "^? 127.0.0.23 0 0 0 - 0 0 0");
    return Stream.of(
        Arguments.of("3src-cli-sources.txt", 3, threeSources),
        Arguments.of("3src-cli-sources-v.txt", 3, threeSources),
        Arguments.of("3src-cli-n-sources.txt", 3, threeSources),
        Arguments.of(
            "3src-cli-c-sources.txt",
            3,
            List.of(
                "^* 127.0.0.21 10 -1 255 0 0.000001175 0.000001198 0.000004071",
                "^+ 127.0.0.22 10 -1 255 0 0.000000508 0.000000508 0.000003233",
                "^x 127.0.0.23 10 -1 255 0 -73.000015259 -73.000015259 0.000020739")),
        Arguments.of(
            "3src-fast-sources.txt",
            3,
            List.of(
                "^* 127.0.0.21 10 -2 255 0 0.000000503 0.000000435 0.000004319",
                "^+ 127.0.0.22 10 -2 255 0 0.000000585 0.000000585 0.000003471",
                "^x 127.0.0.23 10 -2 255 0 -73.0 -73.0 0.000034")),
        Arguments.of("sources-at-start.txt", 3, atStart),
        Arguments.of(
            "after-kill-cli-sources.txt",
            3,
            List.of(
                "^? 127.0.0.21 10 0 0 66 0.000001175 0.000001198 0.000004071",
                "^x 127.0.0.22 10 0 255 1 0.000007489 0.000007489 0.000004519",
                "^x 127.0.0.23 10 0 255 1 -73.0 -73.0 0.000035")),
        Arguments.of(
            "after-kill-fast-sources.txt",
            3,
            List.of(
                "^? 127.0.0.21 10 0 0 66 0.000000238 0.000000528 0.000003971",
                "^x 127.0.0.22 10 -2 255 0 -0.000002777 -0.000002777 0.000003056",
                "^x 127.0.0.23 10 -2 255 1 -73.0 -73.0 0.000019")),
        Arguments.of(
            "leap-cli-sources.txt",
            1,
            List.of("^* 127.0.0.25 11 -1 15 0 -0.000024 -0.000021 0.857")),
        Arguments.of(
            "only73-sources.txt",
            1,
            List.of("^* 127.0.0.23 10 -2 255 0 0.000000304 0.000000816 0.000023")),
        Arguments.of(
            "only73-c-sources.txt",
            1,
            List.of("^* 127.0.0.23 10 -2 255 0 0.000000304 0.000000816 0.000022631")));
  }

  @Test
  void headerWithoutRowsIsAnEmptyList() throws Exception {
    String header =
        "MS Name/IP address         Stratum Poll Reach LastRx Last sample               \n"
            + "===============================================================================\n";
    assertThat(parser.parse(header)).isEmpty();
    assertThat(parser.parse("210 Number of sources = 0\n" + header)).isEmpty();
  }

  @Test
  void csvWithoutRowsIsNothingAtAll() throws Exception {
    // chronyc -c sources prints no header, so a daemon without sources prints nothing.
    assertThat(parser.parse("")).isEmpty();
    assertThat(parser.parse("\n")).isEmpty();
  }

  @Test
  void neverReceivedInCsvIsNull() throws Exception {
    List<ChronySource> rows =
        parser.parse("^,?,192.0.2.1,0,6,0,4294967295,0.000000000,0.000000000,0.000000000\n");
    assertThat(rows).singleElement().extracting(ChronySource::lastRxSeconds).isNull();
  }

  @Test
  void csvWithIpv6Names() throws Exception {
    List<ChronySource> rows =
        parser.parse("^,*,2001:db8::1,2,6,377,12,0.000001000,0.000002000,0.000300000\n");
    assertThat(rows).singleElement().extracting(ChronySource::name).isEqualTo("2001:db8::1");
  }

  @Test
  void largeOffsetsInMinutesHoursAndDays() throws Exception {
    String text =
        "MS Name/IP address         Stratum Poll Reach LastRx Last sample\n"
            + "===============================================================================\n"
            + "^- a.example                     2   6   377    3d  +1667m[+1667m] +/-   30h\n";
    ChronySource row = parser.parse(text).get(0);
    assertThat(row.lastRxSeconds()).isEqualTo(3 * 86400.0);
    assertThat(row.adjustedOffsetSeconds()).isCloseTo(1667 * 60.0, within(EPS));
    assertThat(row.errorSeconds()).isCloseTo(30 * 3600.0, within(EPS));
  }

  @Test
  void legendLinesAreNeverRows() {
    // A legend line after the rule is not a row, whatever characters it starts with.
    String text =
        Fixtures.CHRONYC.corpus("chrony-doc-sources.txt")
            + " / .- Source state '*' = current best, '+' = combined, '-' = not combined,\n";
    DamagedInputs.assertMalformedAt(() -> parser.parse(text), 6, "not a sources row");
  }

  @Test
  void truncatedRowIsMalformed() {
    String text = Fixtures.CHRONYC.capture("3src-cli-sources.txt").replace("+/- 4071ns", "+/-");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.lineNumber()).isEqualTo(3));
  }

  @Test
  void reachBeyondEightBitsIsMalformed() {
    assertThatThrownBy(() -> parser.parse("^,*,a,2,6,777,1,0.1,0.1,0.1\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("reach");
  }

  @Override
  void compareRow(SoftAssertions soft, String row, ChronySource a, ChronySource e) {
    soft.assertThat(a.modeSymbol()).as(row + " mode").isEqualTo(e.modeSymbol());
    soft.assertThat(a.stateSymbol()).as(row + " state").isEqualTo(e.stateSymbol());
    soft.assertThat(a.name()).as(row + " name").isEqualTo(e.name());
    soft.assertThat(a.stratum()).as(row + " stratum").isEqualTo(e.stratum());
    soft.assertThat(a.pollLog2()).as(row + " poll").isEqualTo(e.pollLog2());
    soft.assertThat(a.reach()).as(row + " reach").isEqualTo(e.reach());
    soft.assertThat(a.lastRxSeconds()).as(row + " lastRx").isEqualTo(e.lastRxSeconds());
    soft.assertThat(a.adjustedOffsetSeconds())
        .as(row + " adjusted")
        .isCloseTo(e.adjustedOffsetSeconds(), within(EPS));
    soft.assertThat(a.measuredOffsetSeconds())
        .as(row + " measured")
        .isCloseTo(e.measuredOffsetSeconds(), within(EPS));
    soft.assertThat(a.errorSeconds()).as(row + " error").isCloseTo(e.errorSeconds(), within(EPS));
  }
}
