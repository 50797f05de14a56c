package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.TextParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Several chronyc reports asked in one {@code chronyc -m -n -c} call, and that call's output split
 * back into each report's own output.
 *
 * <p>What chronyc does with {@code -m} (chrony 4.3, observed): it runs the commands in order,
 * prints each one's CSV lines, and stops at the first command that fails, printing that command's
 * error reply ({@code 501 Not authorised}, {@code 506 Cannot talk to daemon}, on stdout) or its own
 * failure ({@code Could not open connection to daemon}, on stderr) and exiting 1.
 *
 * <p>So the output is split by what each report prints, not by line counts: a line belongs to the
 * first report, at or after the one being read, whose CSV shape it has. Reports may print nothing
 * (no sources), and the source list may change between {@code sources} and {@code sourcestats}. An
 * error line ends the output. A {@code 501} after any report's lines goes to the first later report
 * chronyd refuses to unprivileged clients: chronyd refuses a command at its first request, and a
 * client allowed one unprivileged report is allowed them all. Any other error goes to the first
 * report that had not finished. The reports after it did not run.
 */
final class ChronycBatch {

  /**
   * One chronyc report as it appears in a batch.
   *
   * @param name the chronyc command
   * @param parser reads its share of the output
   * @param ownsLine whether a CSV line has this report's shape
   * @param singleLine the report is exactly one line when it succeeds
   * @param privileged chronyd answers it only over its Unix socket (501 over UDP)
   */
  record Report<T>(
      String name,
      TextParser<T> parser,
      Predicate<String> ownsLine,
      boolean singleLine,
      boolean privileged) {

    /** A report whose lines are those its parser recognises. */
    static <T> Report<T> of(
        String name, TextParser<T> parser, boolean singleLine, boolean privileged) {
      return new Report<>(name, parser, parser::recognises, singleLine, privileged);
    }
  }

  static final Report<ChronyTracking> TRACKING =
      Report.of("tracking", ChronyFormats.TRACKING, true, false);
  static final Report<List<ChronySource>> SOURCES =
      Report.of("sources", ChronyFormats.SOURCES, false, false);
  static final Report<List<ChronySourceStats>> SOURCESTATS =
      Report.of("sourcestats", ChronyFormats.SOURCESTATS, false, false);
  // activity's parser takes its human layout too; in a batch only its CSV line is its own.
  static final Report<ChronyActivity> ACTIVITY =
      new Report<>("activity", ChronyFormats.ACTIVITY, ActivityParser::isCsvLine, true, false);
  static final Report<List<ChronySelectData>> SELECTDATA =
      Report.of("selectdata", ChronyFormats.SELECTDATA, false, true);
  static final Report<List<ChronyNtpData>> NTPDATA =
      Report.of("ntpdata", ChronyFormats.NTPDATA, false, true);
  static final Report<List<ChronyAuthData>> AUTHDATA =
      Report.of("authdata", ChronyFormats.AUTHDATA, false, true);
  static final Report<ChronyServerStats> SERVERSTATS =
      Report.of("serverstats", ChronyFormats.SERVERSTATS, true, true);
  static final Report<List<ChronyClient>> CLIENTS =
      Report.of("clients", ChronyFormats.CLIENTS, false, true);

  /**
   * What one report of the batch printed.
   *
   * @param ran whether chronyc got to it (false after an earlier report's error)
   * @param output its lines, with its error line last if it failed
   */
  record Section(boolean ran, String output) {}

  private static final Section NOT_RUN = new Section(false, "");

  private final List<Report<?>> reports;

  ChronycBatch(List<Report<?>> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one report");
    }
    this.reports = List.copyOf(reports);
  }

  /** The command words for {@code chronyc -m -n -c}, in order. */
  List<String> commands() {
    return reports.stream().map(Report::name).toList();
  }

  /**
   * Splits one call's output.
   *
   * @return every report of the batch, in order, with what it printed
   */
  Map<Report<?>, Section> split(String stdout, String stderr) {
    List<List<String>> lines = new ArrayList<>();
    reports.forEach(r -> lines.add(new ArrayList<>()));
    int current = -1; // the report that owns the latest line
    int stoppedAt = -1; // the report whose error ended the output
    for (String line : stdout.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      if (ChronyErrorReply.find(line).isPresent()) {
        stoppedAt = failedReport(current, lines, line);
        lines.get(stoppedAt).add(line);
        break;
      }
      int owner = owner(current, lines, line);
      lines.get(owner).add(line);
      current = owner;
    }
    if (stoppedAt < 0) {
      Optional<ChronyErrorReply> stderrError = ChronyErrorReply.find(stderr);
      if (stderrError.isPresent()) {
        stoppedAt = failedReport(current, lines, stderrError.get().line());
        lines.get(stoppedAt).add(stderrError.get().line());
      }
    }
    Map<Report<?>, Section> sections = new LinkedHashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      boolean ran = stoppedAt < 0 || i <= stoppedAt;
      sections.put(reports.get(i), ran ? new Section(true, joined(lines.get(i))) : NOT_RUN);
    }
    return sections;
  }

  /**
   * The report a data line belongs to: the first at or after the current one whose shape it has,
   * passing over a one-line report that has its line (chrony 3's serverstats line has activity's
   * shape). A line no report recognises stays with the report being read (or the next one, if that
   * was a finished one-line report), whose parser then names it.
   */
  private int owner(int current, List<List<String>> lines, String line) {
    for (int i = Math.max(current, 0); i < reports.size(); i++) {
      boolean finished = reports.get(i).singleLine() && !lines.get(i).isEmpty();
      if (!finished && reports.get(i).ownsLine().test(line)) {
        return i;
      }
    }
    return firstUnfinished(current, lines);
  }

  /** The report an error line belongs to (see the class comment). */
  private int failedReport(int current, List<List<String>> lines, String errorLine) {
    int first = firstUnfinished(current, lines);
    // chronyd refuses a command at its first request, before it prints anything; so a refusal
    // after a report's lines is a later report's, and a privileged one: a client allowed the
    // report that answered is allowed every unprivileged one.
    boolean refusedAfterAnAnswer =
        current >= 0 && ChronyErrorReply.find(errorLine).map(r -> r.code() == 501).orElse(false);
    if (refusedAfterAnAnswer) {
      for (int i = current + 1; i < reports.size(); i++) {
        if (reports.get(i).privileged()) {
          return i;
        }
      }
    }
    return first;
  }

  /** The earliest report that may still print: the current one unless it is a finished line. */
  private int firstUnfinished(int current, List<List<String>> lines) {
    if (current < 0) {
      return 0;
    }
    boolean finished = reports.get(current).singleLine() && !lines.get(current).isEmpty();
    return finished && current + 1 < reports.size() ? current + 1 : current;
  }

  private static String joined(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
