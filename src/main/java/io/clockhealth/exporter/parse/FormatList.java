package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.model.DaemonReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A daemon package's formats, in the order its parsers are registered. Registering a parser is the
 * one step that makes it known: the {@link FormatRegistry}, the collectors (through the handle
 * {@link #register} returns), the tests and the fuzz targets all take it from here.
 *
 * <p>Meant to be filled by static initialisers of one registration class and read after them.
 */
public final class FormatList {

  private final List<OutputFormat> formats = new ArrayList<>();

  /**
   * Adds {@code parser} as a format whose value the parse command reports as {@code toReport} maps
   * it; returns the parser, for the collector that runs it.
   */
  public synchronized <T> TextParser<T> register(
      TextParser<T> parser, Function<? super T, DaemonReport> toReport) {
    formats.add(OutputFormat.of(parser, toReport));
    return parser;
  }

  /** Every registered format, in registration order. */
  public synchronized List<OutputFormat> all() {
    return List.copyOf(formats);
  }
}
