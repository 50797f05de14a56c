package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;

/**
 * All registered chronyc parsers behind one shape, for tests that run every parser over every
 * input.
 */
final class ChronyParsers {

  static final List<NamedParser> ALL = NamedParser.of(ChronyFormats.all());

  static final NamedParser TRACKING = NamedParser.named(ALL, TrackingParser.FORMAT);
  static final NamedParser SOURCES = NamedParser.named(ALL, SourcesParser.FORMAT);
  static final NamedParser SOURCESTATS = NamedParser.named(ALL, SourceStatsParser.FORMAT);
  static final NamedParser SERVERSTATS = NamedParser.named(ALL, ServerStatsParser.FORMAT);
  static final NamedParser NTPDATA = NamedParser.named(ALL, NtpDataParser.FORMAT);
  static final NamedParser AUTHDATA = NamedParser.named(ALL, AuthDataParser.FORMAT);
  static final NamedParser SELECTDATA = NamedParser.named(ALL, SelectDataParser.FORMAT);
  static final NamedParser ACTIVITY = NamedParser.named(ALL, ActivityParser.FORMAT);
  static final NamedParser CLIENTS = NamedParser.named(ALL, ClientsParser.FORMAT);

  /** The reports of the collector's one chronyc call without the opt-in clients, in call order. */
  static final List<String> BATCH =
      List.of(
          "tracking",
          "sources",
          "sourcestats",
          "activity",
          "selectdata",
          "ntpdata",
          "authdata",
          "serverstats");

  private ChronyParsers() {}

  /**
   * Whether {@code resource} is, byte for byte, also valid output of {@code parser}'s command: the
   * CSV of {@code activity} is five unsigned integers, as chrony 3's {@code -c serverstats} is.
   * {@code --format auto} reads such a line as serverstats; the collector asks for activity by
   * name.
   */
  static boolean alsoValidFor(NamedParser parser, String resource) {
    return parser == SERVERSTATS && isCsvActivity(resource);
  }

  /** The parser {@code --format auto} picks for {@code resource}; null for none. */
  static NamedParser recognisedBy(String resource) {
    return isCsvActivity(resource) ? SERVERSTATS : forFile(resource);
  }

  private static boolean isCsvActivity(String resource) {
    return resource.endsWith("-c-activity.txt");
  }

  /** The parser a corpus or capture file belongs to, from its name. */
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
    if (name.contains("selectdata")) {
      return SELECTDATA;
    }
    if (name.contains("activity")) {
      return ACTIVITY;
    }
    if (name.contains("clients")) {
      return CLIENTS;
    }
    throw new IllegalStateException("no parser known for " + resource);
  }
}
