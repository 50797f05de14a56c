package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;

/** All chronyc parsers behind one shape, for tests that run every parser over every input. */
final class ChronyParsers {

  static final NamedParser TRACKING =
      new NamedParser(
          TrackingParser.FORMAT, new TrackingParser()::parse, TrackingParser::recognises);
  static final NamedParser SOURCES =
      new NamedParser(SourcesParser.FORMAT, new SourcesParser()::parse, SourcesParser::recognises);
  static final NamedParser SOURCESTATS =
      new NamedParser(
          SourceStatsParser.FORMAT, new SourceStatsParser()::parse, SourceStatsParser::recognises);
  static final NamedParser SERVERSTATS =
      new NamedParser(
          ServerStatsParser.FORMAT, new ServerStatsParser()::parse, ServerStatsParser::recognises);
  static final NamedParser NTPDATA =
      new NamedParser(NtpDataParser.FORMAT, new NtpDataParser()::parse, NtpDataParser::recognises);
  static final NamedParser AUTHDATA =
      new NamedParser(
          AuthDataParser.FORMAT, new AuthDataParser()::parse, AuthDataParser::recognises);

  static final List<NamedParser> ALL =
      List.of(TRACKING, SOURCES, SOURCESTATS, SERVERSTATS, NTPDATA, AUTHDATA);

  private ChronyParsers() {}

  /**
   * The parser a corpus or capture file belongs to, from its name; null for the captures of other
   * chronyc commands (clients, selectdata, activity).
   */
  static NamedParser forFile(String resource) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (name.contains("sourcestats")) {
      return SOURCESTATS;
    }
    if (name.contains("sources")) {
      return SOURCES;
    }
    if (name.contains("tracking")) {
      return TRACKING;
    }
    if (name.contains("serverstats")) {
      return SERVERSTATS;
    }
    if (name.contains("ntpdata")) {
      return NTPDATA;
    }
    if (name.contains("authdata")) {
      return AUTHDATA;
    }
    if (name.contains("clients") || name.contains("selectdata") || name.contains("activity")) {
      return null;
    }
    throw new IllegalStateException("no parser known for " + resource);
  }
}
