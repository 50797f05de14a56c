package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.collect.OutputParser;
import java.util.function.Predicate;

/**
 * One parser under its format name, with the check {@code --format auto} makes: the shape in which
 * tests run every parser of a daemon over every input.
 */
public record NamedParser(String format, OutputParser<?> parse, Predicate<String> recognises) {

  @Override
  public String toString() {
    return format;
  }
}
