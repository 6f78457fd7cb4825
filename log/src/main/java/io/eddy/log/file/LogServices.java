package io.eddy.log.file;

import java.time.InstantSource;

/**
 * What a {@link FileLogStore} uses from its surroundings, injectable so tests drive time, run
 * scheduled work by hand and inject file faults: file access, the clock (segment age, retention)
 * and the scheduler for periodic work ({@code interval} flushes, retention). The store owns the
 * scheduler and closes it when it closes. Immutable.
 */
public record LogServices(FileIo io, InstantSource clock, LogScheduler scheduler) {

  /** The real file system and clock and a new daemon-thread scheduler (its thread starts on first use). */
  public static LogServices system() {
    return new LogServices(FileIo.system(), InstantSource.system(), LogScheduler.daemonThread());
  }
}
