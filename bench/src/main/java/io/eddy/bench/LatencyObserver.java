package io.eddy.bench;

import io.eddy.engine.CountingQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  /** Each recorded tick's scheduled time ({@link System#nanoTime}), in the order of {@link #latencies}. */
  private final long[] dues;
  private final BlockingQueue<Tick> ticks = new ArrayBlockingQueue<>(1 << 16);
  private final Thread thread;
  private int recorded;
  private volatile Throwable failure;

  LatencyObserver(CountingQuery query, int ticks) {
    this.query = query;
    this.latencies = new long[ticks];
    this.dues = new long[ticks];
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
        dues[recorded] = t.dueNanos();
        latencies[recorded++] = System.nanoTime() - t.dueNanos();
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** Waits until every submitted tick was seen; returns their latencies in nanoseconds, sorted. */
  long[] sorted() {
    finish();
    long[] done = Arrays.copyOf(latencies, recorded);
    Arrays.sort(done);
    return done;
  }

  private void finish() {
    if (thread.isAlive()) {
      try {
        ticks.put(END);
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    } else if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /**
   * Waits until every submitted tick was seen, then writes one line per tick in schedule order:
   * its scheduled time in microseconds after {@code startNanos} ({@link System#nanoTime}, given
   * in the header too, as GC logs decorated with {@code tn} count) and its latency in
   * microseconds.
   */
  void write(Path file, long startNanos) {
    finish();
    StringBuilder sb = new StringBuilder("# tick scheduled (us after nanoTime ").append(startNanos)
        .append("), latency (us)\n");
    for (int i = 0; i < recorded; i++) {
      sb.append((dues[i] - startNanos) / 1000).append(' ').append(latencies[i] / 1000).append('\n');
    }
    try {
      Files.writeString(file, sb);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the latency log " + file, e);
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
