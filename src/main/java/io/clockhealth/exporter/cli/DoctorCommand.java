package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.config.ExporterSettings;
import io.clockhealth.exporter.config.ProbeSettings;
import io.clockhealth.exporter.diagnose.Doctor;
import io.clockhealth.exporter.diagnose.Examination;
import io.clockhealth.exporter.diagnose.Finding;
import io.clockhealth.exporter.diagnose.FindingsJson;
import io.clockhealth.exporter.diagnose.FindingsText;
import io.clockhealth.exporter.diagnose.ProbedServer;
import io.clockhealth.exporter.diagnose.Severity;
import io.clockhealth.exporter.probe.ProbeService;
import io.clockhealth.exporter.probe.ProbeTarget;
import io.clockhealth.exporter.probe.PrometheusClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
final class DoctorCommand extends CollectingCommand {

  static final int UNKNOWN = 3;

  static final int PROMETHEUS_TIMEOUT_SECONDS = 5;

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

  @Option(
      names = "--probe",
      paramLabel = "HOST[:PORT]",
      description =
          "Also ask this NTP server for the time and compare it with this host's (repeatable;"
              + " the probe module ntp of the config file, its timeout included).")
  List<String> probes = new ArrayList<>();

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Also read this Prometheus server's clock (time() through /api/v1/query) and compare it"
              + " with this host's; the request is bounded by "
              + PROMETHEUS_TIMEOUT_SECONDS
              + " s.")
  @Nullable URI prometheus;

  DoctorCommand(Invocation io) {
    super(io);
  }

  @Override
  public Integer call() throws IOException {
    ExporterSettings settings = settingsOrReport("doctor");
    if (settings == null) {
      return UNKNOWN;
    }
    if (prometheus != null
        && !("http".equals(prometheus.getScheme()) || "https".equals(prometheus.getScheme()))) {
      io.stderr().println("doctor: --prometheus must be an http:// or https:// URL: " + prometheus);
      return UNKNOWN;
    }
    for (String target : probes) {
      try {
        ProbeTarget.parse(target);
      } catch (IllegalArgumentException e) {
        io.stderr().println("doctor: --probe " + target + ": " + e.getMessage());
        return UNKNOWN;
      }
    }
    // The findings are the output; the collectors' own log lines would only repeat them.
    Logging.configure("error");
    ScrapeResult scrape = new Exporter(settings, io.leftovers(), false).scrapeOnce();
    if (scrape.outcomes().isEmpty()
        && scrape.host() == null
        && probes.isEmpty()
        && prometheus == null) {
      io.stderr().println("doctor: nothing to look at: no collector is enabled");
      return UNKNOWN;
    }
    List<Finding> findings =
        Doctor.examine(
            new Examination(
                scrape,
                role.role(),
                probe(settings.probe()),
                prometheus == null
                    ? null
                    : new PrometheusClock(Duration.ofSeconds(PROMETHEUS_TIMEOUT_SECONDS))
                        .read(prometheus)));
    if (format == Format.json) {
      FindingsJson.write(findings, io.stdout());
    } else {
      FindingsText.write(
          findings, io.stdout(), CommandLine.Help.Ansi.AUTO.enabled() && noColourUnset());
    }
    return exitCode(Doctor.worst(findings));
  }

  /** Each {@code --probe} in turn, with the configured module; any target may be asked here. */
  private List<ProbedServer> probe(ProbeSettings configured) {
    List<ProbedServer> probed = new ArrayList<>();
    if (probes.isEmpty()) {
      return probed;
    }
    try (ProbeService service =
        new ProbeService(
            new ProbeSettings(configured.modules(), List.of(), configured.maxConcurrent()))) {
      for (String target : probes) {
        ProbeService.Answer answer = service.probe(target, ProbeSettings.DEFAULT_MODULE, null);
        if (answer instanceof ProbeService.Answer.Probed p) {
          probed.add(new ProbedServer(target, p.report(), null));
        } else if (answer instanceof ProbeService.Answer.Refused r) {
          probed.add(new ProbedServer(target, null, r.reason()));
        }
      }
    }
    return probed;
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
