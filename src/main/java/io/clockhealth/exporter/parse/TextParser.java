package io.clockhealth.exporter.parse;

import org.jspecify.annotations.Nullable;

/**
 * One tool output layout read into a value: every parser of every daemon has this shape, so the
 * {@code parse} command, the collectors, the tests and the fuzz targets can all take a parser from
 * its daemon's registration ({@link FormatList}).
 *
 * @param <T> what the output says, before any mapping to metrics
 */
public interface TextParser<T> {

  /** The {@code --format} name, also the first word of every {@link ParseException} it throws. */
  String format();

  /**
   * A cheap check that {@code text} looks like this format ({@code --format auto}, and telling a
   * tool's outputs apart); false for {@code null}.
   */
  boolean recognises(@Nullable String text);

  /** The value {@code text} holds; malformed text and the tool's error replies are rejected. */
  T parse(String text) throws ParseException;
}
