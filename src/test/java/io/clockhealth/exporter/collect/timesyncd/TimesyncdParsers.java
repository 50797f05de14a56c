package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;

/** The registered timedatectl parsers behind one interface, for tests that run all of them. */
final class TimesyncdParsers {

  static final List<NamedParser> ALL = NamedParser.of(TimesyncdFormats.all());

  static final NamedParser SHOW_TIMESYNC = NamedParser.named(ALL, ShowTimesyncParser.FORMAT);
  static final NamedParser TIMESYNC_STATUS = NamedParser.named(ALL, TimesyncStatusParser.FORMAT);
  static final NamedParser SHOW = NamedParser.named(ALL, ShowParser.FORMAT);
  static final NamedParser STATUS = NamedParser.named(ALL, StatusParser.FORMAT);

  private TimesyncdParsers() {}

  /** The parser whose format a corpus or capture file is in; {@code null} for none of them. */
  static NamedParser forFile(String resource) {
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
