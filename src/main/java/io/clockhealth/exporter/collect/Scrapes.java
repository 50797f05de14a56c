package io.clockhealth.exporter.collect;

/**
 * What the web layer serves: one scrape of every enabled collector on request, and the build it is
 * labelled with. {@link ClockCollector} is the one implementation; the web layer depends on this
 * only.
 */
public interface Scrapes {

  /** Runs (or joins the running) collection of every collector. */
  ScrapeResult scrape();

  BuildInfo buildInfo();
}
