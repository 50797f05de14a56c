package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.FixtureFiles;
import java.util.List;

/** Where the ntpq corpus and ntpsec capture files are in the test resources. */
final class NtpqFixtures {

  static final String CORPUS = "corpus/ntpq/";
  static final String CAPTURES = "captures/ntpsec/";

  /** The two corpus files that hold ntpq's error messages instead of data. */
  static final List<String> ERROR_FILES =
      List.of("insights-error-connection-refused.txt", "justatheory-freebsd-ntpq-p-timeout.txt");

  private NtpqFixtures() {}

  static String corpus(String name) {
    return FixtureFiles.read(CORPUS + name);
  }

  static String capture(String name) {
    return FixtureFiles.read(CAPTURES + name);
  }
}
