package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.BoundedFiles;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.metrics.ClockMetrics;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.parse.FormatRegistry;
import io.clockhealth.exporter.parse.OutputFormat;
import io.clockhealth.exporter.parse.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parse --format FORMAT [FILE|-]}: the metrics one captured tool output yields. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Print the metrics that one captured tool output yields, with the same names and labels as"
          + " the server.",
      "Human and CSV (-c) layouts of a chronyc command are both accepted under its FORMAT.",
      "Exit codes: 0 parsed; 1 the metrics could not be written to standard output; 2 the input"
          + " is not that format, is the tool's error message (one line on stderr names the"
          + " format and the offending line), is larger than 1 MiB, is not a regular file, or"
          + " standard input is closed."
    })
final class ParseCommand implements Callable<Integer> {

  private final FormatRegistry registry;
  private final Invocation io;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "One of ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format = ""; // a placeholder: the option is required, so picocli always sets it

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "Captured output; '-' or nothing reads standard input.")
  String file = "-";

  ParseCommand(FormatRegistry registry, Invocation io) {
    this.registry = registry;
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    String text;
    try {
      text = read();
    } catch (IOException e) {
      io.stderr().println("parse: cannot read " + file + ": " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    try {
      OutputFormat chosen =
          FormatRegistry.AUTO.equals(format) ? registry.detect(text) : named(format);
      DaemonReport report = chosen.parse(text);
      Exposition.write(new ClockMetrics().report(report).host(report.host()).build(), io.stdout());
      io.stdout().flush();
      if (io.stdout().checkError()) { // PrintStream keeps write errors (EBADF, ENOSPC) to itself
        io.stderr().println("parse: cannot write the metrics to standard output");
        return ExitCodes.FAILURE;
      }
      return ExitCodes.OK;
    } catch (ParseException e) {
      io.stderr().println("parse: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
  }

  private OutputFormat named(String name) throws ParseException {
    return registry
        .byName(name)
        .orElseThrow(
            () ->
                ParseException.malformed(
                    name,
                    0,
                    null,
                    "unknown format; use one of "
                        + String.join(", ", registry.names())
                        + ", "
                        + FormatRegistry.AUTO));
  }

  /**
   * Bytes as UTF-8 with invalid sequences replaced, so garbage input cannot throw here; capped as
   * the collectors cap a tool's output.
   */
  private String read() throws IOException {
    int cap = ExporterSettings.DEFAULT_MAX_OUTPUT_BYTES;
    byte[] bytes =
        "-".equals(file)
            ? BoundedFiles.read(io.stdin(), cap, "standard input")
            : BoundedFiles.read(Path.of(file), cap);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The FORMAT names for {@code --help}. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      java.util.List<String> names = new java.util.ArrayList<>(Formats.registry().names());
      names.add(FormatRegistry.AUTO);
      return names.iterator();
    }
  }
}
