package io.eddy.shell;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long changes take to reach a subscriber that waits for them, as a real client
 * does: a reader thread takes the keys of +1 changes one after another ({@link KeyReader}) and
 * notes when each arrived; {@link #arrival} waits for a key. Prints no timing assertions: latency
 * is reported, not tested (performance is proven by benchmarks).
 */
final class SubscriptionLatency implements AutoCloseable {
  /** Blocks for the next inserted change and returns its key; throws once the subscription ends. */
  @FunctionalInterface
  interface KeyReader {
    long next() throws Exception;
  }

  private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile Exception failure;

  SubscriptionLatency(KeyReader keys) {
    reader = new Thread(() -> {
      try {
        while (true) {
          long key = keys.next();
          arrivals.put(key, System.nanoTime());
        }
      } catch (Exception e) {
        failure = e;
      }
    }, "latency-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** When the change with {@code key} arrived ({@code System.nanoTime()}); waits up to 30 s. */
  long arrival(long key) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Long at;
    while ((at = arrivals.get(key)) == null) {
      if (failure != null || System.nanoTime() > deadline) {
        throw new AssertionError("change " + key + " never arrived", failure);
      }
      Thread.onSpinWait();
    }
    return at;
  }

  /** Waits for the reader to end (after the caller cancelled the subscription). */
  @Override
  public void close() throws InterruptedException {
    reader.join(10_000);
  }

  /** "p50 x ms, p99 y ms" of nanosecond samples. */
  static String percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format("p50 %.2f ms, p99 %.2f ms", s[s.length / 2] / 1e6,
        s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6);
  }
}
