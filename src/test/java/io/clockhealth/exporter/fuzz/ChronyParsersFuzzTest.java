package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.collect.chrony.AuthDataParser;
import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.collect.chrony.NtpDataParser;
import io.clockhealth.exporter.collect.chrony.ServerStatsParser;
import io.clockhealth.exporter.collect.chrony.SourceStatsParser;
import io.clockhealth.exporter.collect.chrony.SourcesParser;
import io.clockhealth.exporter.collect.chrony.TrackingParser;
import io.clockhealth.exporter.parse.FormatRegistry;

/**
 * Fuzzes every chronyc parser (human and CSV layouts): {@code recognises} and {@code parse} on
 * arbitrary bytes, then the {@code parse} command's mapping and exposition of whatever parsed. The
 * oracle is {@link FuzzChecks}. Seeds: {@code ChronyParsersFuzzTestInputs/} (every chronyc fixture,
 * made by scripts/fuzz-seeds.sh) and the kept inputs under {@code <method>/}.
 *
 * <p>{@code mvn test} replays the seeds; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ChronyParsersFuzzTest#tracking} fuzzes one target (docs/fuzzing.md).
 */
class ChronyParsersFuzzTest {

  private static final FormatRegistry FORMATS = new FormatRegistry(ChronyFormats.all());

  @FuzzTest(maxDuration = "60s")
  void tracking(byte[] data) {
    fuzz(TrackingParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void sources(byte[] data) {
    fuzz(SourcesParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void sourceStats(byte[] data) {
    fuzz(SourceStatsParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void serverStats(byte[] data) {
    fuzz(ServerStatsParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void ntpData(byte[] data) {
    fuzz(NtpDataParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void authData(byte[] data) {
    fuzz(AuthDataParser.FORMAT, data);
  }

  private static void fuzz(String format, byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, format, data);
  }
}
