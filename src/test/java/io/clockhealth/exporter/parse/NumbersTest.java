package io.clockhealth.exporter.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void integersFitAnIntAndTakeASign() {
    assertThat(Numbers.integer("-26")).isEqualTo(-26);
    assertThat(Numbers.integer("+3")).isEqualTo(3);
    assertThatThrownBy(() -> Numbers.integer("1234567890")).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> Numbers.integer(null)).hasMessageContaining("not an integer");
    assertThatThrownBy(() -> Numbers.count("-1")).hasMessageContaining("non-negative");
    assertThat(Numbers.counter("123456789012345678")).isEqualTo(123_456_789_012_345_678L);
  }

  @Test
  void reachIsOctalAndEightBitsWide() {
    assertThat(Numbers.octalReach("377")).isEqualTo(255);
    assertThat(Numbers.octalReach("0")).isZero();
    assertThatThrownBy(() -> Numbers.octalReach("8")).hasMessageContaining("octal");
    assertThatThrownBy(() -> Numbers.octalReach("777")).hasMessageContaining("beyond 8 bits");
  }

  @Test
  void intervalsTakeOnlyTheToolsSuffixesAndDigits() {
    assertThat(Numbers.suffixedSeconds("64", "mhd", 9)).isEqualTo(64.0);
    assertThat(Numbers.suffixedSeconds("17m", "mhd", 9)).isEqualTo(1020.0);
    assertThat(Numbers.suffixedSeconds("3d", "mhd", 9)).isEqualTo(259_200.0);
    assertThat(Numbers.suffixedSeconds("2y", "mhdy", 12)).isEqualTo(63_072_000.0);
    assertThatThrownBy(() -> Numbers.suffixedSeconds("2y", "mhd", 9))
        .hasMessageContaining("not an interval");
    assertThatThrownBy(() -> Numbers.suffixedSeconds("12s", "mhd", 9))
        .hasMessageContaining("not an interval");
    assertThatThrownBy(() -> Numbers.suffixedSeconds("1234567890", "mhd", 9))
        .hasMessageContaining("not an interval");
  }
}
