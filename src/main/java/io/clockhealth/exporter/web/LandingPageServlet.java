package io.clockhealth.exporter.web;

import io.clockhealth.exporter.collect.CollectorOutcome;
import io.clockhealth.exporter.collect.ScrapeResult;
import io.clockhealth.exporter.collect.Scrapes;
import io.clockhealth.exporter.diagnose.Doctor;
import io.clockhealth.exporter.diagnose.Role;
import io.clockhealth.exporter.model.DaemonReport;
import io.clockhealth.exporter.model.SourceStatus;
import io.clockhealth.exporter.model.SystemStatus;
import io.clockhealth.exporter.text.HumanDurations;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * The root page, a status display that reloads itself: the doctor's findings, the browser's clock
 * against the host's, and a readable summary of clock health collected afresh for this request
 * (synchronised or not, offset, reference, each source with its state and chrony's reason). Every
 * other path that no servlet claims lands here and gets 404.
 */
final class LandingPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The page's one inline style block; the Content-Security-Policy allows it by its hash. */
  static final String STYLE =
      "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
          + "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
          + ".ok{color:#070}.bad{color:#b00}.scroll{overflow-x:auto}"
          + ".findings li{margin:.4em 0}.critical strong{color:#b00}.warning strong{color:#a60}"
          + ".info strong{color:#06a}.ok strong{color:#070}"
          + "@media (max-width:40em){body{margin:.5em}}";

  /** Seconds between the page's own reloads: it is a status display. */
  static final int REFRESH_SECONDS = 30;

  private static final String POLICY =
      ContentSecurityPolicy.forInline(STYLE, BrowserClockCheck.SCRIPT);

  private final transient Scrapes collector;
  private final String telemetryPath;
  private final Role role;

  LandingPageServlet(Scrapes collector, String telemetryPath, Role role) {
    this.collector = collector;
    this.telemetryPath = telemetryPath;
    this.role = role;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!path.isEmpty() && !path.equals("/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("Content-Security-Policy", POLICY);
    ScrapeResult scrape = collector.scrape();
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.printf("<meta http-equiv=\"refresh\" content=\"%d\">%n", REFRESH_SECONDS);
    // No favicon to fetch: an empty one, so browsers do not ask for /favicon.ico and log a 404.
    out.println("<link rel=\"icon\" href=\"data:,\">");
    out.println("<title>Clock Health Exporter</title>");
    out.println("<style>" + STYLE + "</style></head><body>");
    out.println("<h1>Clock Health Exporter</h1>");
    out.println(BrowserClockCheck.element(System.currentTimeMillis()));
    out.printf(
        "<p>Version %s. Host clock at collection: %s.</p>%n",
        Html.escape(collector.buildInfo().version()),
        Html.escape(Instant.ofEpochMilli(Math.round(scrape.hostTimeSeconds() * 1000)).toString()));
    out.printf(
        "<ul><li><a href=\"%s\">Metrics</a></li><li><a href=\"/-/healthy\">Health</a></li>"
            + "<li><a href=\"/-/ready\">Readiness</a></li>"
            + "<li>Time servers: <code>/probe?target=HOST[:PORT]&amp;module=ntp</code></li></ul>%n",
        Html.escape(telemetryPath));
    FindingsSection.write(out, Doctor.examine(scrape, role));
    if (scrape.host() != null) {
      HostClockSection.write(out, scrape.host(), scrape.hostClock());
    }
    if (scrape.outcomes().isEmpty()) {
      out.println(
          "<p class=\"bad\">No time daemon collector is enabled: no time daemon tool was"
              + " found.</p>");
    }
    for (CollectorOutcome outcome : scrape.outcomes()) {
      daemon(out, outcome);
    }
    out.println("<script>" + BrowserClockCheck.SCRIPT + "</script>");
    out.println("</body></html>");
  }

  private static void daemon(PrintWriter out, CollectorOutcome outcome) {
    DaemonReport report = outcome.result().report();
    out.printf("<h2>%s</h2>%n", Html.escape(outcome.collector()));
    if (!outcome.result().success()) {
      out.println(
          "<p class=\"bad\">Collection failed"
              + (Boolean.FALSE.equals(report.daemonUp()) ? ": the daemon did not answer" : "")
              + ". See the exporter's log for the command and the reason.</p>");
    }
    SystemStatus s = report.system();
    if (s != null) {
      boolean synced = Boolean.TRUE.equals(s.synchronized_());
      out.printf(
          "<p class=\"%s\"><strong>%s</strong></p>%n",
          synced ? "ok" : "bad", synced ? "Synchronised" : "NOT synchronised");
      out.println("<div class=\"scroll\"><table>");
      Html.row(out, "Offset (local − reference)", HumanDurations.signed(s.offsetSeconds()));
      Html.row(out, "Max error", HumanDurations.unsigned(s.maxErrorSeconds()));
      Html.row(
          out,
          "Reference",
          (s.reference() == null || s.reference().isEmpty() ? "(none)" : s.reference())
              + " ["
              + s.refId()
              + "]"
              + (Boolean.TRUE.equals(s.localReference()) ? " — local clock" : ""));
      Html.row(out, "Stratum", s.stratum() == null ? "n/a" : s.stratum().toString());
      Html.row(out, "Leap status", s.leapStatus() == null ? "n/a" : s.leapStatus().label());
      out.println("</table></div>");
    }
    if (report.ptp() != null) {
      PtpSection.write(out, report.ptp());
    }
    if (!report.sources().isEmpty()) {
      out.println(
          "<h3>Sources</h3><div class=\"scroll\"><table><tr><th>Source</th><th>State</th><th>Why (chrony)</th>"
              + "<th>Reach</th><th>Offset (local − source)</th><th>Stratum</th></tr>");
      for (SourceStatus source : report.sources()) {
        out.printf(
            "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
            Html.escape(source.source()),
            source.state() == null ? "n/a" : source.state().label(),
            source.selectionReason() == null ? "n/a" : source.selectionReason().label(),
            source.reachability() == null ? "n/a" : Integer.toOctalString(source.reachability()),
            HumanDurations.signed(source.offsetSeconds()),
            source.stratum() == null ? "n/a" : source.stratum());
      }
      out.println("</table></div>");
    }
  }
}
