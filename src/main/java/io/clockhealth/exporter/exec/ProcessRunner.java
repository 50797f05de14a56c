package io.clockhealth.exporter.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs commands with the JDK's {@link ProcessBuilder}: an argument list (no shell), a minimal
 * environment with {@code LC_ALL=C} so the tools print the English, dot-decimal layout the parsers
 * expect, a deadline after which the whole process tree is killed, and caps on the output kept.
 *
 * <p>Built to cost little per run and to stay bounded: no thread is created per run. The two output
 * readers of each run come from a small pool whose threads are kept once made; a run that finds
 * none free, or whose reader cannot be made (under a tasks limit, making threads is what fails),
 * fails at once with that reason and leaves no process behind. The calling thread itself waits for
 * the process and enforces the deadline, so there is no watchdog thread either.
 */
public final class ProcessRunner implements CommandRunner, AutoCloseable {

  /** How long the readers may take to drain the pipes after the process is gone. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofMillis(250);

  private static final int READ_BUFFER = 8192;

  /**
   * The variables a tool may need: PATH to find its helpers, TZ for timedatectl's local times, the
   * system bus address for timedatectl, and the loader and Python paths of a tool installed outside
   * the system directories (ntpsec's ntpq is a Python script).
   */
  private static final List<String> PASSED_TO_TOOLS =
      List.of("PATH", "TZ", "DBUS_SYSTEM_BUS_ADDRESS", "LD_LIBRARY_PATH", "PYTHONPATH");

  private static final String DEFAULT_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

  /** A reader only copies bytes: a small stack is plenty. */
  private static final long STACK_BYTES = 128 * 1024;

  private final ExecutableResolver resolver;
  private final Map<String, String> environment;
  private final ThreadPoolExecutor readers;
  private final Semaphore freeReaders;
  private final ToolLeftovers leftovers;

  /**
   * A runner that leaves what tools leave behind alone: for processes with children of their own.
   *
   * @param concurrentRuns how many commands may run at once (each takes two reader threads)
   */
  public ProcessRunner(
      ExecutableResolver resolver, Map<String, String> baseEnvironment, int concurrentRuns) {
    this(resolver, baseEnvironment, concurrentRuns, ToolLeftovers.ignored());
  }

  /**
   * @param concurrentRuns how many commands may run at once (each takes two reader threads)
   * @param leftovers ends what a tool leaves running after each run
   */
  public ProcessRunner(
      ExecutableResolver resolver,
      Map<String, String> baseEnvironment,
      int concurrentRuns,
      ToolLeftovers leftovers) {
    this.resolver = resolver;
    this.leftovers = leftovers;
    this.environment = childEnvironment(baseEnvironment);
    int threads = 2 * concurrentRuns;
    AtomicInteger count = new AtomicInteger();
    // A thread is made only when none is idle, and then kept: a steady scrape loop reuses the
    // same few, and a thread that cannot be made fails one run, not the exporter.
    this.readers =
        new ThreadPoolExecutor(
            0,
            threads,
            Long.MAX_VALUE,
            TimeUnit.NANOSECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(null, runnable, "tool-output-" + count.incrementAndGet(), STACK_BYTES);
              thread.setDaemon(true);
              return thread;
            });
    this.freeReaders = new Semaphore(threads);
  }

  @Override
  public CommandResult run(CommandSpec spec) {
    long start = System.nanoTime();
    Optional<Path> executable = resolver.resolve(spec.executable());
    if (executable.isEmpty()) {
      CommandResult.Outcome outcome =
          resolver.existsButNotExecutable(spec.executable())
              ? CommandResult.Outcome.NOT_EXECUTABLE
              : CommandResult.Outcome.NOT_FOUND;
      return result(spec, outcome, -1, "", "", start, spec.executable());
    }
    if (!freeReaders.tryAcquire(2)) {
      return result(
          spec,
          CommandResult.Outcome.FAILED_TO_START,
          -1,
          "",
          "",
          start,
          "no free output reader: as many commands as this runner allows are running already");
    }
    // The permits go back as each reader ends (see read()), or below if none was started.
    return runWithReaders(spec, executable.get(), start);
  }

  private CommandResult runWithReaders(CommandSpec spec, Path executable, long start) {
    List<String> command = new ArrayList<>(spec.arguments().size() + 1);
    command.add(executable.toString());
    command.addAll(spec.arguments());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = leftovers.start(builder);
    } catch (IOException | OutOfMemoryError e) {
      // OutOfMemoryError: the JDK could not create the thread that reaps the child.
      freeReaders.release(2);
      return result(spec, CommandResult.Outcome.FAILED_TO_START, -1, "", "", start, describe(e));
    }
    closeQuietly(process.getOutputStream()); // the tools read no input: EOF at once

    BoundedOutputStream stdout =
        new BoundedOutputStream(spec.maxOutputBytes(), CommandSpec.MAX_OUTPUT_LINES);
    BoundedOutputStream stderr =
        new BoundedOutputStream(spec.maxOutputBytes(), CommandSpec.MAX_OUTPUT_LINES);
    Future<?> outReader;
    Future<?> errReader;
    try {
      outReader = readers.submit(() -> read(process.getInputStream(), stdout, process));
      errReader = readers.submit(() -> read(process.getErrorStream(), stderr, process));
    } catch (RejectedExecutionException | OutOfMemoryError e) {
      // No reader thread could be made: stop the child rather than leave it blocked on a pipe.
      killTree(process);
      waitFor(process, System.nanoTime() + DRAIN_TIMEOUT.toNanos());
      leftovers.sweep(executable.toString());
      freeReaders.release(2);
      return result(spec, CommandResult.Outcome.FAILED_TO_START, -1, "", "", start, describe(e));
    }

    long deadline = start + spec.timeout().toNanos();
    boolean exited = waitFor(process, deadline);
    if (!exited) {
      killTree(process);
      waitFor(process, System.nanoTime() + DRAIN_TIMEOUT.toNanos());
    }
    // What the tool left running (a background child, a grandchild that detached with setsid and
    // may hold the pipes open) ends here, so the readers see the end of the pipes.
    leftovers.sweep(executable.toString());
    // After the exit the pipes hold at most what is left to read; a leftover grandchild may keep
    // them open for ever, so the readers get a short while, not the rest of the deadline.
    // Both readers get their while, even when the first one does not finish.
    boolean outDrained = await(outReader);
    boolean errDrained = await(errReader);
    boolean drained = outDrained && errDrained;
    if (!drained) {
      killTree(process);
    }
    if (!exited) {
      return result(
          spec, CommandResult.Outcome.TIMED_OUT, -1, stdout.text(), stderr.text(), start, "");
    }
    if (stdout.overflowed() || stderr.overflowed()) {
      return result(spec, CommandResult.Outcome.OUTPUT_TOO_LARGE, -1, "", "", start, "");
    }
    return result(
        spec,
        CommandResult.Outcome.COMPLETED,
        process.exitValue(),
        stdout.text(),
        stderr.text(),
        start,
        "");
  }

  /**
   * What a tool gets of the exporter's environment: only what the tools need, never the rest (it
   * may hold secrets: a web config password in a unit's Environment=, cloud credentials).
   */
  static Map<String, String> childEnvironment(Map<String, String> base) {
    Map<String, String> env = new HashMap<>();
    for (String name : PASSED_TO_TOOLS) {
      String value = base.get(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    env.putIfAbsent("PATH", DEFAULT_PATH);
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    return Map.copyOf(env);
  }

  /** Copies one pipe into its bounded buffer; a tool that floods it is stopped at once. */
  private Void read(InputStream in, BoundedOutputStream sink, Process process) {
    try (in) {
      byte[] buffer = new byte[READ_BUFFER];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        sink.write(buffer, 0, n);
        if (sink.overflowed()) {
          killTree(process);
          break;
        }
      }
    } catch (IOException e) {
      // The stream was closed under us (process killed): what was read is kept.
    } finally {
      freeReaders.release();
    }
    return null;
  }

  private static boolean waitFor(Process process, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    try {
      return process.waitFor(Math.max(0, remaining), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean await(Future<?> reader) {
    try {
      reader.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the descendants first: a wrapper's children would otherwise keep our pipes open. */
  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void closeQuietly(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // Nothing to do: the child may already be gone.
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static CommandResult result(
      CommandSpec spec,
      CommandResult.Outcome outcome,
      int exitCode,
      String stdout,
      String stderr,
      long startNanos,
      String detail) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    return new CommandResult(spec, outcome, exitCode, stdout, stderr, elapsed, detail);
  }

  @Override
  public void close() {
    readers.shutdownNow();
  }
}
