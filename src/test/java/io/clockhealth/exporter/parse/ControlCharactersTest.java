package io.clockhealth.exporter.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding 13: C0 and C1 controls never reach the log raw. */
class ControlCharactersTest {

  @Test
  void escapesC0DelAndC1AndKeepsEverythingElse() {
    assertThat(ControlCharacters.escape("a\u0000b\u001b[2J\r\n\u007f\u0080\u0085\u009b\u009f"))
        .isEqualTo("a\\x00b\\x1B[2J\\x0D\\x0A\\x7F\\x80\\x85\\x9B\\x9F");
    assertThat(ControlCharacters.escape("506 Cannot talk to daemon é \u00a0 \u2028"))
        .isEqualTo("506 Cannot talk to daemon é \u00a0 \u2028");
  }

  @Test
  void parseErrorsQuoteTheLineEscaped() {
    ParseException e = ParseException.malformed("chronyc-sources", 3, "x\u009b31m\u0085y", "bad");
    assertThat(e.getMessage()).contains("x\\x9B31m\\x85y").doesNotContain("\u009b");
  }
}
