package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.function.Predicate;

/** All chronyc parsers behind one shape, for tests that run every parser over every input. */
final class ChronyParsers {

  @FunctionalInterface
  interface Parse {
    Object parse(String text) throws ParseException;
  }

  record Named(String format, Parse parse, Predicate<String> recognises) {
    @Override
    public String toString() {
      return format;
    }
  }

  static final Named TRACKING =
      new Named(TrackingParser.FORMAT, new TrackingParser()::parse, TrackingParser::recognises);
  static final Named SOURCES =
      new Named(SourcesParser.FORMAT, new SourcesParser()::parse, SourcesParser::recognises);
  static final Named SOURCESTATS =
      new Named(
          SourceStatsParser.FORMAT, new SourceStatsParser()::parse, SourceStatsParser::recognises);
  static final Named SERVERSTATS =
      new Named(
          ServerStatsParser.FORMAT, new ServerStatsParser()::parse, ServerStatsParser::recognises);
  static final Named NTPDATA =
      new Named(NtpDataParser.FORMAT, new NtpDataParser()::parse, NtpDataParser::recognises);
  static final Named AUTHDATA =
      new Named(AuthDataParser.FORMAT, new AuthDataParser()::parse, AuthDataParser::recognises);

  static final List<Named> ALL =
      List.of(TRACKING, SOURCES, SOURCESTATS, SERVERSTATS, NTPDATA, AUTHDATA);

  private ChronyParsers() {}

  /**
   * The parser a corpus or capture file belongs to, from its name; null for the captures of other
   * chronyc commands (clients, selectdata, activity).
   */
  static Named forFile(String resource) {
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
