package io.clockhealth.exporter.collect.ptp;

import io.clockhealth.exporter.parse.Fixtures;
import io.clockhealth.exporter.parse.NamedParser;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The registered pmc parsers behind one shape, for tests that run every parser over every input.
 */
final class PtpParsers {

  static final List<NamedParser> ALL = NamedParser.of(PtpFormats.all());

  static final NamedParser BATCH = NamedParser.named(ALL, PmcBatchParser.FORMAT);

  private PtpParsers() {}

  /**
   * The capture of lab phase {@code phase} for {@code request}, e.g. ("lab-slave-slave", "GET X").
   */
  static String capture(String phase, String request) {
    return Fixtures.PMC.capture(
        "pmc_linuxptp-3.1.1-deb12_" + phase + "_" + request.replace(' ', '_') + ".txt");
  }

  /** The capture of pmc with no ptp4l behind the socket: its requests only. */
  static final String NO_PTP4L =
      "pmc_linuxptp-3.1.1-deb12_no-ptp4l-running_GET_CURRENT_DATA_SET.txt";

  /**
   * The parser a resource belongs to, from its name: the data set it asked for, or the batch parser
   * for several data sets and for those with no parser of their own; null for other tools' files
   * and for the no-ptp4l capture (pmc's way of saying nobody answered).
   */
  static @Nullable NamedParser forResource(String resource) {
    if (!resource.startsWith(Fixtures.PMC.capturesDir())) {
      return null;
    }
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    if (name.equals(NO_PTP4L)) {
      return null;
    }
    for (NamedParser parser : ALL) {
      if (parser != BATCH && name.endsWith("_GET_" + idOf(parser.format()) + ".txt")) {
        return parser;
      }
    }
    return BATCH;
  }

  /** {@code pmc-current-data-set} is the parser of {@code CURRENT_DATA_SET}. */
  static String idOf(String format) {
    return format.substring("pmc-".length()).replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
