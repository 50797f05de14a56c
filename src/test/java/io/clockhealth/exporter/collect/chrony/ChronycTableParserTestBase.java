package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.TextParser;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the tests of the parsers of chronyc's tables ({@code sources}, {@code sourcestats}) share:
 * every corpus file and capture parses to its expected rows. The test class gives the files, as
 * {@code static corpusFiles()} and {@code captureFiles()} (file, total row count, expected rows
 * written like the MANIFEST: all of them, or the selected ones when fewer), and says how to read an
 * expected row and how to compare one.
 */
abstract class ChronycTableParserTestBase<R> {

  /** The parser under test. */
  final TextParser<List<R>> parser;

  private final Function<String, R> expectedRow;
  private final Function<R, String> name;

  /**
   * @param expectedRow the row a MANIFEST-like spec describes
   * @param name a row's name, by which the expected ones are found when fewer than all are given
   */
  ChronycTableParserTestBase(
      TextParser<List<R>> parser, Function<String, R> expectedRow, Function<R, String> name) {
    this.parser = parser;
    this.expectedRow = expectedRow;
    this.name = name;
  }

  /**
   * Soft assertions of every field of {@code actual} against {@code expected}; {@code row} names
   * it.
   */
  abstract void compareRow(SoftAssertions soft, String row, R actual, R expected);

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesCorpusToManifestValues(String file, int total, List<String> rows) throws Exception {
    assertRows(parser.parse(Fixtures.CHRONYC.corpus(file)), total, rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captureFiles")
  void parsesCaptures(String file, int total, List<String> rows) throws Exception {
    assertRows(parser.parse(Fixtures.CHRONYC.capture(file)), total, rows);
  }

  /**
   * {@code total} rows, and the expected ones among them: in order when all are given, else each
   * found by its name.
   */
  void assertRows(List<R> actual, int total, List<String> specs) {
    assertThat(actual).hasSize(total);
    List<R> expected = specs.stream().map(expectedRow).toList();
    SoftAssertions soft = new SoftAssertions();
    for (int i = 0; i < expected.size(); i++) {
      R e = expected.get(i);
      R a =
          total == expected.size()
              ? actual.get(i)
              : actual.stream()
                  .filter(r -> name.apply(r).equals(name.apply(e)))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no row " + name.apply(e)));
      compareRow(soft, "row " + name.apply(e), a, e);
    }
    soft.assertAll();
  }
}
