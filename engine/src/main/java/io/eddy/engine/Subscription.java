package io.eddy.engine;

import io.eddy.common.type.RowType;
import java.util.concurrent.TimeUnit;

/**
 * A push result: first the view's current contents as +1 changes, then every change as it
 * happens. {@link #columns()} starts with {@code _time BIGINT} and {@code _diff BIGINT}.
 * {@link #poll} may be called from one thread while another calls {@link #close}.
 */
public non-sealed interface Subscription extends Result, AutoCloseable {
  RowType columns();

  /**
   * Waits up to the timeout for the next change; null on timeout. Throws {@code CANCELLED} once
   * closed.
   */
  Change poll(long timeout, TimeUnit unit) throws InterruptedException;

  boolean isClosed();

  @Override
  void close();
}
