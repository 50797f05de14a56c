package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdTimeSpanTest {

  static Stream<Arguments> spans() {
    return Stream.of(
        Arguments.of("8.926ms", 0.008926),
        Arguments.of("+1min 13.000057s", 73.000057),
        Arguments.of("+1min 13.000065s", 73.000065),
        Arguments.of("-5.224ms", -0.005224),
        Arguments.of("26us", 0.000026),
        Arguments.of("1us", 0.000001),
        Arguments.of("8min 32s", 512.0),
        Arguments.of("34min 8s", 2048.0),
        Arguments.of("5s", 5.0),
        Arguments.of("16s", 16.0),
        Arguments.of("0", 0.0),
        Arguments.of("991us", 0.000991),
        Arguments.of("2h", 7200.0),
        Arguments.of("1d 3h", 97200.0),
        Arguments.of("65.884ms", 0.065884),
        Arguments.of("402us", 0.000402),
        Arguments.of("91us", 0.000091),
        Arguments.of("1w 2d", 777600.0),
        Arguments.of("1y", 31557600.0),
        Arguments.of("1month", 2629800.0),
        Arguments.of("500ns", 0.0000005),
        Arguments.of("5 s", 5.0),
        Arguments.of("1min13s", 73.0),
        Arguments.of("12", 12.0),
        Arguments.of("2.5", 2.5));
  }

  @ParameterizedTest(name = "{0} = {1} s")
  @MethodSource("spans")
  void readsSpansInSeconds(String text, double seconds) {
    assertThat(SystemdTimeSpan.seconds(text)).isEqualTo(seconds);
  }

  @Test
  void signAppliesToTheWholeSpan() {
    assertThat(SystemdTimeSpan.seconds("-1min 13.000057s")).isEqualTo(-73.000057);
    assertThat(SystemdTimeSpan.seconds("+1min 13.000057s")).isEqualTo(73.000057);
  }

  @Test
  void microSecondsSpeltEitherWay() {
    assertThat(SystemdTimeSpan.seconds("26\u00B5s")).isEqualTo(0.000026);
    assertThat(SystemdTimeSpan.seconds("26\u03BCs")).isEqualTo(0.000026);
    assertThat(SystemdTimeSpan.seconds("26usec")).isEqualTo(0.000026);
  }

  @Test
  void negativeZeroIsZero() {
    assertThat(Double.doubleToRawLongBits(SystemdTimeSpan.seconds("-0")))
        .isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(Double.doubleToRawLongBits(SystemdTimeSpan.seconds("-0us")))
        .isEqualTo(Double.doubleToRawLongBits(0.0));
  }

  @Test
  void minuteAndMonthAreCaseSensitive() {
    assertThat(SystemdTimeSpan.seconds("1m")).isEqualTo(60.0);
    assertThat(SystemdTimeSpan.seconds("1M")).isEqualTo(2629800.0);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "infinity",
        "-infinity",
        "",
        "   ",
        "ms",
        "5 parsecs",
        "5sx",
        "1min 13.000057s junk",
        "--5s",
        "+-5s",
        "5,5s",
        "1e3s",
        ".5s",
        "5s,",
        "NaN",
        "n/a"
      })
  void rejectsWhatIsNotAFiniteSpan(String text) {
    assertThatThrownBy(() -> SystemdTimeSpan.seconds(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullAndAbsurdlyLargeSpans() {
    assertThatThrownBy(() -> SystemdTimeSpan.seconds(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SystemdTimeSpan.seconds("9".repeat(400) + "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }
}
