package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The engines a driver instance has open, one per canonical data directory, reference-counted by
 * the connections using them: the first connection to a directory opens its engine, the last one
 * to close closes it. Thread-safe (all methods synchronize on the registry).
 */
final class EngineRegistry {
  private final EngineOpener opener;
  private final Map<Path, Entry> open = new HashMap<>();

  EngineRegistry(EngineOpener opener) {
    this.opener = opener;
  }

  /** A reference to a shared engine; {@link #release()} exactly once. */
  interface Lease {
    EngineHandle engine();

    void release();
  }

  /** Opens (or shares) the engine of {@code dir}; the directory is created if missing. */
  synchronized Lease acquire(Path dir) {
    Path key = canonical(dir);
    Entry entry = open.get(key);
    if (entry == null) {
      entry = new Entry(key, opener.open(key));
      open.put(key, entry);
    }
    entry.references++;
    return entry.lease();
  }

  /** How many engines are open now (for tests and diagnostics). */
  synchronized int openEngines() {
    return open.size();
  }

  private synchronized void release(Entry entry) {
    if (--entry.references == 0) {
      open.remove(entry.dir);
      entry.engine.close();
    }
  }

  private static Path canonical(Path dir) {
    try {
      Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new EddyException(ErrorCode.CONFIG,
          "cannot use data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private final class Entry {
    final Path dir;
    final EngineHandle engine;
    int references;

    Entry(Path dir, EngineHandle engine) {
      this.dir = dir;
      this.engine = engine;
    }

    Lease lease() {
      return new Lease() {
        private boolean released;

        @Override
        public EngineHandle engine() {
          return engine;
        }

        @Override
        public void release() {
          synchronized (EngineRegistry.this) {
            if (!released) {
              released = true;
              EngineRegistry.this.release(Entry.this);
            }
          }
        }
      };
    }
  }
}
