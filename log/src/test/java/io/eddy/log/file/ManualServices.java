package io.eddy.log.file;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock tests set and a scheduler tests tick by hand, for {@link LogServices}. Not thread-safe. */
final class ManualServices {
  private ManualServices() {}

  static final class Clock implements InstantSource {
    private volatile long millis;

    Clock(long millis) {
      this.millis = millis;
    }

    void advance(long ms) {
      millis += ms;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  static final class Scheduler implements LogScheduler {
    private final List<String> names = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private boolean closed;

    @Override
    public void schedule(String name, long periodMillis, Runnable task) {
      names.add(name);
      tasks.add(task);
    }

    /** Runs every task once whose name starts with {@code prefix}. */
    void tick(String prefix) {
      for (int i = 0; i < tasks.size() && !closed; i++) {
        if (names.get(i).startsWith(prefix)) {
          tasks.get(i).run();
        }
      }
    }

    List<String> names() {
      return names;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static LogServices with(FileIo io, Clock clock, Scheduler scheduler) {
    return new LogServices(io, clock, scheduler);
  }
}
