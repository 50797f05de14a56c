package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.FixtureFiles;
import java.util.stream.Stream;

/** Where the chronyc corpus and capture files are in the test resources. */
final class ChronyFixtures {

  static final String CORPUS = "corpus/chronyc/";
  static final String CAPTURES = "captures/chrony/";

  private ChronyFixtures() {}

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
