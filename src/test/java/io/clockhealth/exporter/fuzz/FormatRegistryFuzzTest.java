package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.collect.ntpd.NtpdFormats;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdFormats;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@code parse --format auto}: a registry of every daemon package's formats, assembled as
 * the CLI assembles it, detects the format ({@code recognises} of each in turn, then each parser
 * for a tool error reply), parses, maps and exposes. Oracle: {@link FuzzChecks}. Seeds: {@code
 * FormatRegistryFuzzTestInputs/} (every fixture of every tool).
 */
class FormatRegistryFuzzTest {

  private static final FormatRegistry REGISTRY = registry();

  private static FormatRegistry registry() {
    List<OutputFormat> formats = new ArrayList<>(ChronyFormats.all());
    formats.addAll(NtpdFormats.all());
    formats.addAll(TimesyncdFormats.all());
    return new FormatRegistry(formats);
  }

  @FuzzTest(maxDuration = "60s")
  void autoDetect(byte[] data) {
    FuzzChecks.parse(
        "auto",
        FuzzChecks.decode(data),
        text -> {
          OutputFormat format = REGISTRY.detect(text);
          return FuzzChecks.expose(format.name(), text, format.parse(text));
        },
        // detect() may run every parser over the input (looking for a tool error reply)
        REGISTRY.names().size());
  }
}
