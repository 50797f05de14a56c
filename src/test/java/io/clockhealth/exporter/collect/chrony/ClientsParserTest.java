package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.model.ServerClient;
import io.clockhealth.exporter.model.ServerClients;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code chronyc clients} of chrony 4.3, human and CSV, against what the captures print. */
class ClientsParserTest {

  private final ClientsParser parser = new ClientsParser();

  /** "address ntp drop int(or -) intl(or -) last(or -) cmd drop int last", as printed. */
  static ChronyClient row(String spec) {
    String[] f = spec.split(" ");
    return new ChronyClient(
        f[0],
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        log2(f[3]),
        log2(f[4]),
        age(f[5]),
        Long.parseLong(f[6]),
        Long.parseLong(f[7]),
        log2(f[8]),
        age(f[9]));
  }

  private static Integer log2(String s) {
    return s.equals("-") ? null : Integer.valueOf(s);
  }

  private static Double age(String s) {
    return s.equals("-") ? null : Double.valueOf(s);
  }

  static Stream<Arguments> captures() {
    return Stream.of(
        Arguments.of("depth-A-clients.txt", List.of("127.0.0.1 261 0 -2 - 0 0 0 - -")),
        // -k prints NTS-KE where Cmd is: the same columns
        Arguments.of("depth-A-clients-k.txt", List.of("127.0.0.1 261 0 -2 - 0 0 0 - -")),
        Arguments.of("depth-A-clients-p-1.txt", List.of("127.0.0.1 261 0 -2 - 0 0 0 - -")),
        Arguments.of(
            "depth-A-clients-two-hosts.txt",
            List.of("127.0.0.1 2466 0 -1 - 0 0 0 - -", "127.0.0.9 6 0 2 - 0 0 0 - -")),
        Arguments.of("depth-A-c-clients.txt", List.of("127.0.0.1 261 0 -2 - 0 0 0 - -")),
        // after -r: the counters are 0, the interval and the last request remain
        Arguments.of("depth-A-c-clients-r.txt", List.of("127.0.0.1 0 0 -2 - 0 0 0 - -")),
        Arguments.of(
            "depth-A-c-clients-two-hosts.txt",
            List.of("127.0.0.1 2466 0 -1 - 0 0 0 - -", "127.0.0.9 6 0 2 - 0 0 0 - -")),
        Arguments.of("3src-srvA-clients.txt", List.of("localhost 39 0 -3 - 0 0 0 - -")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void readsEveryCapture(String file, List<String> expected) throws Exception {
    String text = FixtureFiles.read("captures/chrony/" + file);
    assertThat(parser.recognises(text)).isTrue();
    assertThat(parser.parse(text))
        .containsExactlyElementsOf(expected.stream().map(ClientsParserTest::row).toList());
  }

  @Test
  void csvSentinelsAreNoneAndNeverAndHumanSuffixesAreSeconds() throws Exception {
    assertThat(parser.parse("10.0.0.7,5,2,127,127,4294967295,1,0,-3,35\n"))
        .containsExactly(new ChronyClient("10.0.0.7", 5, 2, null, null, null, 1, 0, -3, 35.0));
    String human =
        """
        Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last
        ===============================================================================
        10.0.0.7                     9001    512   4   6   17m       3      0   -    2h
        """;
    assertThat(parser.parse(human))
        .containsExactly(new ChronyClient("10.0.0.7", 9001, 512, 4, 6, 1020.0, 3, 0, null, 7200.0));
  }

  @Test
  void anEmptyLogIsNoClients() throws Exception {
    assertThat(parser.parse("")).isEmpty();
    assertThat(
            parser.parse(
                "Hostname                      NTP   Drop Int IntL Last     Cmd   Drop Int  Last\n"
                    + "=========================================================================\n"))
        .isEmpty();
  }

  @Test
  void aShortRowIsRejectedNamingTheFormat() {
    assertThatThrownBy(() -> parser.parse("127.0.0.1,261,0,-2\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith(ClientsParser.FORMAT);
  }

  @Test
  void theMapperCountsEachProtocolASourceUsedAndKeepsResetClients() throws Exception {
    ServerClients log =
        ChronyReportMapper.clients(
            parser.parse(
                FixtureFiles.read("captures/chrony/depth-A-c-clients-two-hosts.txt")
                    + "10.0.0.7,0,0,-2,127,0,3,1,4,9\n"
                    + "10.0.0.8,0,0,127,127,4294967295,0,0,127,4294967295\n"),
            5);
    assertThat(log.perClientLimit()).isEqualTo(5);
    assertThat(log.clients())
        .containsExactly(
            new ServerClient("127.0.0.1", "ntp", 2466, 0, 0.5, 0.0),
            new ServerClient("127.0.0.9", "ntp", 6, 0, 4.0, 0.0),
            new ServerClient("10.0.0.7", "ntp", 0, 0, 0.25, 0.0),
            new ServerClient("10.0.0.7", "command", 3, 1, 16.0, 9.0));
  }
}
