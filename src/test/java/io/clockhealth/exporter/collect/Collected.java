package io.clockhealth.exporter.collect;

/** Tests of one daemon collector: what one collection of it yields under the outcome policy. */
public final class Collected {

  private Collected() {}

  public static CollectionResult once(DaemonCollector collector) {
    return DaemonRun.of(collector).run().result();
  }
}
