package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthDataParserTest {

  private final AuthDataParser parser = new AuthDataParser();

  /** Expected row: "name mode keyid type klen last(seconds or -) atmp nak cook clen". */
  static ChronyAuthData row(String spec) {
    String[] f = spec.split(" ");
    return new ChronyAuthData(
        f[0],
        f[1],
        Long.parseLong(f[2]),
        Integer.parseInt(f[3]),
        Integer.parseInt(f[4]),
        f[5].equals("-") ? null : Double.valueOf(f[5]),
        Long.parseLong(f[6]),
        Long.parseLong(f[7]),
        Integer.parseInt(f[8]),
        Integer.parseInt(f[9]));
  }

  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of(
            "chrony-doc-authdata.txt",
            List.of(
                "ntp1.example.net NTS 1 15 256 8100 0 0 8 100",
                "ntp2.example.net SK 30 13 128 - 0 0 0 0",
                "ntp3.example.net - 0 0 0 - 0 0 0 0")),
        Arguments.of(
            "chrony-faq-authdata.txt",
            List.of(
                "ntp1.example.net NTS 1 15 256 1980 0 0 8 100",
                "ntp2.example.net NTS 1 15 256 1980 0 0 8 100",
                "ntp3.example.net NTS 1 15 256 1980 0 0 8 100")),
        Arguments.of(
            "ubuntu-doc-authdata-nts.txt",
            List.of(
                "1.ntp.ubuntu.com NTS 6 30 128 1209600 0 0 8 64",
                "2.ntp.ubuntu.com NTS 6 30 128 1209600 0 0 8 64",
                "3.ntp.ubuntu.com NTS 1 30 128 2332800 0 0 8 64",
                "4.ntp.ubuntu.com NTS 2 30 128 1728000 0 0 5 64",
                "ntp-bootstrap.ubuntu.com NTS 3 30 128 604800 0 0 8 64")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void parsesCorpusToManifestValues(String file, List<String> rows) throws Exception {
    // Every field is an integer or text (Last is whole minutes/days), so records compare exactly.
    assertThat(parser.parse(Fixtures.CHRONYC.corpus(file)))
        .containsExactlyElementsOf(rows.stream().map(AuthDataParserTest::row).toList());
  }

  @Test
  void csvLayout() throws Exception {
    String csv =
        "ntp1.example.net,NTS,1,15,256,8100,0,0,8,100\n"
            + "ntp2.example.net,SK,30,13,128,4294967295,0,0,0,0\n";
    assertThat(parser.parse(csv))
        .containsExactly(
            row("ntp1.example.net NTS 1 15 256 8100 0 0 8 100"),
            row("ntp2.example.net SK 30 13 128 - 0 0 0 0"));
  }

  @Test
  void unknownModeIsMalformed() {
    String text = Fixtures.CHRONYC.corpus("chrony-doc-authdata.txt").replace(" SK ", " XY ");
    assertThatThrownBy(() -> parser.parse(text))
        .isInstanceOfSatisfying(
            ParseException.class,
            e -> {
              assertThat(e.lineNumber()).isEqualTo(4);
              assertThat(e.getMessage()).contains("not an authdata row");
            });
  }
}
