package io.clockhealth.exporter.web;

import io.clockhealth.exporter.diagnose.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The status page's findings, worst first: the doctor's words, each with its evidence, why it
 * matters and the fix behind a {@code <details>} that opens without script.
 */
final class FindingsSection {

  private FindingsSection() {}

  static void write(PrintWriter out, List<Finding> findings) {
    out.println("<h2>Findings</h2>");
    if (findings.isEmpty()) {
      out.println(
          "<p>Nothing to say: no daemon answered and the host clock gave nothing to judge.</p>");
      return;
    }
    out.println("<ul class=\"findings\">");
    for (Finding f : findings) {
      String severity = f.severity().label();
      out.printf(
          "<li class=\"%s\" data-finding=\"%s\"><strong>%s</strong> <code>%s</code> %s: %s%n",
          Html.escape(severity),
          Html.escape(f.id()),
          Html.escape(severity.toUpperCase(Locale.ROOT)),
          Html.escape(f.id()),
          Html.escape(f.subject()),
          Html.escape(f.summary()));
      out.println("<details><summary>Evidence, why, fix</summary><dl>");
      item(out, "Evidence", f.evidence());
      item(out, "Why it matters", f.why());
      item(out, "Fix", f.fix());
      out.println("</dl></details></li>");
    }
    out.println("</ul>");
  }

  private static void item(PrintWriter out, String name, String text) {
    if (!text.isEmpty()) {
      out.printf("<dt>%s</dt><dd>%s</dd>%n", Html.escape(name), Html.escape(text));
    }
  }
}
