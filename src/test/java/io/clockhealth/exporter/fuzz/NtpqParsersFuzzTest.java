package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.collect.ntpd.NtpdFormats;
import io.clockhealth.exporter.collect.ntpd.NtpqPeersParser;
import io.clockhealth.exporter.collect.ntpd.NtpqSysVarsParser;
import io.clockhealth.exporter.parse.FormatRegistry;

/**
 * Fuzzes the ntpq parsers ({@code ntpq -p}/{@code -pn}/{@code -pw} peers of classic ntpd and
 * ntpsec, {@code ntpq -c rv}/{@code rl} system variables) and the {@code parse} command's mapping
 * of what parsed. Oracle: {@link FuzzChecks}. Seeds: {@code NtpqParsersFuzzTestInputs/}.
 */
class NtpqParsersFuzzTest {

  private static final FormatRegistry FORMATS = new FormatRegistry(NtpdFormats.all());

  @FuzzTest(maxDuration = "60s")
  void peers(byte[] data) {
    fuzz(NtpqPeersParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void sysVars(byte[] data) {
    fuzz(NtpqSysVarsParser.FORMAT, data);
  }

  private static void fuzz(String format, byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, format, data);
  }
}
