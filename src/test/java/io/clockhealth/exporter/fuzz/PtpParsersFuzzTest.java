package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.collect.ptp.PtpFormats;
import io.clockhealth.exporter.parse.FormatRegistry;

/**
 * Fuzzes the pmc parsers (one per data set, and the collector's several-{@code GET} output) and the
 * {@code parse} command's mapping of what parsed. Oracle: {@link FuzzChecks}. Seeds: {@code
 * PtpParsersFuzzTestInputs/}.
 */
class PtpParsersFuzzTest {

  private static final FormatRegistry FORMATS = new FormatRegistry(PtpFormats.all());

  @FuzzTest(maxDuration = "60s")
  void batch(byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, PtpFormats.BATCH.format(), data);
  }

  @FuzzTest(maxDuration = "60s")
  void portDataSet(byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, PtpFormats.PORT.format(), data);
  }

  @FuzzTest(maxDuration = "60s")
  void timeStatus(byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, PtpFormats.TIME_STATUS.format(), data);
  }

  @FuzzTest(maxDuration = "60s")
  void currentDataSet(byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, PtpFormats.CURRENT.format(), data);
  }

  @FuzzTest(maxDuration = "60s")
  void parentDataSet(byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, PtpFormats.PARENT.format(), data);
  }
}
