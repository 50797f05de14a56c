package io.clockhealth.exporter.model;

/**
 * Why a daemon did or did not use a source, in words: the {@code reason} label of {@code
 * clock_source_selection_info}. chrony says it with one state letter per source in {@code
 * selectdata}; {@link #ofChronyState} reads it.
 */
public enum SelectionReason {
  SELECTED("selected"),
  COMBINED("combined"),
  NOSELECT("noselect"),
  UNSYNCHRONISED("unsynchronised"),
  FEW_SAMPLES("few_samples"),
  DISTANT("distant"),
  NOT_COMBINABLE("not_combinable"),
  JITTERY("jittery"),
  WAITS_FOR_OTHERS("waits_for_others"),
  WAITS_FOR_SOURCES("waits_for_sources"),
  STALE("stale"),
  ORPHAN("orphan"),
  UNTRUSTED("untrusted"),
  FALSETICKER("falseticker"),
  NOT_PREFERRED("not_preferred"),
  WAITS_FOR_UPDATE("waits_for_update"),
  STRATUM("stratum"),
  OUTLIER("outlier"),
  /** A letter this exporter does not know yet (a newer chrony): served, not failed. */
  OTHER("other");

  private final String label;

  SelectionReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The reason for chrony's state letter (chronyc(1), {@code selectdata}): {@code N} noselect,
   * {@code s} not synchronised (or no sample yet), {@code M} too few measurements, {@code d} root
   * distance above {@code maxdistance}, {@code D} too distant to combine ({@code combinelimit}),
   * {@code ~} jitter above {@code maxjitter}, {@code w} waits for others to leave {@code M}, {@code
   * W} waits for enough sources ({@code minsources}, {@code require}), {@code S} older measurements
   * than the others (or unreachable beyond {@code maxunreach}), {@code O} at or beyond the orphan
   * stratum, {@code T} disagrees with the {@code trust} sources, {@code x} falseticker, {@code P}
   * another source is preferred, {@code U} waits for an update after a reselection, {@code r}
   * stratum outside {@code minstratum}/{@code maxstratum} (chrony after 4.8), {@code L} an outlier
   * (in chrony's code, not yet documented), {@code +} combined, {@code *} selected.
   */
  public static SelectionReason ofChronyState(char state) {
    return switch (state) {
      case '*' -> SELECTED;
      case '+' -> COMBINED;
      case 'N' -> NOSELECT;
      case 's' -> UNSYNCHRONISED;
      case 'M' -> FEW_SAMPLES;
      case 'd' -> DISTANT;
      case 'D' -> NOT_COMBINABLE;
      case '~' -> JITTERY;
      case 'w' -> WAITS_FOR_OTHERS;
      case 'W' -> WAITS_FOR_SOURCES;
      case 'S' -> STALE;
      case 'O' -> ORPHAN;
      case 'T' -> UNTRUSTED;
      case 'x' -> FALSETICKER;
      case 'P' -> NOT_PREFERRED;
      case 'U' -> WAITS_FOR_UPDATE;
      case 'r' -> STRATUM;
      case 'L' -> OUTLIER;
      default -> OTHER;
    };
  }
}
