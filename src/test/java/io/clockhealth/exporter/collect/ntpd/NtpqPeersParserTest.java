package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NtpqPeersParserTest {

  private static final String HEADER =
      "     remote           refid      st t when poll reach   delay   offset  jitter\n"
          + "==============================================================================\n";

  private final NtpqPeersParser parser = new NtpqPeersParser();

  /**
   * Expected row, written like the MANIFEST: "tally|remote|refid|st|t|when|poll|reach|delay|offset|
   * jitter" with when/poll in seconds ("-" = never), reach in octal as ntpq prints it, and
   * delay/offset/jitter in ms with ntpq's sign.
   */
  static NtpqPeer row(String spec) {
    String[] f = spec.split("\\|", -1);
    return new NtpqPeer(
        f[0].charAt(0),
        f[1],
        f[2],
        Integer.parseInt(f[3]),
        f[4].charAt(0),
        f[5].equals("-") ? null : Double.valueOf(f[5]),
        Double.parseDouble(f[6]),
        Integer.parseInt(f[7], 8),
        Double.parseDouble(f[8]),
        Double.parseDouble(f[9]),
        Double.parseDouble(f[10]));
  }

  /** file, total row count, expected rows (all of them, or the MANIFEST's selected ones). */
  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            "asepready-freebsd-ntpq-p-client-plus-offset.txt",
            2,
            List.of(
                " |dlp.srv.world|.POOL.|16|p|-|64|0|0.000|+0.000|0.000",
                "*|dlp.srv.world|61.205.120.130|2|u|-|64|1|0.291|+13.266|0.756")),
        Arguments.of(
            "asepready-freebsd-ntpq-p-signed-offset.txt",
            6,
            List.of(
                " |ntp.nict.jp|.POOL.|16|p|-|64|0|0.000|+0.000|0.000",
                "+|ntp-k1.nict.jp|.NICT.|1|u|35|64|1|11.343|-9.364|6.736",
                "*|ntp-a3.nict.go.|.NICT.|1|u|35|64|1|17.512|-8.837|3.944",
                "-|ntp-b2.nict.go.|.NICT.|1|u|33|64|1|29.229|-14.034|4.794",
                "+|ntp-b3.nict.go.|.NICT.|1|u|33|64|1|17.141|-8.294|4.203",
                "+|ntp-a2.nict.go.|.NICT.|1|u|32|64|1|17.928|-7.993|7.155")),
        Arguments.of(
            "insights-ntpq-pn-ipv6.txt",
            4,
            List.of(
                "+|10.20.30.40|192.231.203.132|3|u|638|1024|377|0.242|2.461|1.886",
                "*|2001:388:608c:8|.GPS.|1|u|371|1024|377|29.323|1.939|1.312",
                "-|2001:44b8:1::1|216.218.254.202|2|u|396|1024|377|37.869|-3.340|6.458",
                "+|150.203.1.10|202.6.131.118|2|u|509|1024|377|20.135|0.800|3.260")),
        Arguments.of(
            "jc-centos77-ntpq-p.txt",
            4,
            List.of(
                " |44.190.6.254|127.67.113.92|2|u|1|64|1|23.399|-2.805|2.131",
                " |ntp.wdc1.us.lea|130.133.1.10|2|u|-|64|1|93.053|-0.807|2.839",
                " |clock.team-cymr|204.9.54.119|2|u|-|64|1|70.337|-2.909|2.600",
                " |mirror1.sjc02.s|216.218.254.202|2|u|2|64|1|29.325|1.044|4.069")),
        Arguments.of(
            "jc-centos77-ntpq-pn.txt",
            4,
            List.of(
                "+|44.190.6.254|127.67.113.92|2|u|66|64|377|22.690|-0.392|2.085",
                "-|108.59.2.24|130.133.1.10|2|u|63|64|377|90.805|2.840|1.908",
                "+|38.229.71.1|204.9.54.119|2|u|64|64|377|68.699|-0.610|2.576",
                "*|72.5.72.15|216.218.254.202|2|u|63|64|377|22.654|0.231|1.964")),
        Arguments.of(
            "jc-freebsd12-ntpq-p.txt",
            5,
            List.of(
                " |0.freebsd.pool.|.POOL.|16|p|-|64|0|0.000|0.000|0.000",
                " |vf1.bbnx.net|252.74.143.178|2|u|1|64|1|387.363|1589483|39.556",
                " |time.airgapped.|132.163.96.1|2|u|2|64|1|70.572|1589483|0.724",
                " |clock.trit.net|43.77.130.254|2|u|2|64|1|55.717|1589483|2.021",
                " |time.nullrouten|132.163.97.1|2|u|1|64|1|59.682|1589483|7.573")),
        Arguments.of(
            "jc-ubuntu1804-ntpq-p.txt",
            19,
            List.of(
                " |0.ubuntu.pool.n|.POOL.|16|p|-|64|0|0.000|0.000|0.000",
                "+|216.126.233.109|128.227.205.3|2|u|24|64|1|95.876|-65.426|4.502",
                "*|clock.nyc.he.ne|.CDMA.|1|u|31|64|1|90.113|-65.938|4.621",
                "-|50-205-244-110-|50.205.244.27|2|u|30|64|1|76.322|-65.135|2.334",
                " |chilipepper.can|145.238.203.14|2|u|40|64|1|188.989|-59.352|0.000")),
        Arguments.of(
            "jc-ubuntu1804-ntpq-p2.txt",
            22,
            List.of(
                "+|45.79.36.123 (t|216.218.254.202|2|u|11|64|7|68.172|4.404|4.878",
                "+|199.188.64.12 (|173.161.33.165|2|u|9|64|7|78.823|2.148|8.739",
                "*|ntp2.wiktel.com|.GPS.|1|u|25|64|7|76.857|0.473|7.890",
                "#|atl0.jane.mattn|35.73.197.144|2|u|32|64|7|87.536|8.641|4.544",
                "#|vps.jan-jaap.ne|132.163.96.1|2|u|23|64|7|184.394|-7.118|4.585",
                " |pugot.canonical|17.253.34.253|2|u|29|64|7|157.069|3.709|8.753")),
        Arguments.of(
            "jc-ubuntu1804-ntpq-pn.txt",
            19,
            List.of(
                " |ntp.ubuntu.com|.POOL.|16|p|-|64|0|0.000|0.000|0.000",
                "*|209.51.161.238|.CDMA.|1|u|37|64|1|90.113|-65.938|4.621",
                " |91.189.89.198|145.238.203.14|2|u|44|64|1|188.989|-59.352|0.000")),
        Arguments.of(
            "ntpdoc424-debug-peers-narrow-columns.txt",
            4,
            List.of(
                "-|isipc6.cairn.ne|.GPS1.|1|u|18|64|377|65.592|-5.891|0.044",
                "+|saicpc-isiepc2.|pogo.udel.edu|2|u|241|128|370|10.477|-0.117|0.067",
                "+|uclpc.cairn.net|pogo.udel.edu|2|u|37|64|177|212.111|-0.551|0.187",
                "*|pogo.udel.edu|.GPS1.|1|u|95|128|377|0.607|0.123|0.027")),
        Arguments.of(
            "ntpfaq-ntpd4099k-peers-o-tally-pps.txt",
            2,
            List.of(
                "+|GENERIC(1)|.GPS.|0|l|48|64|377|0.000|0.025|0.001",
                "o|PPS(1)|.PPS.|0|l|17|64|377|0.000|0.027|0.000")),
        Arguments.of(
            "ntpfaq-ntpd420a-peers-gps-pps-init.txt",
            3,
            List.of(
                " |GENERIC(1)|.GPS.|0|l|4|64|1|0.000|-0.719|0.001",
                " |PPS(1)|.PPS.|16|l|-|64|0|0.000|0.000|4000.00",
                " |ltgpsdemo|.INIT.|16|u|3|64|0|0.000|0.000|4000.00")),
        Arguments.of(
            "ntpfaq-ntpd420a-peers-synced-gps.txt",
            3,
            List.of(
                "*|GENERIC(1)|.GPS.|0|l|45|64|377|0.000|-0.437|0.203",
                " |PPS(1)|.PPS.|16|l|-|64|0|0.000|0.000|4000.00",
                "+|ltgpsdemo|.PPS.|1|u|116|512|377|0.500|0.349|0.106")),
        Arguments.of(
            "ntpmon-ntpq-np-offset-precision-loss.txt",
            1,
            List.of("*|91.189.94.4|131.188.3.220|2|u|338|1024|377|1.600|-194.54|171.548")),
        Arguments.of(
            "ntpmon-ntpq-np-step-refid.txt",
            9,
            List.of(
                " |137.189.4.10|.STEP.|16|u|-|1024|0|0.000|0.000|0.000",
                "*|91.189.89.199|131.188.3.220|2|u|1019|1024|377|346.845|-0.598|1.105",
                " |54.252.129.186|.STEP.|16|u|-|1024|0|0.000|0.000|0.000")),
        Arguments.of(
            "ntpmon-ntpq-pn-ipv6-truncated.txt",
            29,
            List.of(
                "+|2001:418:3ff::1|249.224.99.213|2|u|681|1024|377|135.867|1.551|2.932",
                "*|202.147.104.60|202.6.131.118|2|u|160|1024|377|42.631|1.452|1.512",
                "+|2001:4478:fe00:|216.218.254.202|2|u|915|1024|377|18.723|1.042|1.600",
                "#|2001:67c:1560:8|193.79.237.14|2|u|194|1024|277|350.215|-12.767|22.507",
                "+|162.213.34.249|89.111.15.218|3|u|645|1024|377|325.488|1.097|33.787")),
        Arguments.of(
            "ntpmon-ntpq-pn-locl-dash-when.txt",
            13,
            List.of(
                " |127.127.1.0|.LOCL.|15|l|-|64|0|0.000|0.000|0.000",
                "+|223.252.23.219|202.127.210.36|3|u|8|128|377|31.430|-16.143|74.185",
                "+|202.147.104.60|202.6.131.118|2|u|132|128|377|56.657|-1.715|96.938",
                "*|54.252.129.186|202.6.131.118|2|u|205|128|376|46.207|-2.489|57.605")),
        Arguments.of(
            "ntpmon-ntpq-pn-pool-locl.txt",
            18,
            List.of(
                " |127.127.1.0|.LOCL.|15|l|528|64|0|0.000|0.000|0.000",
                "#|162.213.34.249|193.224.45.107|3|u|55|64|377|344.617|4.177|21.160",
                "-|203.59.97.212|.PPS.|1|u|53|64|377|106.996|0.126|5.382",
                "*|192.189.54.17|203.35.83.242|2|u|45|64|377|52.797|0.201|74.423")),
        Arguments.of(
            "ntpmon-ntpq-pn-when-gt-poll-backup-tally.txt",
            49,
            List.of(
                "#|172.16.89.199|172.17.237.14|2|u|150|1024|377|1.179|0.317|0.088",
                "#|10.99.0.11|10.99.0.44|7|u|1032|1024|376|0.099|0.011|0.113",
                " |10.99.0.14|10.99.0.28|5|u|53|128|377|0.136|-0.026|0.072",
                " |10.99.0.5|.INIT.|16|u|-|1024|0|0.000|0.000|0.000",
                "*|10.99.0.53|10.99.0.26|4|u|772|1024|173|0.292|0.020|0.136",
                "#|10.99.0.9|10.99.0.14|6|u|981|1024|376|0.408|-0.170|0.188")),
        Arguments.of(
            "ntpsec-doc-nts-ntpq-p-wide.txt",
            8,
            List.of(
                "*|SHM(1)|.PPS.|0|l|20|64|377|0.0000|0.0007|0.0281",
                "x|SHM(0)|.GPS.|0|l|19|64|377|0.0000|233.3966|19.2212",
                "+|pi3.rellim.com|.PPS.|1|8|56|64|371|197.4484|0.0932|0.9660",
                "+|kong.rellim.com|204.17.205.17|2|8|17|64|273|210.7230|-1.3924|0.6086",
                "-|ntp1.glypnod.com|204.123.2.72|2|8|50|64|277|178.5749|3.8921|0.9611",
                "-|ntp2.glypnod.com|17.253.34.253|2|8|-|64|177|185.7582|-2.6534|0.0275",
                " |2407:8000:8001:80::8|.DNS.|16|u|-|1024|0|0.0000|0.0000|0.0005",
                "-|navobs1.wustl.edu|.GPS.|1|u|105|64|356|221.5282|-2.4354|0.0293")),
        Arguments.of(
            "ntpsec-doc-quick-ntpq-p-shm-gps-pps.txt",
            6,
            List.of(
                "x|SHM(0)|.GPS.|0|l|39|64|377|0.000|-591.41|70.967",
                "*|SHM(1)|.PPS.|0|l|43|64|377|0.000|0.003|0.004",
                "+|time-a.timefreq|.ACTS.|1|u|5|64|377|48.438|0.487|3.163",
                "-|time-a.nist.gov|.ACTS.|1|u|23|64|377|73.233|32.901|0.587",
                "-|fwwds-1-pt.tunn|173.162.192.156|2|u|11|64|377|48.311|-2.082|2.649",
                "+|clocka.ntpjs.or|192.5.41.40|2|u|22|64|377|13.146|0.743|0.644")),
        Arguments.of(
            "ntpsec-doc-quick-ntpq-p.txt",
            5,
            List.of(
                "*|b1-66er.matrix.|18.26.4.105|2|u|871|1024|377|6.655|1.042|0.659",
                "+|tools.ninjaneer|216.218.254.202|2|u|268|1024|377|69.917|0.275|0.858",
                "-|96.226.123.230|129.7.1.66|2|u|689|1024|377|43.322|-2.322|0.982",
                "-|a1.pcloud.com|18.26.4.105|2|u|861|1024|377|41.805|-2.283|0.453",
                "+|juniperberry.ca|17.253.34.253|2|u|682|1024|377|82.361|0.927|1.370")),
        Arguments.of(
            "ntpsec-howto-ntpq-p-shm.txt",
            5,
            List.of(
                "-|SHM(0)|.GPS.|0|l|15|64|1|0.000|-515.07|0.002",
                "*|SHM(1)|.PPS.|0|l|14|64|1|0.000|-0.656|0.002",
                "+|tock.usshc.com|.GPS.|1|u|10|64|3|37.408|0.200|1.767",
                "+|clock.isc.org|.GPS.|1|u|7|64|3|74.901|-2.051|1.255",
                "-|tick.apple.com|.GPS.|1|u|6|64|3|479.285|204.508|109.733")));
  }

  static Stream<Arguments> captureFiles() {
    List<String> threeSources =
        List.of(
            "+|10.232.0.2|127.127.1.1|10|u|-|1|377|0.0225|-0.0076|0.0054",
            "*|10.232.0.3|127.127.1.1|10|u|1|1|377|0.0497|0.0131|0.0018",
            "x|10.232.0.4|127.127.1.1|10|u|-|1|377|0.0957|73000.04|0.0070");
    return Stream.of(
        Arguments.of("3src-p.txt", 3, threeSources),
        Arguments.of("3src-pn.txt", 3, threeSources),
        Arguments.of("3src-peers-w.txt", 3, threeSources),
        Arguments.of(
            "3src-p-at-start.txt",
            3,
            List.of(
                " |10.232.0.2|.INIT.|16|u|-|1|0|0.0000|0.0000|0.0001",
                " |10.232.0.3|.INIT.|16|u|-|1|0|0.0000|0.0000|0.0001",
                " |10.232.0.4|.INIT.|16|u|-|1|0|0.0000|0.0000|0.0001")),
        Arguments.of(
            "1src73-p.txt",
            1,
            List.of("*|10.235.0.2|127.127.1.1|10|u|1|1|1|0.1068|73000.04|0.0115")),
        Arguments.of(
            "2src-p.txt",
            2,
            List.of(
                "x|10.232.0.2|127.127.1.1|10|u|1|1|1|0.0430|0.0130|0.0040",
                "x|10.232.0.4|127.127.1.1|10|u|-|1|1|0.0917|73000.04|0.0039")),
        Arguments.of(
            "after-kill-p.txt",
            3,
            List.of(
                "x|10.232.0.2|127.127.1.1|10|u|-|1|377|0.0194|-0.0021|0.0014",
                " |10.232.0.3|127.127.1.1|10|u|41|2|0|0.0000|0.0000|0.0000",
                "x|10.232.0.4|127.127.1.1|10|u|-|1|377|0.1285|73000.05|0.0129")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesCorpusToManifestValues(String file, int total, List<String> rows) throws Exception {
    assertRows(parser.parse(Fixtures.NTPQ.corpus(file)), total, rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void parsesNtpsecCaptures(String file, int total, List<String> rows) throws Exception {
    assertRows(parser.parse(Fixtures.NTPQ.capture(file)), total, rows);
  }

  @Test
  void capturedTalliesAreSystemPeerCandidateAndFalseticker() throws Exception {
    for (String file : List.of("3src-p.txt", "3src-pn.txt", "3src-peers-w.txt")) {
      assertThat(parser.parse(Fixtures.NTPQ.capture(file)))
          .as(file)
          .extracting(NtpqPeer::tally)
          .containsExactly('+', '*', 'x');
    }
    assertThat(parser.parse(Fixtures.NTPQ.capture("after-kill-p.txt")))
        .extracting(NtpqPeer::tally)
        .containsExactly('x', ' ', 'x');
  }

  @Test
  void remoteWithSpacesIsCutByPositionNotByWhitespace() throws Exception {
    List<NtpqPeer> rows = parser.parse(Fixtures.NTPQ.corpus("jc-ubuntu1804-ntpq-p2.txt"));
    assertThat(rows).extracting(NtpqPeer::remote).contains("45.79.36.123 (t", "199.188.64.12 (");
    assertThat(rows).extracting(NtpqPeer::refid).contains("216.218.254.202", "173.161.33.165");
  }

  @Test
  void wideTerminalLayoutTakesTheRemoteWidthFromTheHeader() throws Exception {
    List<NtpqPeer> rows = parser.parse(Fixtures.NTPQ.corpus("ntpsec-doc-nts-ntpq-p-wide.txt"));
    assertThat(rows).extracting(NtpqPeer::remote).contains("2407:8000:8001:80::8");
    assertThat(rows).extracting(NtpqPeer::type).contains('8', 'l', 'u');
  }

  @Test
  void headerThatLostItsLeadingSpacesStillHasTheClassicColumns() throws Exception {
    List<NtpqPeer> rows =
        parser.parse(Fixtures.NTPQ.corpus("ntpfaq-ntpd4099k-peers-o-tally-pps.txt"));
    assertThat(rows).extracting(NtpqPeer::remote).containsExactly("GENERIC(1)", "PPS(1)");
    assertThat(rows).extracting(NtpqPeer::tally).containsExactly('+', 'o');
  }

  @Test
  void wideModeLongNameStandsAloneWithTheColumnsOnTheNextLine() throws Exception {
    // ntpsec -w: "%c%s\n" for a name wider than the column, then namewidth + 2 spaces.
    String text =
        HEADER
            + "*2001:db8:1234:5678::123\n"
            + "                 .GPS.            1 u   12   64  377   0.0225  -0.0076   0.0054\n"
            + "+10.232.0.2      127.127.1.1     10 u    -    1  377   0.0225  -0.0076   0.0054\n"
            + " time.example.com (192.0.2.1)\n"
            + "                 .INIT.          16 u    - 1024    0   0.0000   0.0000   0.0005\n";
    assertThat(parser.parse(text))
        .containsExactly(
            row("*|2001:db8:1234:5678::123|.GPS.|1|u|12|64|377|0.0225|-0.0076|0.0054"),
            row("+|10.232.0.2|127.127.1.1|10|u|-|1|377|0.0225|-0.0076|0.0054"),
            row(" |time.example.com (192.0.2.1)|.INIT.|16|u|-|1024|0|0.0000|0.0000|0.0005"));
  }

  @Test
  void wideModeContinuationIndentedOneColumnLessStillJoins() throws Exception {
    String text =
        HEADER
            + "-ntp-long-hostname.example.org\n"
            + "                .PPS.            1 u   33   64  377    1.234   -0.567   0.089\n";
    assertThat(parser.parse(text))
        .containsExactly(
            row("-|ntp-long-hostname.example.org|.PPS.|1|u|33|64|377|1.234|-0.567|0.089"));
  }

  @ParameterizedTest(name = "when {0}, poll {1}")
  @CsvSource({
    "64m, 64, 3840, 64",
    "2h, 1024, 7200, 1024",
    "3d, 36h, 259200, 129600",
    "2048, 17m, 2048, 1020"
  })
  void whenAndPollWithMinuteHourDaySuffixes(
      String when, String poll, double whenSeconds, double pollSeconds) throws Exception {
    String text =
        HEADER
            + String.format(
                "*192.0.2.1       .GPS.            1 u %4s %4s  377    0.500    0.349   0.106%n",
                when, poll);
    NtpqPeer row = parser.parse(text).get(0);
    assertThat(row.whenSeconds()).isEqualTo(whenSeconds);
    assertThat(row.pollSeconds()).isEqualTo(pollSeconds);
  }

  @ParameterizedTest(name = "reach {0}")
  @CsvSource({"377, 255", "376, 254", "173, 123", "1, 1", "0, 0"})
  void reachIsReadAsOctal(String printed, int value) throws Exception {
    String text =
        HEADER
            + String.format(
                "+192.0.2.1       .GPS.            1 u   12   64  %3s    0.500    0.349   0.106%n",
                printed);
    assertThat(parser.parse(text).get(0).reach()).isEqualTo(value);
  }

  @Test
  void oldDispersionTitleAndInteractivePromptAreAccepted() throws Exception {
    String text =
        "ntpq> peers\n"
            + "     remote           refid      st t when poll reach   delay   offset    disp\n"
            + "==============================================================================\n"
            + "*192.0.2.1       .GPS.            1 u   12   64  377    0.500    0.349   0.106\n";
    assertThat(parser.parse(text))
        .containsExactly(row("*|192.0.2.1|.GPS.|1|u|12|64|377|0.500|0.349|0.106"));
  }

  @Test
  void headerWithoutRowsIsAnEmptyList() throws Exception {
    assertThat(parser.parse(HEADER)).isEmpty();
    assertThat(parser.parse(HEADER.lines().findFirst().orElseThrow())).isEmpty();
  }

  @Test
  void everyTallyCodeIsAccepted() throws Exception {
    StringBuilder text = new StringBuilder(HEADER);
    for (char tally : " x.-+#*o".toCharArray()) {
      text.append(tally)
          .append(
              "192.0.2.1       .GPS.            1 u   12   64  377    0.500    0.349   0.106\n");
    }
    assertThat(parser.parse(text.toString()))
        .extracting(NtpqPeer::tally)
        .containsExactly(' ', 'x', '.', '-', '+', '#', '*', 'o');
  }

  static Stream<Arguments> malformedRows() {
    String good = "*192.0.2.1       .GPS.            1 u   12   64  377    0.500    0.349   0.106";
    return Stream.of(
        Arguments.of("unknown tally", good.replace('*', '?'), "unknown tally code"),
        Arguments.of("reach above 8 bits", good.replace("377", "777"), "reach beyond 8 bits"),
        Arguments.of("reach not octal", good.replace("377", "389"), "reach"),
        Arguments.of("column missing", good.replace("   0.106", ""), "expected 9 columns"),
        Arguments.of("offset not a number", good.replace("0.349", "0.3x9"), "not a number"),
        Arguments.of("when not an interval", good.replace("  12 ", " 12s "), "not an interval"),
        Arguments.of(
            "remote overruns without a continuation",
            "*192.0.2.1.example.org .GPS.     1 u   12   64  377    0.500    0.349   0.106",
            "no space after the 15-character remote column"),
        Arguments.of(
            "columns without a name line",
            "                 .GPS.            1 u   12   64  377    0.500    0.349   0.106",
            "columns without the remote name line"),
        Arguments.of("cut inside the remote", "*192.0.2.1", "row ends within the remote column"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRows")
  void malformedRowsNameTheirLine(String name, String row, String why) {
    assertThatThrownBy(() -> parser.parse(HEADER + row + "\n"))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(3);
              assertThat(e.line()).isEqualTo(row);
              assertThat(e.getMessage()).startsWith("ntpq-peers: line 3: ").contains(why);
            });
  }

  @Test
  void errorMessageAfterTheHeaderIsAToolError() {
    assertThatThrownBy(() -> parser.parse(HEADER + "***Request timed out\n"))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR);
              assertThat(e.lineNumber()).isEqualTo(3);
            });
  }

  @Test
  void recognisesOnlyThePeersHeader() {
    assertThat(parser.recognises(HEADER)).isTrue();
    assertThat(parser.recognises("\nntpq> pe\n" + HEADER)).isTrue();
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-apeers.txt"))).isFalse();
    assertThat(parser.recognises(Fixtures.NTPQ.capture("3src-rv.txt"))).isFalse();
    assertThat(parser.recognises(null)).isFalse();
    assertThat(parser.recognises("")).isFalse();
  }

  /** Total count, then the expected rows in order: all of them, or a selection of them. */
  static void assertRows(List<NtpqPeer> actual, int total, List<String> specs) {
    assertThat(actual).hasSize(total);
    List<NtpqPeer> expected = specs.stream().map(NtpqPeersParserTest::row).toList();
    if (expected.size() == total) {
      assertThat(actual).containsExactlyElementsOf(expected);
    } else {
      assertThat(actual).containsSubsequence(expected);
    }
  }
}
