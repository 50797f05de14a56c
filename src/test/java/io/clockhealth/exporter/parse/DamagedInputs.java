package io.clockhealth.exporter.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.collect.OutputParser;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Inputs that are not (or no longer) a parser's format, and what every parser must do with them:
 * throw a {@link ParseException} naming its format, never anything else. Shared by the
 * garbage-input tests of every daemon's parsers.
 */
public final class DamagedInputs {

  /** Inputs with nothing in them but white space. */
  public static final List<String> BLANK = List.of("", "\n", "  \n\n");

  private DamagedInputs() {}

  /**
   * Every file given to every parser other than the one it belongs to ({@code owner} gives null for
   * files no parser owns), as (parser, resource) arguments.
   */
  public static Stream<Arguments> otherFormats(
      Stream<String> resources, List<NamedParser> parsers, Function<String, NamedParser> owner) {
    return resources.flatMap(
        resource ->
            parsers.stream()
                .filter(p -> p != owner.apply(resource))
                .map(p -> Arguments.of(p, resource)));
  }

  /** Every text given to every parser, parser by parser, as (parser, text) arguments. */
  public static Stream<Arguments> eachParserWith(List<NamedParser> parsers, List<String> texts) {
    return parsers.stream().flatMap(parser -> texts.stream().map(t -> Arguments.of(parser, t)));
  }

  /**
   * {@code text} cut every third character, then with each of its lines dropped in turn, then the
   * given manglings of it.
   */
  public static List<String> variants(String text, String... mangled) {
    List<String> variants = new ArrayList<>();
    for (int cut = 0; cut < text.length(); cut += 3) {
      variants.add(text.substring(0, cut));
    }
    List<String> lines = Arrays.asList(text.split("\n", -1));
    for (int drop = 0; drop < lines.size(); drop++) {
      List<String> kept = new ArrayList<>(lines);
      kept.remove(drop);
      variants.add(String.join("\n", kept));
    }
    variants.addAll(Arrays.asList(mangled));
    return variants;
  }

  /**
   * The file {@code resource} cut and with its lines dropped ({@link #variants}), and the manglings
   * {@code mangle} makes of its text: {@link #assertOnlyParseExceptions} for every parser.
   */
  public static void assertDamagedFileOnlyParseExceptions(
      List<NamedParser> parsers, String resource, Function<String, List<String>> mangle) {
    String text = FixtureFiles.read(resource);
    assertOnlyParseExceptions(
        parsers, resource, variants(text, mangle.apply(text).toArray(new String[0])));
  }

  /**
   * For every parser: null is MALFORMED, and so is each blank input ({@code ""}, {@code "\n"},
   * {@code " \n\n"}) and each of {@code moreEmpty}, as "empty input".
   */
  public static void assertNullAndEmptyMalformed(List<NamedParser> parsers, String... moreEmpty) {
    List<String> empties = new ArrayList<>(BLANK);
    empties.addAll(Arrays.asList(moreEmpty));
    for (NamedParser parser : parsers) {
      assertMalformed(parser, null);
      for (String empty : empties) {
        assertEmptyInput(parser, empty);
      }
    }
  }

  /**
   * Each parser either parses each variant or throws a ParseException naming its format: never a
   * NumberFormatException, DateTimeException, IndexOutOfBounds or NPE.
   */
  public static void assertOnlyParseExceptions(
      List<NamedParser> parsers, String resource, List<String> variants) {
    for (NamedParser parser : parsers) {
      for (String variant : variants) {
        try {
          parser.parse().parse(variant);
        } catch (ParseException expected) {
          assertThat(expected.getMessage()).startsWith(parser.format() + ": ");
        } catch (RuntimeException e) {
          throw new AssertionError(
              parser.format() + " leaked " + e + " on a variant of " + resource + ":\n" + variant,
              e);
        }
      }
    }
  }

  /** MALFORMED, from this parser, with its format first in the message. */
  public static void assertMalformed(NamedParser parser, String text) {
    assertRejected(parser, text, Kind.MALFORMED);
  }

  /**
   * MALFORMED, from the parser of {@code format}, naming line {@code line} (0 when the input as a
   * whole is at fault).
   */
  public static void assertMalformedOnLine(
      String format, OutputParser<?> parser, String text, int line) {
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.format()).isEqualTo(format);
              assertThat(e.lineNumber()).isEqualTo(line);
            });
  }

  /** MALFORMED, naming line {@code line}, with {@code messagePart} in the message. */
  public static void assertMalformedAt(ThrowingCallable parse, int line, String messagePart) {
    assertThatThrownBy(parse)
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(line);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  /** A ParseException of this kind, from this parser, with its format first in the message. */
  public static void assertRejected(NamedParser parser, String text, Kind kind) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.getMessage()).startsWith(parser.format() + ": ");
            });
  }

  /** TOOL_ERROR from this parser at line {@code line}: the tool's error message, not data. */
  public static void assertToolError(NamedParser parser, String text, int line) {
    assertToolError(parser, text, line, e -> {});
  }

  /** As {@link #assertToolError(NamedParser, String, int)}, then what {@code andAlso} checks. */
  public static void assertToolError(
      NamedParser parser, String text, int line, Consumer<ParseException> andAlso) {
    assertThatThrownBy(() -> parser.parse().parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR);
              assertThat(e.format()).isEqualTo(parser.format());
              assertThat(e.lineNumber()).isEqualTo(line);
              andAlso.accept(e);
            });
  }

  /** MALFORMED as "empty input". */
  public static void assertEmptyInput(NamedParser parser, String empty) {
    assertThatThrownBy(() -> parser.parse().parse(empty))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.getMessage()).contains("empty input");
            });
  }

  /**
   * {@code text} with the byte {@code offset} bytes into line {@code line} (1-based) replaced by an
   * invalid UTF-8 byte is MALFORMED as "invalid UTF-8" on that line.
   */
  public static void assertInvalidUtf8OnLine(
      NamedParser parser, String text, int line, int offset) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int lineStart = 0;
    for (int n = 1; n < line; n++) {
      lineStart = indexOf(bytes, (byte) '\n', lineStart) + 1;
    }
    bytes[lineStart + offset] = (byte) 0xFF;
    String decoded = new String(bytes, StandardCharsets.UTF_8);
    assertThat(decoded).contains("\uFFFD");
    assertThatThrownBy(() -> parser.parse().parse(decoded))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.lineNumber()).isEqualTo(line);
              assertThat(e.getMessage()).contains("invalid UTF-8");
            });
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
