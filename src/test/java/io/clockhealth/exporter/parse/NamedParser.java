package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.collect.OutputParser;
import java.util.List;
import java.util.function.Predicate;

/**
 * One parser under its format name, with the check {@code --format auto} makes: the shape in which
 * tests run every parser of a daemon over every input.
 */
public record NamedParser(String format, OutputParser<?> parse, Predicate<String> recognises) {

  /** Every parser of {@code formats}, in their order. */
  public static List<NamedParser> of(List<OutputFormat> formats) {
    return formats.stream()
        .map(OutputFormat::parser)
        .map(p -> new NamedParser(p.format(), p::parse, p::recognises))
        .toList();
  }

  /** The parser of {@code format} among {@code parsers}. */
  public static NamedParser named(List<NamedParser> parsers, String format) {
    return parsers.stream()
        .filter(p -> p.format().equals(format))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no parser registered for " + format));
  }

  @Override
  public String toString() {
    return format;
  }
}
