package io.clockhealth.exporter.web;

import io.clockhealth.exporter.model.PtpGrandmaster;
import io.clockhealth.exporter.model.PtpPort;
import io.clockhealth.exporter.model.PtpStatus;
import io.clockhealth.exporter.text.HumanDurations;
import java.io.PrintWriter;

/** The status page's part of a PTP daemon that the shared summary lacks: ports and grandmaster. */
final class PtpSection {

  private PtpSection() {}

  static void write(PrintWriter out, PtpStatus ptp) {
    out.println("<h3>PTP</h3><div class=\"scroll\"><table>");
    for (PtpPort port : ptp.ports()) {
      Html.row(out, "Port " + port.name(), port.state().name());
    }
    Html.row(
        out,
        "Last Sync",
        ptp.lastSyncAgeSeconds() == null
            ? "n/a (no port is SLAVE)"
            : HumanDurations.unsigned(ptp.lastSyncAgeSeconds()) + " ago");
    Html.row(out, "Mean path delay", HumanDurations.unsigned(ptp.meanPathDelaySeconds()));
    Html.row(
        out, "Steps removed", ptp.stepsRemoved() == null ? "n/a" : ptp.stepsRemoved().toString());
    PtpGrandmaster gm = ptp.grandmaster();
    if (gm != null) {
      Html.row(
          out,
          "Grandmaster",
          gm.identity()
              + " (clock class "
              + gm.clockClass()
              + ", accuracy "
              + gm.clockAccuracy()
              + (gm.timeSource() == null ? "" : ", time source " + gm.timeSource())
              + ")");
    }
    out.println("</table></div>");
  }
}
