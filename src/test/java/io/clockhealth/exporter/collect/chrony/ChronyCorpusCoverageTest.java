package io.clockhealth.exporter.collect.chrony;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every chronyc corpus file has its MANIFEST values asserted by one of the parser tests. */
class ChronyCorpusCoverageTest {

  @Test
  void everyCorpusFileHasValueAssertions() {
    Set<String> covered = new TreeSet<>();
    Stream.of(
            TrackingParserTest.corpusFiles(),
            SourcesParserTest.corpusFiles(),
            SourceStatsParserTest.corpusFiles(),
            AuthDataParserTest.corpusFiles(),
            ServerStatsParserTest.files())
        .flatMap(s -> s)
        .map(Arguments::get)
        .map(args -> (String) args[0])
        .map(
            name ->
                name.startsWith(Fixtures.CHRONYC.corpusDir())
                    ? name.substring(Fixtures.CHRONYC.corpusDir().length())
                    : name)
        .forEach(covered::add);
    // NtpDataParserTest.docExampleGivesManifestValues asserts the one ntpdata file.
    covered.add("chrony-doc-ntpdata.txt");

    assertThat(FixtureFiles.list(Fixtures.CHRONYC.corpusDir())).hasSize(27);
    assertThat(covered).containsAll(FixtureFiles.list(Fixtures.CHRONYC.corpusDir()));
  }
}
