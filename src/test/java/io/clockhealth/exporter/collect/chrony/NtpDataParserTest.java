package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NtpDataParserTest {

  private static final double EPS = 1e-12;

  private final NtpDataParser parser = new NtpDataParser();

  @Test
  void docExampleGivesManifestValues() throws Exception {
    List<ChronyNtpData> all = parser.parse(Fixtures.CHRONYC.corpus("chrony-doc-ntpdata.txt"));
    assertThat(all).hasSize(1);
    ChronyNtpData d = all.get(0);
    assertThat(d.remoteAddress()).isEqualTo("203.0.113.15");
    assertThat(d.remoteAddressHex()).isEqualTo("CB00710F");
    assertThat(d.remotePort()).isEqualTo(123);
    assertThat(d.localAddress()).isEqualTo("203.0.113.74");
    assertThat(d.localAddressHex()).isEqualTo("CB00714A");
    assertThat(d.leapStatus()).isEqualTo(LeapStatus.NORMAL);
    assertThat(d.version()).isEqualTo(4);
    assertThat(d.mode()).isEqualTo("Server");
    assertThat(d.stratum()).isEqualTo(1);
    assertThat(d.pollLog2()).isEqualTo(10);
    assertThat(d.precisionLog2()).isEqualTo(-24);
    assertThat(d.rootDelaySeconds()).isCloseTo(0.000015, within(EPS));
    assertThat(d.rootDispersionSeconds()).isCloseTo(0.000015, within(EPS));
    assertThat(d.refId()).isEqualTo("47505300");
    assertThat(d.referenceName()).isEqualTo("GPS");
    assertThat(d.referenceTimeSeconds())
        .isEqualTo(Instant.parse("2016-11-25T15:22:12Z").getEpochSecond());
    assertThat(d.offsetSeconds()).isCloseTo(-0.000060878, within(EPS));
    assertThat(d.peerDelaySeconds()).isCloseTo(0.000175634, within(EPS));
    assertThat(d.peerDispersionSeconds()).isCloseTo(0.000000681, within(EPS));
    assertThat(d.responseTimeSeconds()).isCloseTo(0.000053050, within(EPS));
    assertThat(d.jitterAsymmetry()).isZero();
    assertThat(d.ntpTests()).isEqualTo("111 111 1111");
    assertThat(d.interleaved()).isFalse();
    assertThat(d.authenticated()).isFalse();
    assertThat(d.txTimestamping()).isEqualTo("Kernel");
    assertThat(d.rxTimestamping()).isEqualTo("Kernel");
    assertThat(List.of(d.totalTx(), d.totalRx(), d.totalValidRx(), d.totalGoodRx()))
        .containsExactly(24L, 24L, 24L, 22L);
    assertThat(d.totalKernelTx()).isEqualTo(24L);
    assertThat(d.totalKernelRx()).isEqualTo(24L);
    assertThat(d.totalHardwareTx()).isZero();
    assertThat(d.totalHardwareRx()).isZero();
  }

  @Test
  void threeBlocksFromRealChronyd() throws Exception {
    List<ChronyNtpData> all = parser.parse(Fixtures.CHRONYC.capture("3src-cli-ntpdata.txt"));
    assertThat(all)
        .extracting(ChronyNtpData::remoteAddress)
        .containsExactly("127.0.0.21", "127.0.0.22", "127.0.0.23");
    assertThat(all).extracting(ChronyNtpData::remotePort).containsExactly(12101, 12102, 12103);
    assertThat(all).extracting(ChronyNtpData::pollLog2).containsExactly(-2, -1, -1);
    assertThat(all).extracting(ChronyNtpData::precisionLog2).containsExactly(-26, -26, -24);
    assertThat(all).extracting(ChronyNtpData::refId).containsOnly("7F7F0101");
    assertThat(all).extracting(ChronyNtpData::referenceName).containsOnly("");
    assertThat(all.get(0).jitterAsymmetry()).isCloseTo(0.49, within(EPS));
    // ntpdata prints the NTP sign (remote minus local): the +73 s server shows +73 here.
    assertThat(all.get(2).offsetSeconds()).isCloseTo(73.000015259, within(EPS));
    assertThat(all).extracting(ChronyNtpData::totalGoodRx).containsExactly(19L, 12L, 20L);
    assertThat(all).extracting(ChronyNtpData::totalKernelTx).containsOnlyNulls();
  }

  @Test
  void csvLinesMatchTheHumanBlocks() throws Exception {
    List<ChronyNtpData> csv = parser.parse(Fixtures.CHRONYC.capture("3src-cli-c-ntpdata.txt"));
    List<ChronyNtpData> human = parser.parse(Fixtures.CHRONYC.capture("3src-cli-ntpdata.txt"));
    assertThat(csv).hasSize(3);
    for (int i = 0; i < 3; i++) {
      ChronyNtpData c = csv.get(i);
      ChronyNtpData h = human.get(i);
      assertThat(c.remoteAddressHex()).isEqualTo(h.remoteAddressHex());
      assertThat(c.pollLog2()).isEqualTo(h.pollLog2());
      assertThat(c.precisionLog2()).isEqualTo(h.precisionLog2());
      assertThat(c.offsetSeconds()).isCloseTo(h.offsetSeconds(), within(EPS));
      assertThat(c.ntpTests()).isEqualTo(h.ntpTests());
      assertThat(Math.floor(c.referenceTimeSeconds())).isEqualTo(h.referenceTimeSeconds());
      assertThat(c.totalGoodRx()).isEqualTo(h.totalGoodRx());
    }
  }

  @Test
  void leapAndSingleSourceCaptures() throws Exception {
    ChronyNtpData leap = parser.parse(Fixtures.CHRONYC.capture("leap-cli-ntpdata.txt")).get(0);
    assertThat(leap.leapStatus()).isEqualTo(LeapStatus.INSERT_SECOND);
    assertThat(leap.txTimestamping()).isEqualTo("Daemon");
    assertThat(leap.rootDispersionSeconds()).isCloseTo(0.857147, within(EPS));
    assertThat(leap.totalGoodRx()).isEqualTo(4L);

    ChronyNtpData only73 = parser.parse(Fixtures.CHRONYC.capture("only73-ntpdata.txt")).get(0);
    assertThat(only73.remoteAddress()).isEqualTo("127.0.0.23");
    assertThat(only73.offsetSeconds()).isCloseTo(0.000000569, within(EPS));
  }

  @Test
  void lineBeforeTheFirstBlockIsMalformed() {
    String text = "Version         : 4\n" + Fixtures.CHRONYC.corpus("chrony-doc-ntpdata.txt");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(1);
              assertThat(e.getMessage()).contains("Remote address");
            });
  }

  @Test
  void missingLineInABlockIsMalformed() {
    String text =
        Fixtures.CHRONYC
            .corpus("chrony-doc-ntpdata.txt")
            .replace("NTP tests       : 111 111 1111\n", "");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("missing 'NTP tests'");
  }

  @Test
  void noSourcesIsEmpty() throws Exception {
    assertThat(parser.parse("")).isEmpty();
  }
}
