package io.eddy.engine.internal;

/**
 * Wakes standing queries when something was appended to the log. A generation counter avoids
 * lost wake-ups: a waiter passes the generation it last saw. Thread-safe.
 */
public final class LogSignal {
  private long generation;

  public synchronized long generation() {
    return generation;
  }

  public synchronized void signal() {
    generation++;
    notifyAll();
  }

  /** Waits until the generation moves past {@code seen} or the timeout passes. */
  public synchronized void await(long seen, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (generation == seen) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      wait(left);
    }
  }
}
