package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real daemon binaries the integration tests run: chrony's {@code chronyd}/{@code chronyc} and
 * {@code libfaketime.so.1}, unpacked (never installed) by {@code scripts/fetch-test-daemons.sh}
 * into {@code ${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}}.
 *
 * <p>When they are missing, the script is run from here, so {@code mvn verify} alone works.
 */
public final class TestDaemons {

  private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(5);
  private static TestDaemons instance;

  private final Path cache;
  private final Path chronyd;
  private final Path chronyc;
  private final Path libfaketime;

  private TestDaemons(Path cache, Path chronyd, Path chronyc, Path libfaketime) {
    this.cache = cache;
    this.chronyd = chronyd;
    this.chronyc = chronyc;
    this.libfaketime = libfaketime;
  }

  /** The binaries, fetched first if needed. */
  public static synchronized TestDaemons get() {
    if (instance == null) {
      Path cache = cacheDir();
      Optional<TestDaemons> found = locate(cache);
      if (found.isEmpty()) {
        fetch();
        found = locate(cache);
      }
      instance =
          found.orElseThrow(
              () ->
                  new IllegalStateException(
                      "scripts/fetch-test-daemons.sh ran but chronyd/chronyc/libfaketime.so.1 are"
                          + " still missing under "
                          + cache));
    }
    return instance;
  }

  public static Path cacheDir() {
    String env = System.getenv("CLOCK_TEST_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "clock-health-exporter");
  }

  /** The repository root: the nearest directory upwards holding scripts/fetch-test-daemons.sh. */
  public static Path repoRoot() {
    Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("scripts/fetch-test-daemons.sh"))) {
        return d;
      }
    }
    throw new IllegalStateException("no scripts/fetch-test-daemons.sh above " + dir);
  }

  /** {@code <repo>/target}, where test daemons and exporters keep their files. */
  public static Path targetDir() {
    return repoRoot().resolve("target");
  }

  private static Optional<TestDaemons> locate(Path cache) {
    Path x = cache.resolve("x");
    Path chronyd = x.resolve("chrony/usr/sbin/chronyd");
    Path chronyc = x.resolve("chrony/usr/bin/chronyc");
    if (!Files.isExecutable(chronyd) || !Files.isExecutable(chronyc)) {
      return Optional.empty();
    }
    Path libfaketime;
    try (Stream<Path> files = Files.walk(x.resolve("libfaketime"))) {
      libfaketime =
          files
              .filter(p -> p.getFileName().toString().equals("libfaketime.so.1"))
              .filter(p -> p.getParent().getFileName().toString().equals("faketime"))
              .findFirst()
              .orElse(null);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (libfaketime == null) {
      return Optional.empty();
    }
    return Optional.of(new TestDaemons(cache, chronyd, chronyc, libfaketime));
  }

  private static void fetch() {
    Path script = repoRoot().resolve("scripts/fetch-test-daemons.sh");
    Exec.Result r = Exec.run(FETCH_TIMEOUT, Map.of(), List.of("bash", script.toString()));
    if (!r.ok()) {
      throw new IllegalStateException("fetching the test daemons failed: " + r);
    }
  }

  public Path cache() {
    return cache;
  }

  public Path chronyd() {
    return chronyd;
  }

  public Path chronyc() {
    return chronyc;
  }

  public Path libfaketime() {
    return libfaketime;
  }
}
