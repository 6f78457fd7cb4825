package io.eddy.engine.script;

import io.eddy.common.type.RowType;
import io.eddy.engine.Change;
import io.eddy.engine.Subscription;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscription fed by the test through {@link #push}. */
final class FakeSubscription implements Subscription {
  private final RowType columns;
  private final LinkedBlockingQueue<Change> queue = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  FakeSubscription(RowType columns) {
    this.columns = columns;
  }

  FakeSubscription push(long time, long diff, Object... row) {
    queue.add(new Change(time, diff, row));
    return this;
  }

  @Override
  public RowType columns() {
    return columns;
  }

  @Override
  public Change poll(long timeout, TimeUnit unit) throws InterruptedException {
    return queue.poll(timeout, unit);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
