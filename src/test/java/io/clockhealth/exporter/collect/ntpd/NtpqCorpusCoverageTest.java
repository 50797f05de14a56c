package io.clockhealth.exporter.collect.ntpd;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.parse.FixtureFiles;
import io.clockhealth.exporter.parse.Fixtures;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Every ntpq corpus file has its MANIFEST values asserted by one of the tests. */
class NtpqCorpusCoverageTest {

  @Test
  void everyCorpusFileHasValueAssertions() {
    Set<String> covered = new TreeSet<>();
    Stream.of(
            NtpqPeersParserTest.corpusFiles(),
            NtpqSysVarsParserTest.corpusFiles(),
            NtpqErrorsTest.errorFiles())
        .flatMap(s -> s)
        .map(Arguments::get)
        .map(args -> (String) args[0])
        .forEach(name -> assertThat(covered.add(name)).as("%s asserted only once", name).isTrue());

    assertThat(FixtureFiles.list(Fixtures.NTPQ.corpusDir())).hasSize(31);
    assertThat(covered).containsExactlyElementsOf(FixtureFiles.list(Fixtures.NTPQ.corpusDir()));
  }
}
