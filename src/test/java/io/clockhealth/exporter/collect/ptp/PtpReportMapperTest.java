package io.clockhealth.exporter.collect.ptp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.ParseException;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** How old a Sync may be, and on which clock the Sync's time is. */
class PtpReportMapperTest {

  @Test
  void freshIsThreeSyncIntervalsAndASecond() {
    assertThat(PtpReportMapper.fresh(4.0, 0)).isTrue();
    assertThat(PtpReportMapper.fresh(4.01, 0)).isFalse();
    assertThat(PtpReportMapper.fresh(1.0 + 3.0 / 16, -4)).isTrue();
    assertThat(PtpReportMapper.fresh(1.2, -4)).isFalse();
    assertThat(PtpReportMapper.fresh(7.0, 1)).isTrue();
    assertThat(PtpReportMapper.fresh(-1.0, 0)).isTrue();
    assertThat(PtpReportMapper.fresh(-1.01, 0)).isFalse();
  }

  @Test
  void hardwareTimestampsOnThePtpTimescaleAreTaiAndLoseTheUtcOffset() throws ParseException {
    String hardware =
        PmcCalls.slave()
            .replace("timestamping            SOFTWARE", "timestamping            HARDWARE")
            .replace("ptpTimescale          0", "ptpTimescale          1");
    Instant utc = PmcCalls.SLAVE_SYNC.minusSeconds(37).plusMillis(250);
    DaemonReport report = PtpReportMapper.report(PtpFormats.BATCH.parse(hardware), utc);
    assertThat(Objects.requireNonNull(report.ptp()).lastSyncAgeSeconds())
        .isCloseTo(0.25, within(1e-6));
    assertThat(Objects.requireNonNull(report.system()).synchronized_()).isTrue();
  }

  @Test
  void softwareTimestampsAreTheWallClockWhateverTheTimescale() throws ParseException {
    String software =
        PmcCalls.slave().replace("ptpTimescale          0", "ptpTimescale          1");
    DaemonReport report =
        PtpReportMapper.report(
            PtpFormats.BATCH.parse(software), PmcCalls.SLAVE_SYNC.plusMillis(250));
    assertThat(Objects.requireNonNull(report.ptp()).lastSyncAgeSeconds())
        .isCloseTo(0.25, within(1e-6));
  }

  @Test
  void aValidUtcOffsetIsServed() throws ParseException {
    String valid = PmcCalls.slave().replace("currentUtcOffsetValid 0", "currentUtcOffsetValid 1");
    DaemonReport report =
        PtpReportMapper.report(PtpFormats.BATCH.parse(valid), PmcCalls.SLAVE_SYNC);
    assertThat(Objects.requireNonNull(report.ptp()).utcOffsetSeconds()).isEqualTo(37.0);
  }
}
