package io.clockhealth.exporter.collect.timesyncd;

import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;

/** The four timedatectl parsers behind one interface, for tests that run all of them. */
final class TimesyncdParsers {

  static final NamedParser SHOW_TIMESYNC =
      new NamedParser(
          ShowTimesyncParser.FORMAT,
          new ShowTimesyncParser()::parse,
          ShowTimesyncParser::recognises);
  static final NamedParser TIMESYNC_STATUS =
      new NamedParser(
          TimesyncStatusParser.FORMAT,
          new TimesyncStatusParser()::parse,
          TimesyncStatusParser::recognises);
  static final NamedParser SHOW =
      new NamedParser(ShowParser.FORMAT, new ShowParser()::parse, ShowParser::recognises);
  static final NamedParser STATUS =
      new NamedParser(StatusParser.FORMAT, new StatusParser()::parse, StatusParser::recognises);

  static final List<NamedParser> ALL = List.of(SHOW_TIMESYNC, TIMESYNC_STATUS, SHOW, STATUS);

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
