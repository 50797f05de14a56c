package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.FixtureFiles;
import java.util.stream.Stream;

/** Where the timedatectl corpus and the timesyncd captures are in the test resources. */
final class TimesyncdFixtures {

  static final String CORPUS = "corpus/timedatectl/";
  static final String CAPTURES = "captures/timesyncd/";

  private TimesyncdFixtures() {}

  static String corpus(String name) {
    return FixtureFiles.read(CORPUS + name);
  }

  static String capture(String name) {
    return FixtureFiles.read(CAPTURES + name);
  }

  /** Every corpus and capture file, as resource paths. */
  static Stream<String> allFiles() {
    return FixtureFiles.resources(CORPUS, CAPTURES);
  }
}
