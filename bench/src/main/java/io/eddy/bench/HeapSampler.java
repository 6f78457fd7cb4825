package io.eddy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every 10 ms on a daemon thread and keeps the largest value: the peak heap
 * of a run (garbage included, as a process would need it). Start it, run, close it, read
 * {@link #peakBytes()}.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long peak;

  HeapSampler() {
    thread = new Thread(this::run, "eddy-bench-heap");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!stopped) {
      sample();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    if (used > peak) {
      peak = used;
    }
  }

  long peakBytes() {
    return peak;
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }
}
