package io.clockhealth.exporter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes (small shell scripts) through the runner. */
class ProcessRunnerTest {

  @TempDir Path dir;

  private final ProcessRunner runner =
      new ProcessRunner(new ExecutableResolver(), System.getenv(), 2);

  private Path script(String body) throws IOException {
    Path file = dir.resolve("tool-" + UUID.randomUUID() + ".sh");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static CommandSpec spec(Path file, List<String> args, Duration timeout, int cap) {
    return new CommandSpec(file.toString(), args, timeout, cap);
  }

  @Test
  void passesArgumentsVerbatimWithoutAShell() throws IOException {
    Path tool = script("for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done");
    CommandResult result =
        runner.run(spec(tool, List.of("-h", "a b", "$HOME", "'q'"), Duration.ofSeconds(5), 1024));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.COMPLETED);
    assertThat(result.stdout()).isEqualTo("[-h]\n[a b]\n[$HOME]\n['q']\n");
  }

  @Test
  void runsWithCLocale() throws IOException {
    Path tool = script("echo \"$LC_ALL\"");
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024));
    assertThat(result.stdout().strip()).isEqualTo("C");
  }

  @Test
  void reportsNonZeroExitWithOutputOnStderr() throws IOException {
    Path tool = script("echo '506 Cannot talk to daemon' >&2; exit 1");
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.COMPLETED);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.combinedOutput()).contains("506 Cannot talk to daemon");
    assertThat(result.describeFailure()).contains("exited with code 1").contains("506");
  }

  @Test
  void killsAHangingToolAndItsChildrenAtTheTimeout() throws Exception {
    String marker = "31" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
    Path tool = script("sleep " + marker + " & wait");
    long start = System.nanoTime();
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofMillis(500), 1024));
    double elapsed = (System.nanoTime() - start) / 1e9;
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
    assertThat(result.describeFailure()).contains("timed out after 500 ms");
    assertThat(elapsed).isLessThan(5.0);
    Thread.sleep(200);
    assertThat(processesWithArgument(marker)).isEmpty();
  }

  @Test
  void discardsOutputBeyondTheCap() throws IOException {
    Path tool = script("head -c 200000 /dev/zero");
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1000));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.OUTPUT_TOO_LARGE);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.describeFailure()).contains("more than 1000 bytes");
  }

  @Test
  void discardsOutputWithTooManyLinesUnderTheByteCap() throws IOException {
    Path tool = script("yes x | head -n " + (CommandSpec.MAX_OUTPUT_LINES + 1));
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1 << 20));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.OUTPUT_TOO_LARGE);
    assertThat(result.describeFailure()).contains(CommandSpec.MAX_OUTPUT_LINES + " lines");
    Path fits = script("yes x | head -n " + CommandSpec.MAX_OUTPUT_LINES);
    assertThat(runner.run(spec(fits, List.of(), Duration.ofSeconds(5), 1 << 20)).outcome())
        .isEqualTo(CommandResult.Outcome.COMPLETED);
  }

  @Test
  void replacesInvalidUtf8InsteadOfFailing() throws IOException {
    Path tool = script("printf 'ok \\377\\376 end\\n'");
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.COMPLETED);
    assertThat(result.stdout()).startsWith("ok ").contains("\uFFFD").endsWith(" end\n");
  }

  @Test
  void reportsAMissingTool() {
    CommandResult result =
        runner.run(
            new CommandSpec(
                dir.resolve("no-such-chronyc").toString(), List.of(), Duration.ofSeconds(1), 10));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.NOT_FOUND);
    assertThat(result.describeFailure()).contains("not found").contains("no-such-chronyc");
  }

  @Test
  void reportsAToolOnNoPath() {
    CommandRunner onEmptyPath =
        new ProcessRunner(new ExecutableResolver(dir.toString()), Map.of(), 1);
    CommandResult result =
        onEmptyPath.run(new CommandSpec("chronyc", List.of(), Duration.ofSeconds(1), 10));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.NOT_FOUND);
  }

  @Test
  void reportsAToolThatIsNotExecutable() throws IOException {
    Path file = dir.resolve("chronyc");
    Files.writeString(file, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    CommandResult result =
        runner.run(new CommandSpec(file.toString(), List.of(), Duration.ofSeconds(1), 10));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.NOT_EXECUTABLE);
  }

  @Test
  void aLeftoverChildHoldingThePipesDoesNotStretchTheRun() throws IOException {
    // The tool exits at once but leaves a child with its stdout and stderr for 3 s.
    Path tool = script("echo done; sleep 3 &");
    long start = System.nanoTime();
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(2), 1024));
    double elapsed = (System.nanoTime() - start) / 1e9;
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.COMPLETED);
    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(elapsed).isLessThan(2.0);
  }

  @Test
  void runsReuseTheirReaderThreadsInsteadOfMakingNewOnes() throws IOException {
    Path tool = script("echo ok; echo err >&2");
    long before = readerThreads();
    for (int i = 0; i < 30; i++) {
      assertThat(runner.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024)).stdout())
          .isEqualTo("ok\n");
    }
    // This test's runner has room for two concurrent runs: at most four readers, ever.
    assertThat(readerThreads() - before).isBetween(1L, 4L);
  }

  private static long readerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("tool-output-"))
        .count();
  }

  @Test
  void aRunWithNoFreeReaderFailsAtOnceAndTheNextOneAfterItSucceeds() throws Exception {
    ProcessRunner oneRun = new ProcessRunner(new ExecutableResolver(), System.getenv(), 1);
    Path started = dir.resolve("slow-started");
    Path slow = script("touch '" + started + "'; sleep 3; echo slow");
    CompletableFuture<CommandResult> first =
        CompletableFuture.supplyAsync(
            () -> oneRun.run(spec(slow, List.of(), Duration.ofSeconds(10), 1024)));
    // Once the slow tool runs, its run holds both readers: a second run beside it finds none.
    long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(started) && System.nanoTime() < giveUp) {
      Thread.sleep(10);
    }
    Path tool = script("echo ok");
    CommandResult starved = oneRun.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024));
    assertThat(starved.outcome()).isEqualTo(CommandResult.Outcome.FAILED_TO_START);
    assertThat(starved.describeFailure()).contains("no free output reader");
    assertThat(first.get().stdout()).isEqualTo("slow\n");
    assertThat(oneRun.run(spec(tool, List.of(), Duration.ofSeconds(5), 1024)).stdout())
        .isEqualTo("ok\n");
    oneRun.close();
  }

  @Test
  void givesToolsOnlyTheEnvironmentTheyNeed() throws IOException {
    ProcessRunner withSecrets =
        new ProcessRunner(
            new ExecutableResolver(),
            Map.of(
                "PATH", "/usr/bin:/bin",
                "DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/run/test-bus",
                "WEB_PASSWORD", "s3cret",
                "AWS_SECRET_ACCESS_KEY", "k",
                "LANG", "de_DE.UTF-8"),
            1);
    Path tool = script("env | sort");
    String env = withSecrets.run(spec(tool, List.of(), Duration.ofSeconds(5), 4096)).stdout();
    withSecrets.close();
    assertThat(env.lines())
        .contains(
            "PATH=/usr/bin:/bin",
            "DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/test-bus",
            "LANG=C",
            "LC_ALL=C")
        .noneMatch(l -> l.startsWith("WEB_PASSWORD=") || l.startsWith("AWS_SECRET_ACCESS_KEY="));
  }

  @Test
  void givesTheToolNoInput() throws IOException {
    Path tool = script("cat; echo end");
    CommandResult result = runner.run(spec(tool, List.of(), Duration.ofSeconds(2), 1024));
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.COMPLETED);
    assertThat(result.stdout()).isEqualTo("end\n");
  }

  private static List<Long> processesWithArgument(String argument) throws IOException {
    try (var pids = Files.list(Path.of("/proc"))) {
      return pids.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(
              p -> {
                try {
                  String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                  return cmdline.contains("sleep " + argument);
                } catch (IOException e) {
                  return false;
                }
              })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }
}
