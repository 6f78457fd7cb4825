package io.eddy.log.file;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link FileLogStore}'s periodic work. Injectable: tests use one they tick by hand.
 * Implementations are thread-safe; a task that throws is logged and keeps its schedule.
 */
public interface LogScheduler extends AutoCloseable {

  /** Runs {@code task} every {@code periodMillis} (first run one period from now) until closed. */
  void schedule(String name, long periodMillis, Runnable task);

  /** Stops every task, waiting for one that is running to finish. Idempotent. */
  @Override
  void close();

  /** A scheduler on one daemon thread, started by the first {@link #schedule}. */
  static LogScheduler daemonThread() {
    return new LogScheduler() {
      private ScheduledExecutorService executor;

      @Override
      public synchronized void schedule(String name, long periodMillis, Runnable task) {
        if (executor == null) {
          executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eddy-log-scheduler");
            t.setDaemon(true);
            return t;
          });
        }
        executor.scheduleAtFixedRate(() -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            System.getLogger(LogScheduler.class.getName()).log(Level.ERROR, "log task " + name + " failed", e);
          }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
      }

      @Override
      public synchronized void close() {
        if (executor != null) {
          executor.shutdown(); // no interrupt: an interrupted FileChannel.force closes the channel
          try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }
}
