package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.Change;
import io.eddy.engine.Subscription;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.sink.ViewStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscription to a view store: its contents at subscription time as +n changes, then every
 * delta in order. Changes queue up without bound until polled (a slow reader costs memory, never
 * loses changes). {@code onClose} releases what the subscription owns (e.g. an ad-hoc query).
 */
final class SubscriptionImpl implements Subscription {
  private static final Change CLOSED = new Change(-1, 0, null);

  private final RowType columns;
  private final LinkedBlockingQueue<Change> queue = new LinkedBlockingQueue<>();
  private final Runnable unsubscribe;
  private final Runnable onClose;
  private volatile boolean closed;

  SubscriptionImpl(ViewStore store, StandingQuery query, Runnable onClose) {
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("_time", SqlType.of(TypeKind.BIGINT).withNullable(false)));
    cols.add(new Column("_diff", SqlType.of(TypeKind.BIGINT).withNullable(false)));
    cols.addAll(store.type().columns());
    this.columns = new RowType(cols);
    this.onClose = onClose;
    this.unsubscribe = store.subscribe(initial -> {
      long t = query.time();
      for (Map.Entry<Row, Long> e : initial.entrySet()) {
        queue.add(new Change(t, e.getValue(), e.getKey().values()));
      }
    }, batch -> enqueue(batch, query.time()));
  }

  private void enqueue(ZBatch batch, long time) {
    for (int r = 0; r < batch.size(); r++) {
      if (batch.weight(r) != 0) {
        queue.add(new Change(time, batch.weight(r), batch.row(r)));
      }
    }
  }

  @Override
  public RowType columns() {
    return columns;
  }

  @Override
  public Change poll(long timeout, TimeUnit unit) throws InterruptedException {
    if (closed && queue.isEmpty()) {
      throw new EddyException(ErrorCode.CANCELLED, "the subscription was closed");
    }
    Change c = queue.poll(timeout, unit);
    if (c == CLOSED || (c == null && closed)) {
      throw new EddyException(ErrorCode.CANCELLED, "the subscription was closed");
    }
    return c;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    unsubscribe.run();
    onClose.run();
    queue.add(CLOSED);
  }
}
