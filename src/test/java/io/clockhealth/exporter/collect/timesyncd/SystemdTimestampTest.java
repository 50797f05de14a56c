package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdTimestampTest {

  @Test
  void utcTimestamp() {
    SystemdTimestamp t = SystemdTimestamp.parse("Sat 2026-11-21 12:27:21 UTC");
    assertThat(t.printed()).isEqualTo("Sat 2026-11-21 12:27:21 UTC");
    assertThat(t.localTime()).isEqualTo(LocalDateTime.of(2026, 11, 21, 12, 27, 21));
    assertThat(t.zone()).isEqualTo("UTC");
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-11-21T12:27:21Z"));
    assertThat(t.epochSeconds()).isEqualTo(1795264041.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Tue 2020-03-10 17:53:21 PDT, 2020-03-11T00:53:21Z",
    "Mon 2023-03-13 14:17:38 EET, 2023-03-13T12:17:38Z",
    "Mo 2025-06-16 15:21:46 CEST, 2025-06-16T13:21:46Z",
    "Sun 2020-03-08 01:59:59 GMT, 2020-03-08T01:59:59Z",
    "Wed 2025-01-15 12:00:00 +03, 2025-01-15T09:00:00Z",
    "Wed 2025-01-15 12:00:00 -0330, 2025-01-15T15:30:00Z",
    "Wed 2025-01-15 12:00:00 +05:30, 2025-01-15T06:30:00Z",
    "Sat 2026-11-21 12:27:21.123456 UTC, 2026-11-21T12:27:21.123456Z",
    "@1795264041, 2026-11-21T12:27:21Z",
    "@1795264041.5, 2026-11-21T12:27:21.5Z",
    "1795264041000001, 2026-11-21T12:27:21.000001Z"
  })
  void zonesThatFixTheOffset(String printed, String utc) {
    assertThat(SystemdTimestamp.parse(printed).instant()).isEqualTo(Instant.parse(utc));
  }

  @Test
  void ambiguousAbbreviationNeedsTheHostZone() {
    // IST is India, Ireland or Israel: only the host's zone decides.
    SystemdTimestamp t = SystemdTimestamp.parse("Sat 2026-11-21 17:57:21 IST");
    assertThat(t.instant()).isNull();
    assertThat(t.epochSeconds()).isNull();
    assertThat(t.resolve(null)).isNull();
    assertThat(t.resolve("Asia/Kolkata")).isEqualTo(Instant.parse("2026-11-21T12:27:21Z"));
    assertThat(t.resolve("Not/AZone")).isNull();
  }

  @Test
  void hostZoneDoesNotOverrideAnOffsetThePrintedZoneFixes() {
    SystemdTimestamp t = SystemdTimestamp.parse("Sat 2026-11-21 12:27:21 UTC");
    assertThat(t.resolve("Asia/Kolkata")).isEqualTo(Instant.parse("2026-11-21T12:27:21Z"));
  }

  @Test
  void dstOverlapIsSettledByTheAbbreviation() {
    // 01:30 happens twice in London on 2025-10-26: first in BST (+01), then in GMT (+00).
    SystemdTimestamp bst = SystemdTimestamp.parse("Sun 2025-10-26 01:30:00 BST");
    assertThat(bst.resolve("Europe/London")).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
    // CST in Chicago, in the 2025-11-02 overlap: the later, standard-time offset.
    SystemdTimestamp cst = SystemdTimestamp.parse("Sun 2025-11-02 01:30:00 CST");
    assertThat(cst.resolve("America/Chicago")).isEqualTo(Instant.parse("2025-11-02T07:30:00Z"));
  }

  @Test
  void dstGapIsUnknown() {
    // 02:30 did not exist in Chicago on 2025-03-09.
    SystemdTimestamp t = SystemdTimestamp.parse("Sun 2025-03-09 02:30:00 CST");
    assertThat(t.resolve("America/Chicago")).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "  ", "n/a", "(null)"})
  void unsetRenderingsAreNull(String printed) {
    assertThat(SystemdTimestamp.parse(printed)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "Sat 2026-11-21 12:27:21",
        "2026-11-21 12:27:21 UTC",
        "Sat 2026-13-21 12:27:21 UTC",
        "Sat 2026-02-30 12:27:21 UTC",
        "Sat 2026-11-21 25:27:21 UTC",
        "Sat 2026-11-21 12:27 UTC",
        "@",
        "@-5",
        "yesterday",
        "Sat 2026-11-21 12:27:21 UTC extra"
      })
  void rejectsOtherText(String printed) {
    assertThatThrownBy(() -> SystemdTimestamp.parse(printed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
