package io.clockhealth.exporter.fuzz;

import io.clockhealth.exporter.metrics.ClockMetrics;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.ParseException;
import io.clockhealth.exporter.parse.TextParser;
import io.clockhealth.exporter.testing.ScrapedMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The oracle every parser fuzz target shares.
 *
 * <ul>
 *   <li>Input: the fuzzer's bytes decoded as UTF-8 with malformed sequences replaced, exactly as
 *       the exporter decodes a tool's stdout (BoundedOutputStream) and the {@code parse} command
 *       its file.
 *   <li>Exceptions: {@link ParseException} is the documented rejection and must carry a one-line
 *       message (its contract: "one line naming the format, the offending line and why"); anything
 *       else escapes and is a finding. Targets with a documented {@link IllegalArgumentException}
 *       catch it themselves.
 *   <li>No hang: each input runs on a worker thread and must finish within {@link #TIME_BOUND}
 *       (generous for a cold JIT; the fixtures parse in microseconds). On a hang the worker's stack
 *       is in the failure and a fresh worker takes over.
 *   <li>Bounded memory: the bytes the worker allocates for one input (HotSpot's per-thread
 *       allocation counter) must stay under {@link #allocationBound(int, int)}, linear in the input
 *       length; an {@link OutOfMemoryError} escapes as a finding too.
 * </ul>
 *
 * <p>Whatever a parse returns is also run through the rest of the {@code parse}/scrape path where a
 * target has one: the metric model, client_java's text writer, and a strict re-read of the
 * exposition (no malformed line, no duplicate series).
 */
final class FuzzChecks {

  /** Longest time one input may take. */
  static final Duration TIME_BOUND = Duration.ofSeconds(5);

  /**
   * Fixed allocation allowance per input: the regex matchers, builders and exposition text of one
   * parse, with room for a cold first run. Measured without Jazzer's RegexRoadblocks hooks (see
   * src/test/resources/junit-platform.properties), every other hook adds little.
   */
  static final long ALLOCATION_BASE = 8L << 20;

  /**
   * Allocation allowance per input character. The fixtures need up to ~1 KB per character for tiny
   * inputs (fixed costs) and ~200 bytes for large ones; a run of blank lines ~620 bytes per line.
   */
  static final long ALLOCATION_PER_CHAR = 4 << 10;

  /** What a scrape may serve for one tool output: fixed part. */
  static final int EXPOSITION_BASE = 64 << 10;

  /**
   * What a scrape may serve per input character: the densest output, a CSV sources row of ~20
   * characters, yields ~15 series of ~120 bytes each (~90 bytes per character).
   */
  static final int EXPOSITION_PER_CHAR = 256;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static ExecutorService worker = newWorker();

  private FuzzChecks() {}

  /** A parse step: returns the value, may throw {@link ParseException} (or anything else). */
  @FunctionalInterface
  interface Step<T> {
    T run(String text) throws Exception;
  }

  /** The input as the exporter sees a tool's output. */
  static String decode(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  static long allocationBound(int chars, int parsers) {
    return ALLOCATION_BASE + ALLOCATION_PER_CHAR * parsers * chars;
  }

  /**
   * Runs {@code step} on {@code text} under the time and allocation bounds. Returns the value, or
   * null when the step rejected the input with a well-formed {@link ParseException}.
   */
  static <T> T parse(String target, String text, Step<T> step) {
    return parse(target, text, step, 1);
  }

  /**
   * As {@link #parse(String, String, Step)} for a step that may run {@code parsers} parsers over
   * the whole input (format detection tries every format): the per-character allowance scales.
   */
  static <T> T parse(String target, String text, Step<T> step, int parsers) {
    Outcome<T> outcome = await(target, text, submit(() -> measured(text, step)));
    // The first parse in a JVM also pays for class initialisation, regex compilation and JIT
    // (tens of MB): an input over the bound is measured again, warm, before it counts.
    for (int again = 0;
        again < 2 && outcome.allocated > allocationBound(text.length(), parsers);
        again++) {
      outcome = await(target, text, submit(() -> measured(text, step)));
    }
    if (outcome.allocated > allocationBound(text.length(), parsers)) {
      throw new AssertionError(
          String.format(
              "%s: one input of %d chars allocated %d bytes (bound %d)%n%s",
              target,
              text.length(),
              outcome.allocated,
              allocationBound(text.length(), parsers),
              preview(text)));
    }
    if (outcome.failure == null) {
      return outcome.value;
    }
    if (outcome.failure instanceof ParseException e) {
      checkParseException(target, text, e);
      return null;
    }
    throw sneaky(outcome.failure);
  }

  /**
   * One registered parser's fuzz step: its {@code recognises} and its parse on the decoded data,
   * then (when it parsed) the parse command's mapping of {@code format} from {@code formats} and
   * what it would print.
   */
  static void parseAndExpose(FormatRegistry formats, String format, byte[] data) {
    OutputFormat asFormat = formats.byName(format).orElseThrow();
    TextParser<?> parser = asFormat.parser();
    parse(
        format,
        decode(data),
        text -> {
          var unused = parser.recognises(text);
          parser.parse(text);
          return expose(format, text, asFormat.parse(text));
        });
  }

  /**
   * The metric model, client_java's text writer and a strict re-read: what a scrape or the {@code
   * parse} command would serve for {@code report}. Call it inside a step, so it runs under the same
   * bounds.
   */
  static String expose(String target, String text, DaemonReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, new ClockMetrics().report(report).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String exposition = out.toString(StandardCharsets.UTF_8);
    try {
      ScrapedMetrics.parse(exposition);
    } catch (IllegalArgumentException e) {
      throw new AssertionError(
          target + ": broken exposition: " + e.getMessage() + "\n" + exposition, e);
    }
    long bound = EXPOSITION_BASE + (long) EXPOSITION_PER_CHAR * text.length();
    if (exposition.length() > bound) {
      throw new AssertionError(
          String.format(
              "%s: %d chars of input yield %d chars of exposition (bound %d)%n%s",
              target, text.length(), exposition.length(), bound, preview(text)));
    }
    return exposition;
  }

  private static void checkParseException(String target, String text, ParseException e) {
    String message = e.getMessage();
    if (message == null
        || message.isBlank()
        || message.indexOf('\n') >= 0
        || message.indexOf('\r') >= 0) {
      throw new AssertionError(
          target + ": ParseException message is not one line: [" + message + "]\n" + preview(text),
          e);
    }
    if (e.kind() == null || e.format() == null) {
      throw new AssertionError(target + ": ParseException without kind or format", e);
    }
  }

  private record Outcome<T>(T value, Throwable failure, long allocated) {}

  private static <T> Outcome<T> measured(String text, Step<T> step) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    T value = null;
    Throwable failure = null;
    try {
      value = step.run(text);
    } catch (Throwable t) {
      failure = t;
    }
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    return new Outcome<>(value, failure, allocated);
  }

  private static synchronized <T> Future<Outcome<T>> submit(
      java.util.concurrent.Callable<Outcome<T>> task) {
    return worker.submit(task);
  }

  private static <T> Outcome<T> await(String target, String text, Future<Outcome<T>> future) {
    try {
      return future.get(TIME_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      String stack = workerStack();
      replaceWorker();
      throw new AssertionError(
          String.format(
              "%s: no result within %d ms for an input of %d chars (hang or super-linear"
                  + " parse)%n--- worker stack ---%n%s%n%s",
              target, TIME_BOUND.toMillis(), text.length(), stack, preview(text)));
    } catch (ExecutionException e) {
      throw sneaky(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static volatile Thread workerThread;

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "fuzz-parse-worker");
          t.setDaemon(true); // a hung parse must not keep the test JVM alive
          workerThread = t;
          return t;
        });
  }

  private static synchronized void replaceWorker() {
    worker.shutdownNow(); // interrupts; a CPU-bound loop ignores it, but it is a daemon thread
    worker = newWorker();
  }

  private static String workerStack() {
    Thread t = workerThread;
    if (t == null) {
      return "(no worker)";
    }
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement e : t.getStackTrace()) {
      sb.append("  at ").append(e).append('\n');
    }
    return sb.toString();
  }

  /** The start of the input, escaped, for failure messages. */
  static String preview(String text) {
    String shown = text.length() > 400 ? text.substring(0, 400) + "..." : text;
    StringBuilder sb = new StringBuilder("--- input (" + text.length() + " chars) ---\n");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
                sb.appendCodePoint(c);
              } else {
                sb.append(String.format("\\u{%x}", c));
              }
            });
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
