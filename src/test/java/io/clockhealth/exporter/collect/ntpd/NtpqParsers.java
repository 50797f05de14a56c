package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.ParseException;
import java.util.List;
import java.util.function.Predicate;

/** Both ntpq parsers behind one shape, for tests that run every parser over every input. */
final class NtpqParsers {

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

  static final Named PEERS =
      new Named(NtpqPeersParser.FORMAT, new NtpqPeersParser()::parse, NtpqPeersParser::recognises);
  static final Named SYSVARS =
      new Named(
          NtpqSysVarsParser.FORMAT, new NtpqSysVarsParser()::parse, NtpqSysVarsParser::recognises);

  static final List<Named> ALL = List.of(PEERS, SYSVARS);

  private NtpqParsers() {}

  /**
   * The parser a resource file belongs to, from its directory and name; null for every other tool's
   * output, for the other ntpq commands captured (apeers, associations, sysinfo, kerninfo,
   * sysstats, a peer's rv, the timeline) and for the two error files.
   */
  static Named forResource(String resource) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (resource.startsWith(NtpqFixtures.CORPUS)) {
      if (NtpqFixtures.ERROR_FILES.contains(name)) {
        return null;
      }
      return name.contains("-rv") || name.contains("-rl-") ? SYSVARS : PEERS;
    }
    if (resource.startsWith(NtpqFixtures.CAPTURES)) {
      if (name.matches(".*-(p|pn|peers-w|p-at-start)\\.txt")) {
        return PEERS;
      }
      if (name.matches(".*-(rv|rv-at-start)\\.txt")) {
        return SYSVARS;
      }
    }
    return null;
  }

  static boolean isErrorFile(String resource) {
    return resource.startsWith(NtpqFixtures.CORPUS)
        && NtpqFixtures.ERROR_FILES.contains(resource.substring(NtpqFixtures.CORPUS.length()));
  }
}
