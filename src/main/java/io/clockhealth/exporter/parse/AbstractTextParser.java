package io.clockhealth.exporter.parse;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TextParser} with its format name and its recognition check given once, at construction:
 * what every parser has, so each parser class holds only its own layout.
 */
public abstract class AbstractTextParser<T> implements TextParser<T> {

  private final String format;
  private final Predicate<String> looksLike;

  /**
   * @param format the {@code --format} name
   * @param looksLike the cheap check of {@link #recognises}, given non-null text
   */
  protected AbstractTextParser(String format, Predicate<String> looksLike) {
    this.format = format;
    this.looksLike = looksLike;
  }

  @Override
  public final String format() {
    return format;
  }

  @Override
  public final boolean recognises(@Nullable String text) {
    return text != null && looksLike.test(text);
  }
}
