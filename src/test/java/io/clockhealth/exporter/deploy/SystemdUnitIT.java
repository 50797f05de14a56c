package io.clockhealth.exporter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clockhealth.exporter.testing.Exec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/systemd: the units (the resident service, and the textfile service with its timer) verify
 * clean with the real {@code systemd-analyze}, each service's offline security exposure is no worse
 * than the score recorded in docs/deployment.md (+0.2), each service's system-call filter lets the
 * host collector read the kernel's clock state and nothing set it, and both run the JVM with the
 * same flags as the container image.
 */
class SystemdUnitIT {

  private static final String UNIT = "deploy/systemd/clock-health-exporter.service";
  private static final String ENV = "deploy/systemd/clock-health-exporter.env";
  private static final String TEXTFILE_UNIT =
      "deploy/systemd/clock-health-exporter-textfile.service";
  private static final String TEXTFILE_TIMER =
      "deploy/systemd/clock-health-exporter-textfile.timer";
  private static final String TEXTFILE_ENV = "deploy/systemd/clock-health-exporter-textfile.env";

  /** Debian's default --collector.textfile.directory of prometheus-node-exporter. */
  private static final String TEXTFILE_DIR = "/var/lib/prometheus/node-exporter";

  /** How much worse than recorded the exposure may get before the test fails. */
  private static final double MARGIN = 0.2;

  /** The sentence docs/deployment.md records each service's score in, by its label. */
  private static final Map<String, String> RECORDED_AS =
      Map.of(UNIT, "Recorded exposure score", TEXTFILE_UNIT, "Recorded exposure score (textfile)");

  private static final Pattern OVERALL =
      Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d)");

  /** The real {@code systemd-analyze ARGS…}, given a minute. */
  private static Exec.Result systemdAnalyze(String... args) {
    Path tool =
        DeployTools.require(
            "/usr/bin/systemd-analyze",
            "install Debian's systemd package (systemd 252 in bookworm)");
    List<String> command = new ArrayList<>(List.of(tool.toString()));
    command.addAll(Arrays.asList(args));
    return DeployTools.run(Duration.ofSeconds(60), command.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {UNIT, TEXTFILE_UNIT, TEXTFILE_TIMER})
  void verifiesWithoutAnyWarning(String file) {
    // verify checks that ExecStart's executable exists on this machine.
    DeployTools.require(
        "/usr/bin/java", "install openjdk-17-jre-headless (ExecStart=/usr/bin/java)");
    Path unit = DeployTools.file(file);
    Exec.Result r = systemdAnalyze("verify", unit.toString());
    // Unknown keys and unsafe settings only warn (exit 0): any output at all is a failure.
    assertThat(r.exitCode()).as(r::toString).isZero();
    assertThat(r.output().strip()).as(r::toString).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {UNIT, TEXTFILE_UNIT})
  void securityExposureNoWorseThanRecorded(String file) {
    Path unit = DeployTools.file(file);
    String docs = DeployTools.read(DeployTools.file("docs/deployment.md"));
    String sentence = RECORDED_AS.get(file);
    Matcher rec =
        Pattern.compile(Pattern.quote(sentence + ": **") + "(\\d+\\.\\d)\\*\\*").matcher(docs);
    assertThat(rec.find())
        .as("docs/deployment.md must record the score as '%s: **N.N**'", sentence)
        .isTrue();
    double recorded = Double.parseDouble(rec.group(1));
    // --threshold is on the 0-100 scale (exposure x 10): exit code 1 above it.
    long threshold = Math.round((recorded + MARGIN) * 10);
    Exec.Result r =
        systemdAnalyze(
            "security",
            "--offline=true",
            "--no-pager",
            "--threshold=" + threshold,
            unit.toString());
    Matcher m = OVERALL.matcher(r.output());
    assertThat(m.find()).as(r::toString).isTrue();
    double actual = Double.parseDouble(m.group(1));
    System.out.printf(
        "systemd-analyze security --offline %s: exposure %.1f (recorded %.1f)%n",
        file, actual, recorded);
    assertThat(actual)
        .as("exposure of %s (recorded in docs/deployment.md: %s)\n%s", file, recorded, r.output())
        .isLessThanOrEqualTo(recorded + MARGIN + 1e-9);
    assertThat(r.exitCode()).as(r::toString).isZero();
  }

  /**
   * {@code systemctl reload} sends SIGHUP, which re-reads the web config instead of ending the
   * process (ProcessHardeningIT checks the exporter's side of it).
   */
  @Test
  void reloadSendsHangupToTheExporter() {
    assertThat(DeployTools.read(DeployTools.file(UNIT)))
        .containsPattern("(?m)^ExecReload=/bin/kill -HUP \\$MAINPID$");
  }

  /**
   * The host collector's read-only {@code adjtimex(2)} passes the unit's system-call filter, and no
   * call that sets the clock does: the unit's {@code SystemCallFilter=} lines applied in order as
   * systemd.exec(5) says (the first makes it an allow or a deny list, later ones add or remove; an
   * empty one resets), every {@code @group} expanded by the real {@code systemd-analyze
   * syscall-filter}. {@code ProtectClock=yes} would add a filter of its own that denies all of
   * {@code @clock}, reads included, and no capability may give the process {@code CAP_SYS_TIME},
   * without which the kernel lets adjtimex only read.
   */
  @ParameterizedTest
  @ValueSource(strings = {UNIT, TEXTFILE_UNIT})
  void theSystemCallFilterLetsAdjtimexReadAndNothingSetTheClock(String file) {
    String unit = DeployTools.read(DeployTools.file(file));
    Boolean allowList = null;
    Set<String> listed = new HashSet<>();
    Matcher line = Pattern.compile("(?m)^SystemCallFilter=(.*)$").matcher(unit);
    while (line.find()) {
      String value = line.group(1).strip();
      if (value.isEmpty()) {
        allowList = null;
        listed.clear();
        continue;
      }
      boolean deny = value.startsWith("~");
      Set<String> calls = new HashSet<>();
      for (String name : value.substring(deny ? 1 : 0).strip().split("\\s+")) {
        calls.addAll(syscalls(name));
      }
      if (allowList == null) {
        allowList = !deny;
        listed.addAll(calls);
      } else if (allowList != deny) {
        listed.addAll(calls);
      } else {
        listed.removeAll(calls);
      }
    }
    assertThat(allowList)
        .as("%s: an allow list (SystemCallFilter=@system-service …)", file)
        .isTrue();
    assertThat(listed).as(file).contains("adjtimex");
    assertThat(listed)
        .as("%s: the calls that set the clock stay denied", file)
        .doesNotContain("clock_adjtime", "clock_settime", "settimeofday", "stime");
    assertThat(unit)
        .doesNotContainPattern("(?m)^ProtectClock=(yes|true|1|on)$")
        .containsPattern("(?m)^CapabilityBoundingSet=$")
        .doesNotContainPattern("(?m)^AmbientCapabilities=.*SYS_TIME");
  }

  private final Map<String, Set<String>> groups = new HashMap<>();

  /** A system call, or the calls of a {@code @group} (and of the groups it names), recursively. */
  private Set<String> syscalls(String name) {
    if (!name.startsWith("@")) {
      return Set.of(name);
    }
    Set<String> known = groups.get(name);
    if (known != null) {
      return known;
    }
    Exec.Result r = systemdAnalyze("syscall-filter", "--no-pager", name);
    assertThat(r.exitCode()).as(r::toString).isZero();
    Set<String> calls = new HashSet<>();
    List<String> lines = r.output().lines().map(String::strip).toList();
    assertThat(lines).as(r::toString).first().isEqualTo(name);
    for (String member : lines.subList(1, lines.size())) {
      if (!member.isEmpty() && !member.startsWith("#")) {
        calls.addAll(syscalls(member));
      }
    }
    assertThat(calls).as(r::toString).isNotEmpty();
    groups.put(name, calls);
    return calls;
  }

  /**
   * The JVM flags of the systemd environment file (for the unit's ExecStart jar), the Dockerfile's
   * ENTRYPOINT and the README's quick start are the same, and so is MALLOC_ARENA_MAX. The one flag
   * that names a path, the AppCDS archive, must be the jar's own path with {@code .jsa}: it is
   * compared as {@code <jar>.jsa}. The image has one property more: where JNA's native part is.
   */
  @Test
  void jvmFlagsAreTheSameInTheUnitTheImageAndTheReadme() {
    Map<String, String> env = DeployTools.environmentFile(DeployTools.file(ENV));
    Matcher x =
        Pattern.compile("(?m)^ExecStart=/usr/bin/java \\$JAVA_OPTS -jar (\\S+) ")
            .matcher(DeployTools.read(DeployTools.file(UNIT)));
    assertThat(x.find()).as("ExecStart=/usr/bin/java $JAVA_OPTS -jar JAR ...").isTrue();
    List<String> unitFlags =
        normalized(Arrays.asList(env.get("JAVA_OPTS").trim().split("\\s+")), x.group(1), ENV);

    String dockerfile = DeployTools.read(DeployTools.file("Dockerfile"));
    Matcher e = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)\\]$").matcher(dockerfile);
    assertThat(e.find()).as("Dockerfile ENTRYPOINT [...] in exec form").isTrue();
    List<String> entry = new ArrayList<>();
    Matcher q = Pattern.compile("\"([^\"]*)\"").matcher(e.group(1));
    while (q.find()) {
      entry.add(q.group(1));
    }
    assertThat(entry).first().isEqualTo("java");
    assertThat(entry).endsWith("-jar", "/opt/clock-health-exporter/clock-health-exporter.jar");
    // The image alone says where JNA's native part was unpacked at build time: it has no writable
    // temporary directory to unpack it into at start-up.
    List<String> jna =
        List.of("-Djna.boot.library.path=/opt/clock-health-exporter/native", "-Djna.nounpack=true");
    assertThat(entry).as("Dockerfile ENTRYPOINT").containsAll(jna);
    assertThat(dockerfile).contains("cd /opt/clock-health-exporter/native");
    List<String> imageFlags =
        normalized(
            entry.subList(1, entry.size() - 2).stream().filter(f -> !jna.contains(f)).toList(),
            entry.get(entry.size() - 1),
            "Dockerfile");

    String readme = DeployTools.read(DeployTools.file("README.md"));
    Matcher r = Pattern.compile("(?s)```sh\n(MALLOC_ARENA_MAX=\\S+ java .*?)\n```").matcher(readme);
    assertThat(r.find())
        .as("README.md: a ```sh block starting 'MALLOC_ARENA_MAX=N java <flags> -jar JAR'")
        .isTrue();
    List<String> words = Arrays.asList(r.group(1).replace("\\\n", " ").trim().split("\\s+"));
    int jar = words.indexOf("-jar");
    assertThat(jar).as("README: -jar in %s", words).isGreaterThan(2);
    List<String> readmeFlags = normalized(words.subList(2, jar), words.get(jar + 1), "README.md");

    assertThat(imageFlags).as("Dockerfile ENTRYPOINT vs %s JAVA_OPTS", ENV).isEqualTo(unitFlags);
    assertThat(readmeFlags).as("README quick start vs %s JAVA_OPTS", ENV).isEqualTo(unitFlags);
    assertThat(unitFlags).contains("-XX:SharedArchiveFile=<jar>.jsa", "-Xshare:auto");

    Matcher envInstr = Pattern.compile("(?m)^ENV ((?:.*\\\\\n)*.*)$").matcher(dockerfile);
    String imageArenas = null;
    while (envInstr.find()) {
      Matcher a = Pattern.compile("\\bMALLOC_ARENA_MAX=(\\S+)").matcher(envInstr.group(1));
      if (a.find()) {
        imageArenas = a.group(1);
      }
    }
    assertThat(env.get("MALLOC_ARENA_MAX")).as("%s MALLOC_ARENA_MAX", ENV).isEqualTo("2");
    assertThat(imageArenas).as("Dockerfile ENV MALLOC_ARENA_MAX").isEqualTo("2");
    assertThat(words.get(0)).as("README quick start").isEqualTo("MALLOC_ARENA_MAX=2");
    Map<String, String> textfileEnv = DeployTools.environmentFile(DeployTools.file(TEXTFILE_ENV));
    assertThat(textfileEnv.get("JAVA_OPTS")).as(TEXTFILE_ENV).isEqualTo(env.get("JAVA_OPTS"));
    assertThat(textfileEnv.get("MALLOC_ARENA_MAX")).as(TEXTFILE_ENV).isEqualTo("2");
  }

  /** The flags with the AppCDS archive's path checked against the jar's and replaced. */
  private static List<String> normalized(List<String> flags, String jar, String where) {
    String prefix = "-XX:SharedArchiveFile=";
    List<String> out = new ArrayList<>();
    for (String f : flags) {
      if (f.startsWith(prefix)) {
        assertThat(jar).as("%s: the jar", where).endsWith(".jar");
        assertThat(f.substring(prefix.length()))
            .as("%s: the AppCDS archive must be next to the jar %s", where, jar)
            .isEqualTo(jar.substring(0, jar.length() - ".jar".length()) + ".jsa");
        out.add(prefix + "<jar>.jsa");
      } else {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void textfileUnitRunsOnceUnprivilegedAndWritesOnlyTheTextfileDirectory() {
    String unit = DeployTools.read(DeployTools.file(TEXTFILE_UNIT));
    Map<String, String> env = DeployTools.environmentFile(DeployTools.file(TEXTFILE_ENV));
    assertThat(unit)
        .contains("EnvironmentFile=/etc/default/clock-health-exporter-textfile")
        .containsPattern("(?m)^Type=oneshot$")
        .containsPattern(
            "(?m)^ExecStart=/usr/bin/java \\$JAVA_OPTS -jar \\S+ textfile --output=\\$\\{TEXTFILE\\} "
                + "--collector.chrony.args=\\$\\{CHRONYC_ARGS\\} \\$TEXTFILE_ARGS$")
        .containsPattern("(?m)^DynamicUser=yes$")
        .containsPattern("(?m)^CapabilityBoundingSet=$")
        .containsPattern("(?m)^NoNewPrivileges=yes$")
        .containsPattern("(?m)^ProtectSystem=strict$")
        .containsPattern("(?m)^ReadWritePaths=" + TEXTFILE_DIR + "$")
        .containsPattern("(?m)^IPAddressDeny=any$")
        .doesNotContainPattern("(?m)^(Restart|WantedBy)=");
    assertThat(env).containsKeys("JAVA_OPTS", "TEXTFILE", "CHRONYC_ARGS", "TEXTFILE_ARGS");
    Path textfile = Path.of(env.get("TEXTFILE"));
    assertThat(textfile.getParent()).isEqualTo(Path.of(TEXTFILE_DIR));
    assertThat(textfile.getFileName().toString()).endsWith(".prom");
    assertThat(env.get("CHRONYC_ARGS")).isEqualTo("-h 127.0.0.1");
  }

  @Test
  void timerRunsTheTextfileUnitOnAMonotonicScheduleWithSmallAccuracy() {
    String timer = DeployTools.read(DeployTools.file(TEXTFILE_TIMER));
    assertThat(timer)
        .containsPattern("(?m)^OnUnitActiveSec=30s$")
        .containsPattern("(?m)^AccuracySec=1s$")
        .containsPattern("(?m)^WantedBy=timers.target$")
        .doesNotContainPattern("(?m)^OnCalendar=");
  }

  @Test
  void unitRunsUnprivilegedAndTakesItsFlagsFromTheEnvironmentFile() {
    String unit = DeployTools.read(DeployTools.file(UNIT));
    Map<String, String> env = DeployTools.environmentFile(DeployTools.file(ENV));
    assertThat(unit)
        .contains("EnvironmentFile=/etc/default/clock-health-exporter")
        .containsPattern(
            "(?m)^ExecStart=/usr/bin/java \\$JAVA_OPTS -jar \\S+ "
                + "--collector.chrony.args=\\$\\{CHRONYC_ARGS\\} \\$EXPORTER_ARGS$")
        .containsPattern("(?m)^DynamicUser=yes$")
        .containsPattern("(?m)^CapabilityBoundingSet=$")
        .containsPattern("(?m)^NoNewPrivileges=yes$")
        .containsPattern("(?m)^ProtectSystem=strict$")
        .containsPattern("(?m)^RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6$");
    assertThat(env).containsKeys("JAVA_OPTS", "CHRONYC_ARGS", "EXPORTER_ARGS");
    assertThat(env.get("CHRONYC_ARGS")).isEqualTo("-h 127.0.0.1");
  }
}
