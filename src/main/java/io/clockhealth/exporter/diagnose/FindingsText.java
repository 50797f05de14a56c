package io.clockhealth.exporter.diagnose;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Findings for people: grouped by severity, worst first; colour only when asked. */
public final class FindingsText {

  private static final String RESET = "\u001b[0m";

  private FindingsText() {}

  public static void write(List<Finding> findings, PrintStream out, boolean colour) {
    Severity group = null;
    for (Finding f : findings) {
      if (f.severity() != group) {
        group = f.severity();
        out.println(paint(group.label().toUpperCase(Locale.ROOT), group, colour));
      }
      out.println("  [" + f.id() + "] " + f.subject() + ": " + f.summary());
      out.println("    evidence: " + f.evidence());
      if (!f.why().isEmpty()) {
        out.println("    why: " + f.why());
      }
      if (!f.fix().isEmpty()) {
        out.println("    fix: " + f.fix());
      }
    }
  }

  private static String paint(String text, Severity severity, boolean colour) {
    if (!colour) {
      return text;
    }
    String code =
        switch (severity) {
          case OK -> "\u001b[32m";
          case INFO -> "\u001b[36m";
          case WARNING -> "\u001b[33m";
          case CRITICAL -> "\u001b[1;31m";
        };
    return code + text + RESET;
  }
}
