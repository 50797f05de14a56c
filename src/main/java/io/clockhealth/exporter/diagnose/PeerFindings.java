package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.LeapStatus;
import io.clockhealth.exporter.model.PeerClockReading;
import io.clockhealth.exporter.model.ProbeReport;
import io.clockhealth.exporter.text.HumanDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Other clocks against this host's: time servers probed ({@code --probe}) and the Prometheus
 * server's clock ({@code --prometheus}). Offsets are this host minus the other clock.
 */
final class PeerFindings {

  private PeerFindings() {}

  static List<Finding> of(Examination examination) {
    List<Finding> findings = new ArrayList<>();
    for (ProbedServer probed : examination.probes()) {
      findings.add(probe(probed));
    }
    PeerClockReading prometheus = examination.prometheus();
    if (prometheus != null) {
      findings.add(prometheus(prometheus));
    }
    return findings;
  }

  private static Finding probe(ProbedServer probed) {
    String subject = "probe " + probed.target();
    ProbeReport report = probed.report();
    if (report == null) {
      return new Finding(
          "probe-refused",
          Severity.WARNING,
          subject,
          probed.target() + " was not probed.",
          String.valueOf(probed.refused()),
          "Nothing is known of that server's time.",
          "Give it as HOST or HOST:PORT.");
    }
    ProbeReport.Reply reply = report.reply();
    if (report.kissCode() != null) {
      return new Finding(
          "probe-kiss-of-death",
          Severity.WARNING,
          subject,
          probed.target()
              + " answered Kiss-o'-Death "
              + report.kissCode()
              + ": it refuses to serve this host.",
          "kiss code " + report.kissCode() + " (RATE: asked too often; DENY/RSTR: access denied)",
          "A client that keeps asking is cut off; a daemon configured with this server gets no"
              + " time from it.",
          "RATE: poll less often (chrony `minpoll`, no `burst` against public servers); DENY or"
              + " RSTR: the server's operator must allow this host (chrony `allow <subnet>`, ntpd"
              + " `restrict`).");
    }
    if (reply == null) {
      return new Finding(
          "probe-unreachable",
          Severity.WARNING,
          subject,
          probed.target() + " did not answer an NTP request.",
          report.samples()
              + " request(s) sent within "
              + HumanDurations.unsigned(report.durationSeconds())
              + ", no well-formed reply",
          "A daemon that lists it gets no time from it; if it is the only source the clock"
              + " drifts freely.",
          "From this host: is UDP 123 to it open (firewall, NAT)? Does the name resolve? Does it"
              + " serve (chrony `allow <subnet>` on the server)?");
    }
    if (!report.success()) {
      return new Finding(
          "probe-unsynchronised",
          Severity.WARNING,
          subject,
          probed.target() + " answers but has no usable time to give.",
          "leap "
              + reply.leap().label()
              + ", stratum "
              + reply.stratum()
              + ", reference ID "
              + reply.refId()
              + ", root distance "
              + HumanDurations.unsigned(reply.rootDistanceSeconds()),
          "Clients reject an unsynchronised server's time (leap indicator 3, stratum 16): they"
              + " keep drifting.",
          "On that server: `chronyc tracking` (or `ntpq -c rv`) says why; in an isolated network"
              + " its chrony needs `local stratum 10` to serve its own clock.");
    }
    return far(
        "probe-clock-agrees",
        "probe-clock-differs",
        subject,
        probed.target(),
        reply.offsetSeconds(),
        reply.delaySeconds(),
        "NTP reply, delay "
            + HumanDurations.unsigned(reply.delaySeconds())
            + ", stratum "
            + reply.stratum()
            + (reply.leap() == LeapStatus.NORMAL ? "" : ", leap " + reply.leap().label()),
        "Point this host's daemon at it (`server "
            + hostOf(probed.target())
            + " iburst`; timesyncd: `NTP=`) or find which of the two is wrong against a third;"
            + " `chronyc makestep` corrects a large offset at once (a step: timestamps jump).");
  }

  private static Finding prometheus(PeerClockReading reading) {
    String subject = "prometheus " + reading.peer();
    Double offset = reading.offsetSeconds();
    Double roundTrip = reading.roundTripSeconds();
    if (offset == null || roundTrip == null) {
      return new Finding(
          "prometheus-unreachable",
          Severity.WARNING,
          subject,
          "The Prometheus server's clock could not be read.",
          String.valueOf(reading.failure()),
          "Its clock stamps every sample and evaluates every rule: a difference from this host"
              + " goes unseen.",
          "Give its URL as the browser reaches it (e.g. http://prometheus:9090, with any path"
              + " prefix); it must answer /api/v1/query without authentication.");
    }
    return far(
        "prometheus-clock-agrees",
        "prometheus-clock-differs",
        subject,
        "the Prometheus server",
        offset,
        roundTrip,
        "time() from " + reading.peer() + "/api/v1/query",
        "Run both on the same time source (chrony `server <time server> iburst` on each); on the"
            + " one that is wrong, `chronyc makestep` corrects it at once (a step: timestamps"
            + " jump).");
  }

  /**
   * The offset judged with its own uncertainty: half the round trip is how far the reading can be
   * from the truth, so only what exceeds it counts.
   */
  private static Finding far(
      String agreesId,
      String differsId,
      String subject,
      String other,
      double offset,
      double roundTrip,
      String how,
      String fix) {
    double beyondError = Math.abs(offset) - roundTrip / 2;
    String direction = offset > 0 ? "ahead of" : "behind";
    String evidence =
        String.format(
            Locale.ROOT,
            "this host − %s: %s (± %s, half the %s round trip); %s",
            other,
            HumanDurations.signed(offset),
            HumanDurations.unsigned(roundTrip / 2),
            HumanDurations.unsigned(roundTrip),
            how);
    if (beyondError <= SyncFindings.WARNING_OFFSET_SECONDS) {
      return new Finding(
          agreesId,
          Severity.OK,
          subject,
          String.format(
              Locale.ROOT,
              "This host's clock agrees with %s's within %s.",
              other,
              HumanDurations.unsigned(SyncFindings.WARNING_OFFSET_SECONDS)),
          evidence,
          "",
          "");
    }
    boolean critical = beyondError > SyncFindings.CRITICAL_OFFSET_SECONDS;
    return new Finding(
        differsId,
        critical ? Severity.CRITICAL : Severity.WARNING,
        subject,
        String.format(
            Locale.ROOT,
            "This host's clock is %s %s %s's.",
            HumanDurations.unsigned(offset),
            direction,
            other),
        evidence,
        differsId.startsWith("prometheus")
            ? "Prometheus stamps samples with its own clock: rules comparing this host's time"
                + " (clock_host_time_seconds) with timestamp() fire, and its UI warns \"Detected N"
                + " seconds time difference\"; an Agent ahead of its remote-write receiver has"
                + " samples refused as out of bounds."
            : "Two clocks that should agree do not: one of them is wrong, and everything"
                + " timestamped on both is out of order by that much.",
        fix);
  }

  /** The host of {@code HOST[:PORT]} or {@code [V6]:PORT}; a bare IPv6 address as it is. */
  private static String hostOf(@Nullable String target) {
    if (target == null) {
      return "";
    }
    if (target.startsWith("[") && target.indexOf(']') > 0) {
      return target.substring(1, target.indexOf(']'));
    }
    int colon = target.lastIndexOf(':');
    return colon > 0 && target.indexOf(':') == colon ? target.substring(0, colon) : target;
  }
}
