package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.ParseException;
import org.junit.jupiter.api.Test;

class ActivityParserTest {

  private final ActivityParser parser = new ActivityParser();

  @Test
  void chrony43sHumanAndCsvLayoutsGiveTheSameCounts() throws ParseException {
    ChronyActivity fourOnline = new ChronyActivity(4, 0, 0, 0, 0);
    assertThat(parser.parse(Fixtures.CHRONYC.capture("depth-C-activity.txt")))
        .isEqualTo(fourOnline);
    assertThat(parser.parse(Fixtures.CHRONYC.capture("depth-C-c-activity.txt")))
        .isEqualTo(fourOnline);
    assertThat(parser.parse(Fixtures.CHRONYC.capture("3src-cli-activity.txt")))
        .isEqualTo(new ChronyActivity(3, 0, 0, 0, 0));
  }

  @Test
  void eachCountLandsInItsOwnField() throws ParseException {
    assertThat(parser.parse("1,2,3,4,5\n")).isEqualTo(new ChronyActivity(1, 2, 3, 4, 5));
    assertThat(
            parser.parse(
                "2 sources online\n7 sources offline\n1 sources doing burst (return to online)\n"
                    + "0 sources doing burst (return to offline)\n3 sources with unknown address\n"))
        .isEqualTo(new ChronyActivity(2, 7, 1, 0, 3));
    // a burst counts where it returns to
    assertThat(ChronyReportMapper.activity(new ChronyActivity(2, 7, 1, 4, 3)))
        .satisfies(
            s -> {
              assertThat(s.sourcesOnline()).isEqualTo(3);
              assertThat(s.sourcesOffline()).isEqualTo(11);
            });
  }

  @Test
  void linesOutOfOrderOrMissingAreMalformed() {
    assertThatThrownBy(
            () ->
                parser.parse(
                    "200 OK\n0 sources offline\n4 sources online\n"
                        + "0 sources doing burst (return to online)\n"
                        + "0 sources doing burst (return to offline)\n"
                        + "0 sources with unknown address\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("sources online");
    assertThatThrownBy(() -> parser.parse("200 OK\n4 sources online\n"))
        .isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> parser.parse("4,0,0,0\n")).isInstanceOf(ParseException.class);
  }
}
