package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.diagnose.Doctor;
import io.clockhealth.exporter.diagnose.Finding;
import io.clockhealth.exporter.diagnose.FindingsJson;
import io.clockhealth.exporter.diagnose.FindingsText;
import io.clockhealth.exporter.diagnose.Severity;
import io.clockhealth.exporter.exec.ToolLeftovers;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doctor}: one collection, then what is wrong with this host's clock, why, and the fix. Exit
 * codes follow the Nagios plugin convention, so it can serve as an Icinga/Nagios check.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Collect once and say what is wrong with this host's clock, why it matters and how to fix"
          + " it.",
      "Exit codes (the Nagios/Icinga plugin convention): 0 nothing worse than info; 1 a"
          + " warning; 2 a critical finding; 3 it could not look (bad usage or configuration, or"
          + " nothing could be collected)."
    })
final class DoctorCommand implements Callable<Integer> {

  static final int UNKNOWN = 3;

  /** Output layouts. */
  enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "text for people (default), json for machines.")
  Format format = Format.text;

  @Mixin RoleOption role = new RoleOption();

  @Mixin CollectionOptions collection = new CollectionOptions();

  private final PrintStream stdout;
  private final PrintStream stderr;
  private final ToolLeftovers leftovers;

  DoctorCommand(PrintStream stdout, PrintStream stderr, ToolLeftovers leftovers) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.leftovers = leftovers;
  }

  @Override
  public Integer call() throws IOException {
    ExporterSettings settings;
    try {
      settings = collection.resolve();
    } catch (ConfigException e) {
      stderr.println("doctor: configuration error: " + e.getMessage());
      return UNKNOWN;
    }
    // The findings are the output; the collectors' own log lines would only repeat them.
    Logging.configure("error");
    ScrapeResult scrape = new Exporter(settings, leftovers, false).scrapeOnce();
    if (scrape.outcomes().isEmpty() && scrape.host() == null) {
      stderr.println("doctor: nothing to look at: no collector is enabled");
      return UNKNOWN;
    }
    List<Finding> findings = Doctor.examine(scrape, role.role());
    if (format == Format.json) {
      FindingsJson.write(findings, stdout);
    } else {
      FindingsText.write(findings, stdout, CommandLine.Help.Ansi.AUTO.enabled() && noColourUnset());
    }
    return exitCode(Doctor.worst(findings));
  }

  static int exitCode(Severity worst) {
    return switch (worst) {
      case OK, INFO -> 0;
      case WARNING -> 1;
      case CRITICAL -> 2;
    };
  }

  /** https://no-color.org: any non-empty NO_COLOR turns colour off. */
  private static boolean noColourUnset() {
    String noColour = System.getenv("NO_COLOR");
    return noColour == null || noColour.isEmpty();
  }
}
