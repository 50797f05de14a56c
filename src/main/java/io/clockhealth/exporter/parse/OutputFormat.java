package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.metrics.DaemonReport;
import java.util.function.Predicate;

/**
 * One tool output layout the {@code parse} command (and {@code --format auto}) understands, e.g.
 * {@code chronyc-tracking}. Each daemon package contributes its formats.
 */
public interface OutputFormat {

  /** The {@code --format} name. */
  String name();

  /** A cheap check that {@code text} looks like this format; used by {@code --format auto}. */
  boolean recognises(String text);

  /** The metrics this one output yields. */
  DaemonReport parse(String text) throws ParseException;

  /** Parses text into a report; {@link OutputFormat#parse} as a lambda. */
  @FunctionalInterface
  interface Parse {
    DaemonReport apply(String text) throws ParseException;
  }

  /** A format from its name, its recognition test and its parse step. */
  static OutputFormat of(String name, Predicate<String> recognises, Parse parse) {
    return new OutputFormat() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean recognises(String text) {
        return recognises.test(text);
      }

      @Override
      public DaemonReport parse(String text) throws ParseException {
        return parse.apply(text);
      }
    };
  }
}
