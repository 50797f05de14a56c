package io.clockhealth.exporter.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The processes of one kind that fixtures have started and not yet stopped: a JVM shutdown hook
 * stops those a test forgot, so that a test JVM that dies early leaves none behind.
 */
final class StartedProcesses<T> {

  private final Set<T> running = Collections.synchronizedSet(new LinkedHashSet<>());

  /**
   * @param threadName the shutdown hook's thread
   * @param stop how the hook stops each one still running
   */
  StartedProcesses(String threadName, Consumer<T> stop) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<T> left;
                  synchronized (running) {
                    left = new ArrayList<>(running);
                  }
                  left.forEach(stop);
                },
                threadName));
  }

  void add(T process) {
    running.add(process);
  }

  void remove(T process) {
    running.remove(process);
  }
}
