package io.clockhealth.exporter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a short-lived helper command (chronyc, the fetch script) with a hard timeout. */
public final class Exec {

  /** Exit code and combined stdout+stderr of one run. */
  public record Result(List<String> command, int exitCode, String output, Duration elapsed) {
    public boolean ok() {
      return exitCode == 0;
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + " -> exit "
          + exitCode
          + " in "
          + elapsed.toMillis()
          + " ms:\n"
          + output;
    }
  }

  private Exec() {}

  public static Result run(Duration timeout, Map<String, String> env, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    try {
      p.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to do
    }
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "timed out after " + timeout.toMillis() + " ms: " + String.join(" ", command));
      }
      String text = out.get(5, TimeUnit.SECONDS);
      return new Result(
          List.copyOf(command), p.exitValue(), text, Duration.ofNanos(System.nanoTime() - t0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted: " + command, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read output of " + command, e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
