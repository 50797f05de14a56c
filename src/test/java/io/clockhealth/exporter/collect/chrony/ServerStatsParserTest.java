package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.DamagedInputs;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerStatsParserTest {

  private final ServerStatsParser parser = new ServerStatsParser();

  /** The values in ServerStatField order; their count is the number of lines printed. */
  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(
            Fixtures.CHRONYC.corpusDir() + "chrony-doc-serverstats.txt",
            new long[] {1598, 8, 19, 0, 0, 3, 0, 189, 43, 44, 120, 0, 1537, 1590, 43, 0, 0}),
        Arguments.of(
            Fixtures.CHRONYC.corpusDir() + "chrony24-doc-serverstats.txt",
            new long[] {1598, 8, 19, 0, 0}),
        Arguments.of(
            Fixtures.CHRONYC.capturesDir() + "3src-cli-serverstats.txt",
            new long[] {0, 0, 154, 0, 0, 0, 0, 0, 0, 0, 0}),
        Arguments.of(
            Fixtures.CHRONYC.capturesDir() + "3src-srvA-serverstats.txt",
            new long[] {39, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0}),
        Arguments.of(
            Fixtures.CHRONYC.capturesDir() + "3src-srvA-c-serverstats.txt",
            new long[] {39, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parsesToManifestValues(String resource, long[] values) throws Exception {
    ChronyServerStats stats = parser.parse(FixtureFiles.read(resource));
    Map<ServerStatField, Long> expected = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      expected.put(ServerStatField.values()[i], values[i]);
    }
    assertThat(stats.values()).containsExactlyEntriesOf(expected);
  }

  @Test
  void ntsKeLabelWithoutSpaceBeforeColonIsRead() throws Exception {
    ChronyServerStats stats = parser.parse(Fixtures.CHRONYC.corpus("chrony-doc-serverstats.txt"));
    assertThat(stats.values()).containsEntry(ServerStatField.NTS_KE_CONNECTIONS_ACCEPTED, 3L);
  }

  @Test
  void chrony40EightLineLayout() throws Exception {
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(Fixtures.CHRONYC.corpus("chrony-doc-serverstats.txt").split("\n")));
    String text = String.join("\n", lines.subList(0, 8)) + "\n";
    assertThat(parser.parse(text).values())
        .hasSize(8)
        .containsEntry(ServerStatField.AUTHENTICATED_NTP_PACKETS, 189L);
  }

  @Test
  void unknownLabelIsMalformed() {
    String text =
        Fixtures.CHRONYC.corpus("chrony24-doc-serverstats.txt")
            + "Bogus packets received     : 1\n";
    DamagedInputs.assertMalformedAt(
        () -> parser.parse(text), 6, "unknown label 'Bogus packets received'");
  }

  @Test
  void linesOutOfOrderAreMalformed() {
    String text =
        "NTP packets dropped        : 8\n"
            + "NTP packets received       : 1598\n"
            + "Command packets received   : 19\n"
            + "Command packets dropped    : 0\n"
            + "Client log records dropped : 0\n";
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("expected 'NTP packets received'");
  }

  @Test
  void tooFewValuesAreMalformed() {
    assertThatThrownBy(() -> parser.parse("39,0,3\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("only 3");
    assertThatThrownBy(() -> parser.parse("NTP packets received       : 39\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("only 1");
  }

  @Test
  void negativeOrNonNumericCounterIsMalformed() {
    assertThatThrownBy(() -> parser.parse("39,-1,3,0,0\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("'-1'");
    assertThatThrownBy(
            () ->
                parser.parse(
                    Fixtures.CHRONYC
                        .corpus("chrony24-doc-serverstats.txt")
                        .replace("1598", "many")))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.lineNumber()).isEqualTo(1));
  }
}
