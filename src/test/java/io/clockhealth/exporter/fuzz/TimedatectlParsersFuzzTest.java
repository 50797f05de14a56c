package io.clockhealth.exporter.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clockhealth.exporter.collect.timesyncd.ShowParser;
import io.clockhealth.exporter.collect.timesyncd.ShowTimesyncParser;
import io.clockhealth.exporter.collect.timesyncd.StatusParser;
import io.clockhealth.exporter.collect.timesyncd.SystemdTimeSpan;
import io.clockhealth.exporter.collect.timesyncd.SystemdTimestamp;
import io.clockhealth.exporter.collect.timesyncd.TimesyncStatusParser;
import io.clockhealth.exporter.collect.timesyncd.TimesyncdFormats;
import io.clockhealth.exporter.parse.FormatRegistry;

/**
 * Fuzzes the timedatectl parsers ({@code show --timesync --all}, {@code timesync-status}, {@code
 * show}, {@code status}) with the {@code parse} command's mapping, and the value readers they use:
 * systemd time spans and timestamps, whose documented rejection is {@link
 * IllegalArgumentException}. Oracle: {@link FuzzChecks}. Seeds: {@code
 * TimedatectlParsersFuzzTestInputs/} (whole outputs) and its {@code systemdTimeSpan/}, {@code
 * systemdTimestamp/} (single values taken from the fixtures).
 */
class TimedatectlParsersFuzzTest {

  private static final FormatRegistry FORMATS = new FormatRegistry(TimesyncdFormats.all());

  @FuzzTest(maxDuration = "60s")
  void showTimesync(byte[] data) {
    fuzz(ShowTimesyncParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void timesyncStatus(byte[] data) {
    fuzz(TimesyncStatusParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void show(byte[] data) {
    fuzz(ShowParser.FORMAT, data);
  }

  @FuzzTest(maxDuration = "60s")
  void status(byte[] data) {
    fuzz(StatusParser.FORMAT, data);
  }

  /** Any text: a finite number of seconds, or the documented IllegalArgumentException. */
  @FuzzTest(maxDuration = "60s")
  void systemdTimeSpan(byte[] data) {
    FuzzChecks.parse(
        "systemd time span",
        FuzzChecks.decode(data),
        text -> {
          double seconds;
          try {
            seconds = SystemdTimeSpan.seconds(text);
          } catch (IllegalArgumentException documented) {
            return null;
          }
          if (!Double.isFinite(seconds)) {
            throw new AssertionError("not finite: " + seconds + " for [" + text + "]");
          }
          return seconds;
        });
  }

  /** Any text: a timestamp, null for systemd's "unset", or the documented exception. */
  @FuzzTest(maxDuration = "60s")
  void systemdTimestamp(byte[] data) {
    FuzzChecks.parse(
        "systemd timestamp",
        FuzzChecks.decode(data),
        text -> {
          SystemdTimestamp t;
          try {
            t = SystemdTimestamp.parse(text);
          } catch (IllegalArgumentException documented) {
            return null;
          }
          if (t != null) {
            // The host zone timedatectl show reports: an IANA name, or anything in damaged input.
            t.resolve("Europe/Berlin");
            t.resolve(text);
          }
          return t;
        });
  }

  private static void fuzz(String format, byte[] data) {
    FuzzChecks.parseAndExpose(FORMATS, format, data);
  }
}
