package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChronyUnitsTest {

  @ParameterizedTest
  @CsvSource({
    "+6677ns, 0.000006677",
    "-479ns, -0.000000479",
    "+0ns, 0",
    "-0ns, 0",
    "-1806us, -0.001806",
    "8561us, 0.008561",
    "+33ms, 0.033",
    "4000ms, 4",
    "-73.0s, -73",
    "-10.8s, -10.8",
    "+1667m, 100020",
    "30h, 108000",
    "+2d, 172800",
    "1y, 31536000"
  })
  void sampleOffsets(String token, double seconds) {
    assertThat(ChronyUnits.sampleSeconds(token)).isCloseTo(seconds, within(1e-12));
  }

  @Test
  void negativeZeroSampleIsPositiveZero() {
    assertThat(Double.doubleToRawLongBits(ChronyUnits.sampleSeconds("-0ns"))).isZero();
    assertThat(Double.doubleToRawLongBits(ChronyUnits.decimal("-0.000"))).isZero();
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1100, 1100", "26m, 1560", "18h, 64800", "14d, 1209600", "3y, 94608000"})
  void intervals(String token, double seconds) {
    assertThat(ChronyUnits.intervalSeconds(token)).isEqualTo(seconds);
  }

  @Test
  void neverIsNull() {
    assertThat(ChronyUnits.intervalSeconds("-")).isNull();
    assertThat(ChronyUnits.csvIntervalSeconds("4294967295")).isNull();
    assertThat(ChronyUnits.csvIntervalSeconds("1313")).isEqualTo(1313.0);
  }

  @ParameterizedTest
  @CsvSource({"377, 255", "375, 253", "17, 15", "0, 0", "1, 1"})
  void octalReach(String token, int value) {
    assertThat(ChronyUnits.octalReach(token)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NaN", "Infinity", "1e5", "0x10", "1.", ".5", "+", "1,5", " 1"})
  void decimalsRejectWhatParseDoubleWouldAccept(String token) {
    assertThatThrownBy(() -> ChronyUnits.decimal(token))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "5 ns", "5xs", "ns", "+-5ns", "1e3us"})
  void samplesNeedANumberAndAUnit(String token) {
    assertThatThrownBy(() -> ChronyUnits.sampleSeconds(token))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8", "400", "3777", "-1", "a"})
  void reachIsAnEightBitOctalNumber(String token) {
    assertThatThrownBy(() -> ChronyUnits.octalReach(token))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999", "1.5", "-"})
  void countsAreSmallNonNegativeIntegers(String token) {
    assertThatThrownBy(() -> ChronyUnits.count(token)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unitAfterANumber() {
    assertThat(ChronyUnits.decimalWithUnit("+0.000000023 seconds", "seconds"))
        .isCloseTo(0.000000023, within(1e-15));
    assertThatThrownBy(() -> ChronyUnits.decimalWithUnit("0.2 ppm", "seconds"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
