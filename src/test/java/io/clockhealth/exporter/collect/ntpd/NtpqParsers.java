package io.clockhealth.exporter.collect.ntpd;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;

/**
 * The registered ntpq parsers behind one shape, for tests that run every parser over every input.
 */
final class NtpqParsers {

  static final List<NamedParser> ALL = NamedParser.of(NtpdFormats.all());

  static final NamedParser PEERS = NamedParser.named(ALL, NtpqPeersParser.FORMAT);
  static final NamedParser SYSVARS = NamedParser.named(ALL, NtpqSysVarsParser.FORMAT);

  private NtpqParsers() {}

  /**
   * The parser a resource file belongs to, from its directory and name; null for every other tool's
   * output, for the other ntpq commands captured (apeers, associations, sysinfo, kerninfo,
   * sysstats, a peer's rv, the timeline) and for the two error files.
   */
  static NamedParser forResource(String resource) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (resource.startsWith(Fixtures.NTPQ.corpusDir())) {
      if (Fixtures.NTPQ_ERROR_FILES.contains(name)) {
        return null;
      }
      return name.contains("-rv") || name.contains("-rl-") ? SYSVARS : PEERS;
    }
    if (resource.startsWith(Fixtures.NTPQ.capturesDir())) {
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
    return resource.startsWith(Fixtures.NTPQ.corpusDir())
        && Fixtures.NTPQ_ERROR_FILES.contains(
            resource.substring(Fixtures.NTPQ.corpusDir().length()));
  }
}
