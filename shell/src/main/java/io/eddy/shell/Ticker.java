package io.eddy.shell;

/**
 * Runs an action periodically on a daemon thread until {@link #close()} (which wakes the thread
 * and waits for it) or until the action returns false or throws (which ends it quietly: tickers
 * draw optional things, such as a status line or a progress bar). Thread-safe.
 */
final class Ticker implements AutoCloseable {
  /** One tick; false stops the ticker. */
  @FunctionalInterface
  interface Tick {
    boolean run() throws Exception;
  }

  private final Thread thread;
  private final Object wake = new Object();
  private volatile boolean closed;

  private Ticker(String name, long periodMillis, boolean waitFirst, Tick tick) {
    thread = new Thread(() -> loop(periodMillis, waitFirst, tick), name);
    thread.setDaemon(true);
  }

  /** Starts ticking every {@code periodMillis}, the first time at once unless {@code waitFirst}. */
  static Ticker start(String name, long periodMillis, boolean waitFirst, Tick tick) {
    Ticker t = new Ticker(name, periodMillis, waitFirst, tick);
    t.thread.start();
    return t;
  }

  private void loop(long periodMillis, boolean waitFirst, Tick tick) {
    try {
      boolean wait = waitFirst;
      while (!closed) {
        if (wait) {
          synchronized (wake) {
            if (!closed) {
              wake.wait(periodMillis);
            }
          }
        }
        wait = true;
        if (closed || !tick.run()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // an optional display: it just stops
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
