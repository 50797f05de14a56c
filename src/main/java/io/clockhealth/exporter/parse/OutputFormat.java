package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.model.DaemonReport;
import java.util.function.Function;

/**
 * One tool output layout the {@code parse} command (and {@code --format auto}) understands, e.g.
 * {@code chronyc-tracking}: a parser and what the command makes of its value. Each daemon package
 * contributes its formats through a {@link FormatList}.
 */
public final class OutputFormat {

  /** Parses text into a report: the parser, then the mapping. */
  @FunctionalInterface
  private interface Parse {
    DaemonReport apply(String text) throws ParseException;
  }

  private final TextParser<?> parser;
  private final Parse parse;

  private OutputFormat(TextParser<?> parser, Parse parse) {
    this.parser = parser;
    this.parse = parse;
  }

  /** The format {@code parser} reads, reported as {@code toReport} maps its value. */
  public static <T> OutputFormat of(
      TextParser<T> parser, Function<? super T, DaemonReport> toReport) {
    return new OutputFormat(parser, text -> toReport.apply(parser.parse(text)));
  }

  /** The {@code --format} name. */
  public String name() {
    return parser.format();
  }

  /** A cheap check that {@code text} looks like this format; used by {@code --format auto}. */
  public boolean recognises(String text) {
    return parser.recognises(text);
  }

  /** The metrics this one output yields. */
  public DaemonReport parse(String text) throws ParseException {
    return parse.apply(text);
  }

  /** The parser alone, without the mapping to a report. */
  public TextParser<?> parser() {
    return parser;
  }

  @Override
  public String toString() {
    return name();
  }
}
