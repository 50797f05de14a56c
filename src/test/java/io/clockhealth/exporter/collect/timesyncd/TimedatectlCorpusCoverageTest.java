package io.clockhealth.exporter.collect.timesyncd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every timedatectl corpus file and every timesyncd capture has its values asserted. */
class TimedatectlCorpusCoverageTest {

  private static String name(Arguments args) {
    String resource = (String) args.get()[0];
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  @Test
  void everyCorpusFileHasValueAssertions() {
    Set<String> covered = new TreeSet<>();
    Stream.of(TimesyncStatusParserTest.corpusFiles(), StatusParserTest.corpusFiles())
        .flatMap(s -> s)
        .map(TimedatectlCorpusCoverageTest::name)
        .forEach(covered::add);

    assertThat(FixtureFiles.list(Fixtures.TIMEDATECTL.corpusDir())).hasSize(5);
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(FixtureFiles.list(Fixtures.TIMEDATECTL.corpusDir()));
  }

  @Test
  void everyCaptureHasAssertions() {
    Set<String> covered = new TreeSet<>();
    Stream.of(
            ShowTimesyncParserTest.captureFiles(),
            TimesyncStatusParserTest.captureFiles(),
            ShowParserTest.captureFiles(),
            StatusParserTest.captureFiles(),
            TimedatectlErrorsTest.captureFiles())
        .flatMap(s -> s)
        .map(TimedatectlCorpusCoverageTest::name)
        .forEach(covered::add);
    // ShowTimesyncParserTest.ntpMessageValueAloneParsesToTheSameMessage,
    // ShowTimesyncParserTest.killTimelineSamplesAllShowTheLastReply, and
    // TimedatectlGarbageInputTest.anotherOutputIsMalformed (busctl is none of the formats).
    covered.add("good-show-timesync-ntpmessage-value.txt");
    covered.add("kill-server-timeline.txt");
    covered.add("good-busctl-introspect-timesync1.txt");

    assertThat(FixtureFiles.list(Fixtures.TIMEDATECTL.capturesDir())).hasSize(20);
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(FixtureFiles.list(Fixtures.TIMEDATECTL.capturesDir()));
  }
}
