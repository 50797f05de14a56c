package io.clockhealth.exporter.collect;

import io.prometheus.metrics.model.registry.MultiCollector;

/**
 * What the web layer serves: one scrape of every enabled collector on request, and the build it is
 * labelled with. It is a client_java collector too, for client_java's servlet ({@code name[]} and
 * debug queries). {@link ClockCollector} is the one implementation; the web layer depends on this
 * only.
 */
public interface Scrapes extends MultiCollector {

  /** Runs (or joins the running) collection of every collector. */
  ScrapeResult scrape();

  BuildInfo buildInfo();
}
