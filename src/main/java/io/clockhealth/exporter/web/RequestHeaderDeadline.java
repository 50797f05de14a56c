package io.clockhealth.exporter.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code ReadHeaderTimeout} for Jetty, plus eviction: a connection still waiting for its
 * request line and headers is closed once it has waited {@code deadline} (a client trickling one
 * header line every few seconds is never idle, so the idle timeout alone does not catch it), and
 * when more than {@code maxConnections} are open, opening one more closes the one that has waited
 * longest. Accepting therefore never stalls behind slow clients: a scrape, which sends its headers
 * at once, is answered however many stalled sockets there are. Connections between two requests of
 * a keep-alive are left to the idle timeout, but are evicted like stalled ones.
 *
 * <p>The parser state is read from a sweeper thread without synchronisation: a stale read only
 * delays a decision by one sweep.
 */
final class RequestHeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

  private static final long SWEEP_MILLIS = 250;

  private final long deadlineNanos;
  private final int maxConnections;
  private final Scheduler scheduler;
  private final Map<HttpConnection, Waiting> open = new ConcurrentHashMap<>();
  private volatile Scheduler.@Nullable Task sweep;

  /** When a connection started waiting, for the request it is waiting for. */
  private static final class Waiting {
    volatile long messagesIn = -1;
    volatile long sinceNanos = System.nanoTime();
  }

  RequestHeaderDeadline(Duration deadline, int maxConnections, Scheduler scheduler) {
    this.deadlineNanos = deadline.toNanos();
    this.maxConnections = maxConnections;
    this.scheduler = scheduler;
  }

  @Override
  protected void doStart() {
    schedule();
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
  }

  @Override
  public void onOpened(Connection connection) {
    if (connection instanceof HttpConnection http) {
      open.put(http, new Waiting());
      if (open.size() > maxConnections) {
        evictLongestWaiting(http);
      }
    }
  }

  @Override
  public void onClosed(Connection connection) {
    open.remove(connection);
  }

  /** Open HTTP connections (for tests). */
  int openConnections() {
    return open.size();
  }

  private void schedule() {
    if (isRunning() || isStarting()) {
      sweep = scheduler.schedule(this::sweepAndReschedule, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void sweepAndReschedule() {
    try {
      long now = System.nanoTime();
      open.forEach(
          (connection, waiting) -> {
            if (!waitingForHeaders(connection, waiting, now)) {
              return;
            }
            boolean firstRequest = connection.getMessagesIn() == 0;
            boolean midRequest = !connection.getParser().isStart();
            if ((firstRequest || midRequest) && now - waiting.sinceNanos > deadlineNanos) {
              connection.close();
            }
          });
    } finally {
      schedule();
    }
  }

  /** Updates {@code waiting} and tells whether the connection waits for a request's headers. */
  private static boolean waitingForHeaders(HttpConnection connection, Waiting waiting, long now) {
    if (!connection.getParser().inHeaderState()) {
      waiting.messagesIn = -1; // a request is being read or answered
      return false;
    }
    long messages = connection.getMessagesIn();
    if (waiting.messagesIn != messages) {
      waiting.messagesIn = messages;
      if (messages > 0) {
        waiting.sinceNanos = now; // the previous request is done: the next one starts now
      }
    }
    return true;
  }

  private void evictLongestWaiting(HttpConnection opened) {
    long now = System.nanoTime();
    open.entrySet().stream()
        .filter(e -> e.getKey() != opened && waitingForHeaders(e.getKey(), e.getValue(), now))
        .min(Comparator.comparingLong(e -> e.getValue().sinceNanos))
        .ifPresent(e -> e.getKey().close());
  }
}
