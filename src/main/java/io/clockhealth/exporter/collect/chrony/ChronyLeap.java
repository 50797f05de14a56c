package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.model.LeapStatus;

/** chronyc's leap status words, the same in the human and CSV layouts. */
final class ChronyLeap {

  private ChronyLeap() {}

  /**
   * The status for {@code Normal}, {@code Insert second}, {@code Delete second} or {@code Not
   * synchronised}. chronyc prints {@code Invalid} for a value it does not know; that, like any
   * other text, is rejected rather than guessed.
   */
  static LeapStatus parse(String text) {
    return switch (text) {
      case "Normal" -> LeapStatus.NORMAL;
      case "Insert second" -> LeapStatus.INSERT_SECOND;
      case "Delete second" -> LeapStatus.DELETE_SECOND;
      case "Not synchronised" -> LeapStatus.UNSYNCHRONISED;
      default -> throw new IllegalArgumentException("unknown leap status '" + text + "'");
    };
  }
}
