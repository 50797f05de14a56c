package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clockhealth.exporter.collect.chrony.ChronyFormats;
import io.clockhealth.exporter.model.Daemon;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.HostClock;
import io.clockhealth.exporter.model.SourceState;
import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.NamedParser;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.ParseException.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TimesyncdFormatsTest {

  private static OutputFormat format(String name) {
    return TimesyncdFormats.all().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static FormatRegistry registry() {
    List<OutputFormat> formats = new ArrayList<>(ChronyFormats.all());
    formats.addAll(TimesyncdFormats.all());
    return new FormatRegistry(formats);
  }

  @Test
  void theFourFormats() {
    assertThat(TimesyncdFormats.all())
        .extracting(OutputFormat::name)
        .containsExactly(
            "timedatectl-show-timesync",
            "timedatectl-timesync-status",
            "timedatectl-show",
            "timedatectl-status");
  }

  @Test
  void showTimesyncReport() throws Exception {
    DaemonReport r =
        format(ShowTimesyncParser.FORMAT)
            .parse(Fixtures.TIMEDATECTL.capture("false73-show-timesync-all.txt"));
    assertThat(r.daemon()).isEqualTo(Daemon.TIMESYNCD);
    assertThat(r.daemonUp()).isNull();
    assertThat(r.system().synchronized_()).isTrue();
    assertThat(r.system().refId()).isEqualTo("7F7F0101");
    // show-timesync alone has no offset: that is timesync-status' line.
    assertThat(r.system().offsetSeconds()).isNull();
    assertThat(r.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.source()).isEqualTo("10.233.0.3");
              assertThat(s.state()).isEqualTo(SourceState.SELECTED);
            });
  }

  @Test
  void timesyncStatusReport() throws Exception {
    DaemonReport r =
        format(TimesyncStatusParser.FORMAT)
            .parse(Fixtures.TIMEDATECTL.capture("false73-timesync-status.txt"));
    assertThat(r.system().offsetSeconds()).isEqualTo(-73.000065);
    assertThat(r.system().frequencyPpm()).isEqualTo(0.0);
    assertThat(r.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.offsetSeconds()).isEqualTo(-73.000065);
              assertThat(s.delaySeconds()).isEqualTo(0.000402);
            });
  }

  @Test
  void showAndStatusParseButMeasureNothingOfTimesyncd() throws Exception {
    DaemonReport show =
        format(ShowParser.FORMAT).parse(Fixtures.TIMEDATECTL.capture("good-show.txt"));
    DaemonReport status =
        format(StatusParser.FORMAT).parse(Fixtures.TIMEDATECTL.corpus("jc-centos77-status.txt"));
    for (DaemonReport r : List.of(show, status)) {
      assertThat(r.daemon()).isEqualTo(Daemon.TIMESYNCD);
      assertThat(r.system()).isNull();
      assertThat(r.sources()).isEmpty();
    }
    assertThat(status.host()).isEqualTo(HostClock.NONE);
    assertThatThrownBy(() -> format(ShowParser.FORMAT).parse("NTP=perhaps\n"))
        .isInstanceOf(ParseException.class);
  }

  @Test
  void showGivesTimedatedsNtpAndLocalRtcAsHostSeries() throws Exception {
    HostClock captured =
        format(ShowParser.FORMAT).parse(Fixtures.TIMEDATECTL.capture("good-show.txt")).host();
    assertThat(captured).isEqualTo(HostClock.timedated(false, false));
    HostClock enabled =
        format(ShowParser.FORMAT).parse("Timezone=Europe/Berlin\nLocalRTC=yes\nNTP=yes\n").host();
    assertThat(enabled).isEqualTo(HostClock.timedated(true, true));
  }

  /** Every data file is detected as its own format among all registered formats. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.clockhealth.exporter.parse.Fixtures#timedatectlFiles")
  void autoDetection(String resource) throws Exception {
    NamedParser own = TimesyncdParsers.forFile(resource);
    String text = FixtureFiles.read(resource);
    if (own != null) {
      assertThat(registry().detect(text).name()).isEqualTo(own.format());
    } else if (resource.contains("/err-")) {
      assertThatThrownBy(() -> registry().detect(text))
          .isInstanceOfSatisfying(
              ParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOOL_ERROR));
    } else {
      // busctl output, the kill timeline and a bare NTPMessage value are none of the formats:
      // either nothing recognises them, or what does still rejects them.
      try {
        OutputFormat detected = registry().detect(text);
        assertThatThrownBy(() -> detected.parse(text)).isInstanceOf(ParseException.class);
      } catch (ParseException e) {
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
      }
    }
  }
}
