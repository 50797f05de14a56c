package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NtpdFormatsTest {

  private final FormatRegistry registry = new FormatRegistry(NtpdFormats.all());

  static Stream<String> ownFiles() {
    return FixtureFiles.allResourceFiles().stream()
        .filter(resource -> NtpqParsers.forResource(resource) != null);
  }

  @Test
  void namesTheTwoNtpqFormats() {
    assertThat(NtpdFormats.all())
        .extracting(OutputFormat::name)
        .containsExactly("ntpq-peers", "ntpq-rv");
    List<OutputFormat> withChrony = new ArrayList<>(ChronyFormats.all());
    withChrony.addAll(NtpdFormats.all());
    assertThat(new FormatRegistry(withChrony).names()).contains("ntpq-peers", "ntpq-rv");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownFiles")
  void autoDetectionFindsTheFormatAndItParsesAsNtpd(String resource) throws Exception {
    String text = FixtureFiles.read(resource);
    OutputFormat format = registry.detect(text);
    assertThat(format.name()).isEqualTo(NtpqParsers.forResource(resource).format());
    DaemonReport report = format.parse(text);
    assertThat(report.daemon()).isEqualTo(Daemon.NTPD);
    assertThat(report.serverStats()).isEmpty();
    if (format.name().equals(NtpqPeersParser.FORMAT)) {
      assertThat(report.system()).isNull();
      assertThat(report.sources()).isNotEmpty();
    } else {
      assertThat(report.system()).isNotNull();
      assertThat(report.system().reference()).isEmpty();
      assertThat(report.sources()).isEmpty();
    }
  }

  @Test
  void errorFilesAreDetectedAsToolErrors() {
    for (String file : Fixtures.NTPQ_ERROR_FILES) {
      assertThatThrownBy(() -> registry.detect(Fixtures.NTPQ.corpus(file)))
          .isInstanceOfSatisfying(
              ParseException.class,
              e -> assertThat(e.kind()).isEqualTo(ParseException.Kind.TOOL_ERROR));
    }
  }

  @Test
  void rvFormatReportsTheSystemInContractUnits() throws Exception {
    DaemonReport report =
        registry
            .byName(NtpqSysVarsParser.FORMAT)
            .orElseThrow()
            .parse(Fixtures.NTPQ.capture("3src-rv-at-start.txt"));
    assertThat(report.system().synchronized_()).isFalse();
    assertThat(report.system().refId()).isEqualTo("INIT");
  }
}
