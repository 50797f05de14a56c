package io.clockhealth.exporter.collect.ptp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.model.PtpPortState;
import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import org.junit.jupiter.api.Test;

/** The values of every pmc capture of the lab (linuxptp 3.1.1): grandmaster, slave, no ptp4l. */
class PtpParsersTest {

  private static final String GM = "lab-master-gm";
  private static final String UNCALIBRATED = "lab-slave-uncalibrated";
  private static final String SLAVE = "lab-slave-slave";

  @Test
  void currentDataSetInNanoseconds() throws ParseException {
    assertThat(PtpFormats.CURRENT.parse(PtpParsers.capture(GM, "GET CURRENT_DATA_SET")))
        .isEqualTo(new CurrentDataSet(0, 0.0, 0.0));
    assertThat(PtpFormats.CURRENT.parse(PtpParsers.capture(UNCALIBRATED, "GET CURRENT_DATA_SET")))
        .isEqualTo(new CurrentDataSet(1, -1159.0, 1970.0));
    assertThat(PtpFormats.CURRENT.parse(PtpParsers.capture(SLAVE, "GET CURRENT_DATA_SET")))
        .isEqualTo(new CurrentDataSet(1, 599.0, 1867.0));
  }

  /** The lab grandmaster's gm.ClockClass and gm.ClockAccuracy: 248 (default), unknown. */
  private static final ParentDataSet.ClockQuality GM_QUALITY =
      new ParentDataSet.ClockQuality(248, "0xfe");

  @Test
  void parentDataSetNamesTheGrandmaster() throws ParseException {
    assertThat(PtpFormats.PARENT.parse(PtpParsers.capture(GM, "GET PARENT_DATA_SET")))
        .isEqualTo(new ParentDataSet("b62257.fffe.246aa6-0", "b62257.fffe.246aa6", GM_QUALITY));
    for (String phase : new String[] {UNCALIBRATED, SLAVE}) {
      assertThat(PtpFormats.PARENT.parse(PtpParsers.capture(phase, "GET PARENT_DATA_SET")))
          .isEqualTo(new ParentDataSet("b62257.fffe.246aa6-1", "b62257.fffe.246aa6", GM_QUALITY));
    }
  }

  @Test
  void portDataSetGivesEachPortsState() throws ParseException {
    assertThat(PtpFormats.PORT.parse(PtpParsers.capture(GM, "GET PORT_DATA_SET")).ports())
        .containsExactly(new PortDataSet.Port("b62257.fffe.246aa6-1", "1", PtpPortState.MASTER, 0));
    assertThat(PtpFormats.PORT.parse(PtpParsers.capture(UNCALIBRATED, "GET PORT_DATA_SET")).ports())
        .containsExactly(
            new PortDataSet.Port("9a1c77.fffe.233204-1", "1", PtpPortState.UNCALIBRATED, 0));
    assertThat(PtpFormats.PORT.parse(PtpParsers.capture(SLAVE, "GET PORT_DATA_SET")).ports())
        .containsExactly(new PortDataSet.Port("9a1c77.fffe.233204-1", "1", PtpPortState.SLAVE, 0));
  }

  @Test
  void timeStatusGivesTheLastSyncAndTheGrandmaster() throws ParseException {
    assertThat(PtpFormats.TIME_STATUS.parse(PtpParsers.capture(GM, "GET TIME_STATUS_NP")))
        .isEqualTo(new TimeStatus(0, 0, false, "b62257.fffe.246aa6"));
    assertThat(PtpFormats.TIME_STATUS.parse(PtpParsers.capture(UNCALIBRATED, "GET TIME_STATUS_NP")))
        .isEqualTo(new TimeStatus(-1159, 1796219042511573722L, true, "b62257.fffe.246aa6"));
    assertThat(PtpFormats.TIME_STATUS.parse(PtpParsers.capture(SLAVE, "GET TIME_STATUS_NP")))
        .isEqualTo(new TimeStatus(599, 1796219057514266727L, true, "b62257.fffe.246aa6"));
  }

  @Test
  void timePropertiesOfTheLabGrandmaster() throws ParseException {
    TimeProperties lab = new TimeProperties(37, false, false, false, false, "0xa0");
    for (String phase : new String[] {GM, UNCALIBRATED, SLAVE}) {
      assertThat(
              PtpFormats.TIME_PROPERTIES.parse(
                  PtpParsers.capture(phase, "GET TIME_PROPERTIES_DATA_SET")))
          .isEqualTo(lab);
    }
  }

  @Test
  void defaultDataSetGivesTheClocksOwnIdentity() throws ParseException {
    assertThat(PtpFormats.DEFAULT.parse(PtpParsers.capture(GM, "GET DEFAULT_DATA_SET")))
        .isEqualTo(new DefaultDataSet("b62257.fffe.246aa6", false, 248, 0));
    assertThat(PtpFormats.DEFAULT.parse(PtpParsers.capture(SLAVE, "GET DEFAULT_DATA_SET")))
        .isEqualTo(new DefaultDataSet("9a1c77.fffe.233204", true, 255, 0));
    assertThat(PtpFormats.DEFAULT.parse(PtpParsers.capture(UNCALIBRATED, "GET DEFAULT_DATA_SET")))
        .isEqualTo(new DefaultDataSet("9a1c77.fffe.233204", true, 255, 0));
  }

  @Test
  void portPropertiesGiveTheInterfaceAndTimestamping() throws ParseException {
    assertThat(
            PtpFormats.PORT_PROPERTIES
                .parse(PtpParsers.capture(GM, "GET PORT_PROPERTIES_NP"))
                .ports())
        .containsExactly(new PortProperties.Port("b62257.fffe.246aa6-1", "veth0", "SOFTWARE"));
    assertThat(
            PtpFormats.PORT_PROPERTIES
                .parse(PtpParsers.capture(UNCALIBRATED, "GET PORT_PROPERTIES_NP"))
                .ports())
        .containsExactly(new PortProperties.Port("9a1c77.fffe.233204-1", "veth1", "SOFTWARE"));
  }

  @Test
  void severalGetsInOneCallAreEachRead() throws ParseException {
    PmcBatch batch =
        PtpFormats.BATCH.parse(
            Fixtures.PMC.capture(
                "pmc_linuxptp-3.1.1-deb12_lab-slave-slave_multi-GET-in-one-call.txt"));
    assertThat(batch.current()).isEqualTo(new CurrentDataSet(1, -1318.0, 2120.0));
    assertThat(batch.ports().ports())
        .containsExactly(new PortDataSet.Port("9a1c77.fffe.233204-1", "1", PtpPortState.SLAVE, 0));
    assertThat(batch.timeStatus())
        .isEqualTo(new TimeStatus(-1318, 1796219058514789079L, true, "b62257.fffe.246aa6"));
    assertThat(batch.parent()).isNull();
    assertThat(batch.defaults()).isNull();
    assertThat(batch.refused()).isEmpty();
  }

  @Test
  void aReplyMayComeBeforeTheLastRequestIsSent() throws ParseException {
    // As PtpIT saw from pmc 3.1.1: the first reply printed before the later requests.
    String interleaved =
        "sending: GET CURRENT_DATA_SET\n"
            + PtpParsers.capture(SLAVE, "GET CURRENT_DATA_SET")
                .replace("sending: GET CURRENT_DATA_SET\n", "")
            + PtpParsers.capture(SLAVE, "GET PORT_DATA_SET")
            + PtpParsers.capture(SLAVE, "GET TIME_STATUS_NP");
    PmcBatch batch = PtpFormats.BATCH.parse(interleaved);
    assertThat(batch.current()).isEqualTo(new CurrentDataSet(1, 599.0, 1867.0));
    assertThat(batch.ports().ports()).hasSize(1);
    assertThat(batch.timeStatus().ingressTimeNs()).isEqualTo(1796219057514266727L);
  }

  @Test
  void dataSetsNotReadAreSkippedByTheBatch() throws ParseException {
    for (String name :
        new String[] {
          "pmc_linuxptp-3.1.1-deb12_lab-master-gm_GET_PORT_STATS_NP.txt",
          "pmc_linuxptp-3.1.1-deb12_lab-slave-uncalibrated_GET_SYNCHRONIZATION_UNCERTAIN_NP.txt",
          "pmc_linuxptp-3.1.1-deb12_lab-slave_SET_SYNCHRONIZATION_UNCERTAIN_NP_0.txt"
        }) {
      assertThat(PtpFormats.BATCH.parse(Fixtures.PMC.capture(name)))
          .as(name)
          .isEqualTo(PmcBatch.EMPTY);
    }
  }

  @Test
  void onlyRequestsMeansNoPtp4lAnswered() {
    String text = Fixtures.PMC.capture(PtpParsers.NO_PTP4L);
    for (var parser : PtpParsers.ALL) {
      DamagedInputs.assertToolError(
          parser,
          text,
          1,
          e -> assertThat(e.getMessage()).contains("sending: GET CURRENT_DATA_SET"));
    }
  }

  @Test
  void anErrorStatusIsRefusedInTheBatchAndAToolErrorAlone() throws ParseException {
    String refused =
        "sending: GET TIME_STATUS_NP\n"
            + "\t9a1c77.fffe.233204-0 seq 0 RESPONSE MANAGEMENT_ERROR_STATUS TIME_STATUS_NP\n"
            + "\tERROR: NOT_SUPPORTED(6)\n"
            + "\tERROR DISPLAY: \n";
    assertThat(PtpFormats.BATCH.parse(refused).refused())
        .containsExactly("TIME_STATUS_NP: NOT_SUPPORTED(6)");
    assertThatThrownBy(() -> PtpFormats.TIME_STATUS.parse(refused))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> assertThat(e.kind()).isEqualTo(ParseException.Kind.TOOL_ERROR));
  }

  @Test
  void aMissingOrBadFieldNamesTheReplyAndTheField() {
    String slave = PtpParsers.capture(SLAVE, "GET CURRENT_DATA_SET");
    DamagedInputs.assertMalformedAt(
        () -> PtpFormats.CURRENT.parse(slave.replace("\t\tmeanPathDelay    1867.0\n", "")),
        2,
        "CURRENT_DATA_SET without meanPathDelay");
    DamagedInputs.assertMalformedAt(
        () -> PtpFormats.CURRENT.parse(slave.replace("599.0", "fast")),
        2,
        "offsetFromMaster is not a valid value: \"fast\"");
    String port = PtpParsers.capture(SLAVE, "GET PORT_DATA_SET");
    DamagedInputs.assertMalformedAt(
        () -> PtpFormats.PORT.parse(port.replace("SLAVE", "HAPPY")), 2, "unknown portState");
    DamagedInputs.assertMalformedAt(
        () -> PtpFormats.PORT.parse(port + "garbage\n"), 13, "not a line of pmc's output");
  }
}
