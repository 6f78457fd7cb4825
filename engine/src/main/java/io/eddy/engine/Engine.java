package io.eddy.engine;

import io.eddy.common.error.EddyException;

/**
 * An embedded Eddy instance over one data directory. Owns the catalog, the log and every running
 * standing query; closing it stops them all. Thread-safe: sessions may be used from different
 * threads (one thread per session).
 */
public final class Engine implements AutoCloseable {

  private Engine(EngineConfig config) {
  }

  public static Engine open(EngineConfig config) {
    throw new EddyException(io.eddy.common.error.ErrorCode.UNSUPPORTED, "engine not built yet");
  }

  public Session openSession() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
  }
}
