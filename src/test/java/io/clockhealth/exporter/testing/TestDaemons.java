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
 * The real daemon binaries the integration tests run: chrony's {@code chronyd}/{@code chronyc},
 * {@code libfaketime.so.1}, ntpsec's {@code ntpd} and {@code ntpq} (a python script, with the
 * unpacked python3-ntp module), and {@code systemd-timesyncd} with the {@code libsystemd-shared} of
 * its version, unpacked (never installed) by {@code scripts/fetch-test-daemons.sh} into {@code
 * ${CLOCK_TEST_CACHE:-$HOME/.cache/clock-health-exporter}}.
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
  private final Path x;

  /** Debian's python3: ntpq needs it (a {@code python3} on PATH may be pyenv or a venv). */
  public static final Path PYTHON3 = Path.of("/usr/bin/python3");

  private TestDaemons(Path cache, Path chronyd, Path chronyc, Path libfaketime) {
    this.cache = cache;
    this.chronyd = chronyd;
    this.chronyc = chronyc;
    this.libfaketime = libfaketime;
    this.x = cache.resolve("x");
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
                      "scripts/fetch-test-daemons.sh ran but chronyd/chronyc/libfaketime.so.1/"
                          + "ntpd/ntpq/systemd-timesyncd are still missing under "
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
    if (!Files.isExecutable(x.resolve(NTPD))
        || !Files.isRegularFile(x.resolve(NTPQ))
        || !Files.isRegularFile(x.resolve(NTPDIG))
        || !Files.exists(x.resolve(PYTHON_NTP).resolve("ntp/libntpc.so"))
        || !Files.isExecutable(x.resolve(TIMESYNCD))
        || !Files.isDirectory(x.resolve(LIBSYSTEMD_SHARED))) {
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

  private static final String NTPD = "ntpsec/usr/sbin/ntpd";
  private static final String NTPQ = "ntpsec/usr/bin/ntpq";
  private static final String NTPDIG = "ntpsec-ntpdig/usr/bin/ntpdig";
  private static final String PYTHON_NTP = "python3-ntp/usr/lib/python3/dist-packages";
  private static final String TIMESYNCD = "systemd-timesyncd/lib/systemd/systemd-timesyncd";
  private static final String LIBSYSTEMD_SHARED =
      "libsystemd-shared/usr/lib/x86_64-linux-gnu/systemd";

  /** ntpsec's {@code ntpd}. */
  public Path ntpd() {
    return x.resolve(NTPD);
  }

  /** ntpsec's {@code ntpq}: a python script, run with {@link #PYTHON3} and {@link #pythonNtp}. */
  public Path ntpq() {
    return x.resolve(NTPQ);
  }

  /** ntpsec's SNTP client {@code ntpdig}: a python script, run as {@link #ntpq}. */
  public Path ntpdig() {
    return x.resolve(NTPDIG);
  }

  /** The {@code PYTHONPATH} holding the unpacked python3-ntp module (with libntpc.so linked in). */
  public Path pythonNtp() {
    return x.resolve(PYTHON_NTP);
  }

  /** {@code systemd-timesyncd}, to be run with {@link #libsystemdShared} as LD_LIBRARY_PATH. */
  public Path timesyncd() {
    return x.resolve(TIMESYNCD);
  }

  /** The directory of the {@code libsystemd-shared-*.so} matching {@link #timesyncd}. */
  public Path libsystemdShared() {
    return x.resolve(LIBSYSTEMD_SHARED);
  }

  private static final String PROMETHEUS = "prometheus/usr/bin/prometheus";
  private static final String PROMTOOL = "prometheus/usr/bin/promtool";

  /**
   * Debian's {@code prometheus} server binary, unpacked (never installed, never run as a service);
   * tests start it themselves on loopback.
   */
  public Path prometheus() {
    return fetched(PROMETHEUS);
  }

  /** Debian's {@code promtool}, from the same package as {@link #prometheus}. */
  public Path promtool() {
    return fetched(PROMTOOL);
  }

  private static final String PTP4L = "linuxptp/usr/sbin/ptp4l";
  private static final String PMC = "linuxptp/usr/sbin/pmc";

  /** Debian's linuxptp {@code ptp4l}, unpacked; tests run it only with {@code free_running 1}. */
  public Path ptp4l() {
    return fetched(PTP4L);
  }

  /** linuxptp's {@code pmc}, from the same package as {@link #ptp4l}. */
  public Path pmc() {
    return fetched(PMC);
  }

  private static final String NODE_EXPORTER =
      "prometheus-node-exporter/usr/bin/prometheus-node-exporter";

  /**
   * Debian's {@code prometheus-node-exporter} binary, unpacked (never installed, never run as a
   * service); the textfile test starts it itself on loopback.
   */
  public Path nodeExporter() {
    return fetched(NODE_EXPORTER);
  }

  /** A binary of the cache; runs the fetch script first when an older cache lacks it. */
  private synchronized Path fetched(String relative) {
    Path p = x.resolve(relative);
    if (!Files.isExecutable(p)) {
      fetch();
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            "scripts/fetch-test-daemons.sh ran but " + p + " is still missing");
      }
    }
    return p;
  }
}
