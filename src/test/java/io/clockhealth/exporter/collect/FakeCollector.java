package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.model.Daemon;
import java.util.List;
import java.util.function.Supplier;

/** A DaemonCollector for tests: its daemon, and what each collection returns. */
public final class FakeCollector {

  private FakeCollector() {}

  public static DaemonCollector of(Daemon daemon, Supplier<CollectionResult> collect) {
    return new DaemonCollector() {
      @Override
      public Daemon daemon() {
        return daemon;
      }

      @Override
      public Reading read() {
        CollectionResult result = collect.get();
        return new Reading.Read(
            result.report(), result.success() ? List.of() : List.of("the fake failed"));
      }
    };
  }
}
