package io.clockhealth.exporter.parse;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where each tool's corpus and capture files are in the test resources, read through {@link
 * FixtureFiles}: {@code Fixtures.CHRONYC.capture("3src-cli-tracking.txt")}.
 */
public enum Fixtures {
  CHRONYC("corpus/chronyc/", "captures/chrony/"),
  NTPQ("corpus/ntpq/", "captures/ntpsec/"),
  TIMEDATECTL("corpus/timedatectl/", "captures/timesyncd/"),
  /** pmc's outputs: no public corpus, only the lab's captures. */
  PMC(null, "captures/ptp/");

  /** The two ntpq corpus files that hold ntpq's error messages instead of data. */
  public static final List<String> NTPQ_ERROR_FILES =
      List.of("insights-error-connection-refused.txt", "justatheory-freebsd-ntpq-p-timeout.txt");

  private final @Nullable String corpusDir;
  private final String capturesDir;

  Fixtures(@Nullable String corpusDir, String capturesDir) {
    this.corpusDir = corpusDir;
    this.capturesDir = capturesDir;
  }

  /** The corpus directory as a resource path, with a trailing slash. */
  public String corpusDir() {
    if (corpusDir == null) {
      throw new IllegalStateException(name() + " has no corpus");
    }
    return corpusDir;
  }

  /** The captures directory as a resource path, with a trailing slash. */
  public String capturesDir() {
    return capturesDir;
  }

  public String corpus(String name) {
    return FixtureFiles.read(corpusDir() + name);
  }

  public String capture(String name) {
    return FixtureFiles.read(capturesDir + name);
  }

  /** Every corpus and capture file, as resource paths. */
  public Stream<String> allFiles() {
    return corpusDir == null
        ? FixtureFiles.resources(capturesDir)
        : FixtureFiles.resources(corpusDir, capturesDir);
  }

  /** {@code CHRONYC.allFiles()}, for {@code @MethodSource}. */
  public static Stream<String> chronycFiles() {
    return CHRONYC.allFiles();
  }

  /** {@code NTPQ.allFiles()}, for {@code @MethodSource}. */
  public static Stream<String> ntpqFiles() {
    return NTPQ.allFiles();
  }

  /** {@code PMC.allFiles()}, for {@code @MethodSource}. */
  public static Stream<String> pmcFiles() {
    return PMC.allFiles();
  }

  /** {@code TIMEDATECTL.allFiles()}, for {@code @MethodSource}. */
  public static Stream<String> timedatectlFiles() {
    return TIMEDATECTL.allFiles();
  }
}
