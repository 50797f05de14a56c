package io.clockhealth.exporter.parse;

/** One line of a tool's output, 1-based, without its terminator and trailing whitespace. */
public record Line(int number, String text) {

  public boolean isBlank() {
    return text.isBlank();
  }
}
