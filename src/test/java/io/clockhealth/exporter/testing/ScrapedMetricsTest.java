package io.clockhealth.exporter.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapedMetricsTest {

  private static final String TEXT =
      """
      # HELP clock_synchronized 1 if synchronised
      # TYPE clock_synchronized gauge
      clock_synchronized{daemon="chrony"} 1.0
      clock_source_state{daemon="chrony",source="127.0.0.21",state="selected"} 1
      clock_source_state{daemon="chrony",source="127.0.0.21",state="unusable"} 0
      clock_reference_info{daemon="chrony",ref_id="7F7F0101",reference=""} 1
      clock_odd{v="a \\"quoted\\" \\\\ back\\nslash", } -7.3e1 1700000000000
      clock_time_seconds 1.7952640121e+09
      clock_nan NaN
      clock_inf +Inf
      """;

  @Test
  void parsesNamesLabelsValuesAndEscapes() {
    ScrapedMetrics m = ScrapedMetrics.parse(TEXT);
    assertThat(m.valueOf("clock_synchronized", "daemon", "chrony")).isEqualTo(1.0);
    assertThat(m.type("clock_synchronized")).isEqualTo("gauge");
    assertThat(m.valueOf("clock_time_seconds")).isEqualTo(1.7952640121e9);
    assertThat(m.valueOf("clock_odd")).isEqualTo(-73.0);
    assertThat(m.series("clock_odd").get(0).labels())
        .isEqualTo(Map.of("v", "a \"quoted\" \\ back\nslash"));
    assertThat(m.value("clock_nan").getAsDouble()).isNaN();
    assertThat(m.valueOf("clock_inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.series("clock_source_state")).hasSize(2);
    assertThat(m.names()).startsWith("clock_synchronized", "clock_source_state");
  }

  @Test
  void labelsMatchAsSubsetAndEmptyEqualsAbsent() {
    ScrapedMetrics m = ScrapedMetrics.parse(TEXT);
    assertThat(m.valueOf("clock_source_state", "source", "127.0.0.21", "state", "selected"))
        .isEqualTo(1.0);
    assertThat(m.has("clock_reference_info", "ref_id", "7F7F0101", "reference", "")).isTrue();
    assertThat(m.has("clock_time_seconds", "daemon", "")).isTrue();
    assertThat(m.value("clock_synchronized", "daemon", "ntpd")).isEmpty();
    assertThat(m.has("clock_missing")).isFalse();
  }

  @Test
  void ambiguousOrMissingSeriesAreAssertionErrors() {
    ScrapedMetrics m = ScrapedMetrics.parse(TEXT);
    assertThatThrownBy(() -> m.value("clock_source_state", "daemon", "chrony"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("several series");
    assertThatThrownBy(() -> m.valueOf("clock_synchronized", "daemon", "ntpd"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("served: [clock_synchronized{daemon=\"chrony\"} 1.0]");
  }

  @Test
  void rejectsMalformedLinesAndDuplicates() {
    assertThatThrownBy(() -> ScrapedMetrics.parse("clock_x{a=\"1} 1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> ScrapedMetrics.parse("clock_x 1\nclock_x 2\n"))
        .hasMessageContaining("duplicate series");
    assertThatThrownBy(
            () -> ScrapedMetrics.parse("clock_x{a=\"1\",b=\"2\"} 1\nclock_x{b=\"2\",a=\"1\"} 1"))
        .hasMessageContaining("duplicate series");
    assertThatThrownBy(() -> ScrapedMetrics.parse("clock_x one\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> ScrapedMetrics.parse("clock_x{a=1} 1\n"))
        .hasMessageContaining("expected '\"'");
  }
}
