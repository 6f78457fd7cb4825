package io.eddy.engine.internal;

import io.eddy.exec.sink.ViewStore;

/** A view's or table's running query and the store it keeps up to date. */
public record Materialized(StandingQuery query, ViewStore store) implements AutoCloseable {
  @Override
  public void close() {
    query.close();
  }
}
