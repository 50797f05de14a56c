package io.clockhealth.exporter.parse;

import io.clockhealth.exporter.metrics.DaemonReport;

/**
 * One tool output layout the {@code parse} command (and {@code --format auto}) understands, e.g.
 * {@code chronyc-tracking}. Each daemon package contributes its formats.
 */
public interface OutputFormat {

  /** The {@code --format} name. */
  String name();

  /** A cheap check that {@code text} looks like this format; used by {@code --format auto}. */
  boolean recognises(String text);

  /** The metrics this one output yields. */
  DaemonReport parse(String text) throws ParseException;
}
