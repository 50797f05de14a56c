package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChronyDatesTest {

  @ParameterizedTest
  @CsvSource({
    "'Fri Feb  3 15:00:29 2012', 2012-02-03T15:00:29Z",
    "'Fri Jan 27 09:49:17 2017', 2017-01-27T09:49:17Z",
    "'Sat Dec 31 23:50:01 2016', 2016-12-31T23:50:01Z",
    "'Thu Jan 01 00:00:00 1970', 1970-01-01T00:00:00Z"
  })
  void readsBothDayPaddingsAsUtc(String printed, String iso) {
    assertThat(ChronyDates.utcSeconds(printed)).isEqualTo(Instant.parse(iso).getEpochSecond());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fri Feb 30 15:00:29 2012",
        "Fri Foo  3 15:00:29 2012",
        "Fri Feb  3 25:00:29 2012",
        "2012-02-03 15:00:29",
        "Freitag Feb  3 15:00:29 2012",
        ""
      })
  void rejectsAnythingElse(String printed) {
    assertThatThrownBy(() -> ChronyDates.utcSeconds(printed))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
