package io.clockhealth.exporter.collect.ptp;

import java.time.Instant;
import java.util.List;

/**
 * What the collector's one pmc call prints, assembled from the lab's one-request captures: every
 * {@code sending:} line first, then each reply, as pmc prints several requests.
 */
final class PmcCalls {

  /** The slave's last Sync in the lab's SLAVE phase. */
  static final Instant SLAVE_SYNC = Instant.ofEpochSecond(1796219057L, 514266727L);

  /** The slave's last Sync while UNCALIBRATED. */
  static final Instant UNCALIBRATED_SYNC = Instant.ofEpochSecond(1796219042L, 511573722L);

  private PmcCalls() {}

  /** The lab grandmaster. */
  static String grandmaster() {
    return call("lab-master-gm", "lab-master-gm");
  }

  /** The lab slave while its servo had not locked. */
  static String uncalibrated() {
    return call("lab-slave-uncalibrated", "lab-slave-uncalibrated");
  }

  /** The lab slave locked to the grandmaster (its port properties as captured before, in SLAVE). */
  static String slave() {
    return call("lab-slave-slave", "lab-slave-uncalibrated").replace("UNCALIBRATED", "SLAVE");
  }

  /**
   * The lab slave after its master was killed, as ptp4l 3.1.1 answered: the port LISTENING, no
   * Sync, but the last offset and gmPresent kept.
   */
  static String afterMasterLoss() {
    return slave()
        .replace("portState               SLAVE", "portState               LISTENING")
        .replace("1796219057514266727", "0");
  }

  private static String call(String phase, String propertiesPhase) {
    StringBuilder sending = new StringBuilder();
    StringBuilder replies = new StringBuilder();
    for (String id : PtpCollector.DATA_SETS) {
      sending.append("sending: GET ").append(id).append('\n');
      String capture =
          PtpParsers.capture(
              id.equals(PortProperties.DATA_SET.managementId()) ? propertiesPhase : phase,
              "GET " + id);
      List<String> lines = capture.lines().filter(l -> !l.startsWith("sending:")).toList();
      replies.append(String.join("\n", lines)).append('\n');
    }
    return sending + replies.toString();
  }
}
