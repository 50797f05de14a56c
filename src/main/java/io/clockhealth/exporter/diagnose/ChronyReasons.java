package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.SelectionReason;

/** chrony's selection reasons in words, and where to look for each. */
final class ChronyReasons {

  private ChronyReasons() {}

  static String words(SelectionReason reason) {
    return switch (reason) {
      case SELECTED -> "it is the selected source";
      case COMBINED -> "it is combined with the selected one";
      case NOSELECT -> "it is configured noselect";
      case UNSYNCHRONISED -> "it says it is not synchronised, or has sent no sample yet";
      case FEW_SAMPLES -> "it has too few samples yet";
      case DISTANT -> "its root distance is above maxdistance";
      case NOT_COMBINABLE -> "it is too far from the selected source to combine (combinelimit)";
      case JITTERY -> "its jitter is above maxjitter";
      case WAITS_FOR_OTHERS -> "it waits for other sources to get enough samples";
      case WAITS_FOR_SOURCES ->
          "fewer sources are selectable than minsources (or a require" + " source is missing)";
      case STALE -> "its samples are much older than the others'";
      case ORPHAN -> "its stratum is at or above this host's orphan stratum";
      case UNTRUSTED -> "it disagrees with a source marked trust";
      case FALSETICKER -> "it disagrees with the majority";
      case NOT_PREFERRED -> "another source is marked prefer";
      case WAITS_FOR_UPDATE -> "it waits for an update after a reselection";
      case STRATUM -> "its stratum is outside minstratum/maxstratum";
      case OUTLIER -> "chrony marks it an outlier";
      case OTHER -> "a reason this exporter does not know (a newer chrony)";
    };
  }

  static String fix(SelectionReason reason) {
    return switch (reason) {
      case NOSELECT, NOT_PREFERRED ->
          "As configured: drop noselect/prefer from its `server` line if that is not meant.";
      case UNSYNCHRONISED ->
          "If it answers (chronyc ntpdata: Total RX grows), fix that server's synchronisation;"
              + " if not, its reachability (UDP 123).";
      case FEW_SAMPLES, WAITS_FOR_OTHERS, WAITS_FOR_UPDATE ->
          "Usually passes within a few polls; `iburst` on the `server` line shortens the start.";
      case DISTANT -> "A nearer or better synchronised source, or a larger `maxdistance`.";
      case NOT_COMBINABLE -> "Nothing wrong while the selected source is good (`combinelimit`).";
      case JITTERY -> "A steadier path (not Wi-Fi or an overloaded link), or a larger `maxjitter`.";
      case WAITS_FOR_SOURCES -> "More reachable sources, or a lower `minsources`.";
      case STALE -> "Check why it answers less often than the others (`chronyc sources`: LastRx).";
      case ORPHAN -> "Expected in orphan mode: this host prefers real sources to orphans.";
      case UNTRUSTED, FALSETICKER ->
          "Check that server's own time (`chronyc tracking` on it); remove or replace it.";
      case STRATUM -> "A source within `minstratum`/`maxstratum`, or change those limits.";
      case SELECTED, COMBINED, OUTLIER, OTHER -> "See chronyc(1), selectdata.";
    };
  }
}
