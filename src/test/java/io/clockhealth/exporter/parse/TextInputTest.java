package io.clockhealth.exporter.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.ParseException.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextInputTest {

  private static final ToolErrorDetector OOPS =
      ToolErrorDetector.byLine(
          (line, number) ->
              line.startsWith("oops")
                  ? Optional.of(new ToolError("oops", line, number, false))
                  : Optional.empty());

  @Test
  void linesAreNumberedFromOneWithBlankOnesKept() throws ParseException {
    assertThat(TextInput.lines("f", "a  \n\nb\n", OOPS))
        .containsExactly(new Line(1, "a"), new Line(2, ""), new Line(3, "b"));
  }

  @Test
  void theDetectorsErrorIsAToolErrorAtItsLine() {
    assertThatThrownBy(() -> TextInput.lines("f", "a\noops it broke\n", OOPS))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR);
              assertThat(e.lineNumber()).isEqualTo(2);
              assertThat(e.line()).isEqualTo("oops it broke");
            });
  }

  @Test
  void missingBinaryAndBlankInputAreMalformed() {
    assertThatThrownBy(() -> TextInput.lines("f", null, OOPS)).hasMessageContaining("no input");
    assertThatThrownBy(() -> TextInput.lines("f", "a\nb\u0001c\n", OOPS))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> TextInput.lines("f", "\uFFFD\n", OOPS))
        .hasMessageContaining("invalid UTF-8");
    assertThatThrownBy(() -> TextInput.requireContent("f", TextInput.lines("f", "\n \n", OOPS)))
        .hasMessageContaining("empty input");
  }

  @Test
  void aByLineDetectorFindsTheFirstErrorAndNothingInNull() {
    assertThat(OOPS.find("x\noops 1\noops 2\n").map(ToolError::lineNumber)).contains(2);
    assertThat(OOPS.find(null)).isEmpty();
  }
}
