package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.ExporterSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code textfile --output DIR/NAME.prom}: collects once, as {@code --once}, and replaces the file
 * atomically for node_exporter's textfile collector: for hosts that want no resident JVM.
 */
@Command(
    name = "textfile",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Collect once and write the metrics (Prometheus text format) to a file for"
          + " node_exporter's textfile collector (--collector.textfile.directory), replacing it"
          + " atomically: node_exporter sees the previous file or the new one, never a part.",
      "Exit codes: 0 written (also when a collector failed: its success metric says so);"
          + " 1 the file could not be written (it is left as it was; one line on stderr says"
          + " why); 2 bad usage or configuration."
    })
final class TextfileCommand extends CollectingCommand {

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR/NAME.prom",
      description = "The file to replace; its directory must exist and be writable.")
  Path output = Path.of(""); // a placeholder: the option is required, so picocli always sets it

  TextfileCommand(Invocation io) {
    super(io);
  }

  @Override
  public Integer call() throws IOException {
    if (!output.getFileName().toString().endsWith(".prom")) {
      io.stderr()
          .println(
              "textfile: --output " + output + ": node_exporter reads only files named *.prom");
      return ExitCodes.BAD_INPUT;
    }
    ExporterSettings settings = settingsOrReport("clock-health-exporter");
    if (settings == null) {
      return ExitCodes.BAD_INPUT;
    }
    // Checked before collecting, so a broken target costs no tool run; the write checks again.
    String unusable = unusable(output.toAbsolutePath());
    if (unusable != null) {
      return cannotWrite(unusable);
    }
    Logging.configure(settings.logLevel());
    Exporter exporter = new Exporter(settings, io.leftovers(), false);
    try {
      AtomicFile.replace(output, exporter::printOnce);
    } catch (IOException e) {
      return cannotWrite(reason(e));
    }
    return ExitCodes.OK;
  }

  private int cannotWrite(String reason) {
    io.stderr().println("textfile: cannot write " + output + ": " + reason);
    return ExitCodes.FAILURE;
  }

  private static @Nullable String unusable(Path target) {
    Path dir = Objects.requireNonNull(target.getParent(), "a *.prom file has a directory");
    if (!Files.isDirectory(dir)) {
      return "output directory "
          + dir
          + (Files.exists(dir) ? " is not a directory" : " does not exist");
    }
    if (!Files.isWritable(dir)) {
      return "output directory " + dir + " is not writable";
    }
    if (Files.isDirectory(target)) {
      return "it is a directory";
    }
    return null;
  }

  /** The OS's reason ("File too large", "No space left on device") without the repeated path. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
