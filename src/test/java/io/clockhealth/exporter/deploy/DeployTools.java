package io.clockhealth.exporter.deploy;

import io.clockhealth.exporter.testing.Exec;
import io.clockhealth.exporter.testing.TestDaemons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths of the deploy/ files and of the real tools the deploy tests run. A tool that is missing
 * fails the test with what to install; none of these tests is ever skipped.
 */
final class DeployTools {

  private DeployTools() {}

  static Path repo() {
    return TestDaemons.repoRoot();
  }

  static Path file(String relative) {
    Path p = repo().resolve(relative);
    if (!Files.exists(p)) {
      throw new AssertionError(relative + " does not exist (looked in " + repo() + ")");
    }
    return p;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An executable that must be on this machine; AssertionError with a hint otherwise. */
  static Path require(String path, String hint) {
    Path p = Path.of(path);
    if (!Files.isExecutable(p)) {
      throw new AssertionError(path + " is missing: " + hint);
    }
    return p;
  }

  /** Debian's prometheus binaries, unpacked by scripts/fetch-test-daemons.sh (run if needed). */
  static Path prometheusBin(String name) {
    TestDaemons daemons = TestDaemons.get();
    return switch (name) {
      case "prometheus" -> daemons.prometheus();
      case "promtool" -> daemons.promtool();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static Exec.Result run(Duration timeout, String... command) {
    return Exec.run(timeout, Map.of(), List.of(command));
  }

  /**
   * KEY=VALUE lines of an EnvironmentFile (no quotes used in ours); comments and blank lines
   * skipped.
   */
  static Map<String, String> environmentFile(Path p) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : read(p).split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0) {
        throw new AssertionError(p + ": not KEY=VALUE: " + line);
      }
      env.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return env;
  }
}
