package io.eddy.jdbc;

import io.eddy.engine.Session;

/**
 * What the driver needs from an embedded engine: sessions, and a close once the last connection
 * using it is gone. Thread-safe, as {@link io.eddy.engine.Engine} is.
 */
public interface EngineHandle extends AutoCloseable {

  /** Opens a new session; each JDBC connection owns one. */
  Session openSession();

  @Override
  void close();
}
