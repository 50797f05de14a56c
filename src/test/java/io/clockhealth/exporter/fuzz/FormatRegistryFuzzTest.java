package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.cli.Formats;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;

/**
 * Fuzzes {@code parse --format auto}: the CLI's registry of every daemon package's formats detects
 * the format ({@code recognises} of each in turn, then each parser for a tool error reply), parses,
 * maps and exposes. Oracle: {@link FuzzChecks}. Seeds: {@code FormatRegistryFuzzTestInputs/} (every
 * fixture of every tool).
 */
class FormatRegistryFuzzTest {

  private static final FormatRegistry REGISTRY = Formats.registry();

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
