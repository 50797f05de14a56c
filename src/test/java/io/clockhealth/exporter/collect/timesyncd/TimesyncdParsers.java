package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;

/** The four timedatectl parsers behind one interface, for tests that run all of them. */
final class TimesyncdParsers {

  @FunctionalInterface
  interface Parse {
    Object parse(String text) throws ParseException;
  }

  record Named(String format, Parse parse) {
    @Override
    public String toString() {
      return format;
    }
  }

  static final Named SHOW_TIMESYNC =
      new Named(ShowTimesyncParser.FORMAT, new ShowTimesyncParser()::parse);
  static final Named TIMESYNC_STATUS =
      new Named(TimesyncStatusParser.FORMAT, new TimesyncStatusParser()::parse);
  static final Named SHOW = new Named(ShowParser.FORMAT, new ShowParser()::parse);
  static final Named STATUS = new Named(StatusParser.FORMAT, new StatusParser()::parse);

  static final List<Named> ALL = List.of(SHOW_TIMESYNC, TIMESYNC_STATUS, SHOW, STATUS);

  private TimesyncdParsers() {}

  /** The parser whose format a corpus or capture file is in; {@code null} for none of them. */
  static Named forFile(String resource) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (name.startsWith("err-")
        || name.startsWith("good-busctl")
        || name.contains("timeline")
        || name.contains("ntpmessage-value")) {
      return null;
    }
    if (name.contains("show-timesync")) {
      return SHOW_TIMESYNC;
    }
    if (name.contains("timesync-status")) {
      return TIMESYNC_STATUS;
    }
    if (name.contains("show")) {
      return SHOW;
    }
    if (name.contains("status")) {
      return STATUS;
    }
    return null;
  }
}
