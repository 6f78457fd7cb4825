package io.eddy.bench;

import io.eddy.engine.CountingQuery;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Times when each paced append becomes visible, on a thread of its own, so the appending thread
 * keeps its schedule whether or not the query keeps up (an open loop: a query that stalls gets
 * the input that arrived meanwhile in one go, as it would from real producers). For each tick
 * the appender {@link #submit submits} its scheduled time and the query's {@link CountingQuery#mark
 * mark} after the append; the observer waits until the query has processed up to the mark and
 * records the time since the schedule.
 */
final class LatencyObserver implements AutoCloseable {
  private record Tick(long dueNanos, CountingQuery.Mark mark) {}

  private static final Tick END = new Tick(0, null);

  private final CountingQuery query;
  private final long[] latencies;
  private final BlockingQueue<Tick> ticks = new ArrayBlockingQueue<>(1 << 16);
  private final Thread thread;
  private int recorded;
  private volatile Throwable failure;

  LatencyObserver(CountingQuery query, int ticks) {
    this.query = query;
    this.latencies = new long[ticks];
    this.thread = new Thread(this::run, "eddy-bench-latency");
    thread.setDaemon(true);
    thread.start();
  }

  /** The tick scheduled at {@code dueNanos} ({@link System#nanoTime}) was appended; the query's input now ends at {@code mark}. */
  void submit(long dueNanos, CountingQuery.Mark mark) {
    try {
      ticks.put(new Tick(dueNanos, mark));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void run() {
    try {
      for (Tick t = ticks.take(); t != END; t = ticks.take()) {
        query.awaitProcessed(t.mark());
        latencies[recorded++] = System.nanoTime() - t.dueNanos();
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** Waits until every submitted tick was seen; returns their latencies in nanoseconds, sorted. */
  long[] sorted() {
    try {
      ticks.put(END);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
    long[] done = Arrays.copyOf(latencies, recorded);
    Arrays.sort(done);
    return done;
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
