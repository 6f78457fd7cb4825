package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Change;
import io.eddy.engine.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.calcite.avatica.Meta.Frame;

/**
 * Cuts a {@link Subscription} into Avatica frames, on demand only: {@link #next} blocks until at
 * least one change has arrived, then adds whatever further changes are already waiting (up to the
 * fetch size) without waiting for more. Nothing is fetched ahead of the caller. A frame row is
 * {@code Object[] {_time, _diff, view columns...}}.
 *
 * <p>Not thread-safe: one reader. {@link Subscription#close()} from another thread ends a blocked
 * {@code next} with a {@code CANCELLED} error, as does the {@code cancelled} flag.
 */
final class SubscriptionFrames {
  private static final long POLL_MILLIS = 100;

  private final Subscription subscription;
  private final BooleanSupplier cancelled;
  private long offset;

  SubscriptionFrames(Subscription subscription, BooleanSupplier cancelled) {
    this.subscription = subscription;
    this.cancelled = cancelled;
  }

  /** The next frame, starting at row {@code offset}, of at most {@code maxRows} rows (at least 1). */
  Frame next(long offset, int maxRows) {
    return next(offset, maxRows, Long.MAX_VALUE);
  }

  /**
   * Like {@link #next(long, int)}, but waits at most {@code waitMillis} for the first change and
   * returns an empty frame that is not done when none came (a long poll: the caller asks again).
   */
  Frame next(long offset, int maxRows, long waitMillis) {
    if (offset != this.offset) {
      throw new EddyException(ErrorCode.UNSUPPORTED, "a subscription can only be read forward "
          + "(asked for row " + offset + ", next is " + this.offset + ")");
    }
    int limit = maxRows <= 0 ? Integer.MAX_VALUE : maxRows;
    List<Object> rows = new ArrayList<>();
    Change first = awaitChange(waitMillis);
    if (first == null) {
      return new Frame(offset, false, rows);
    }
    rows.add(toRow(first));
    Change more;
    while (rows.size() < limit && (more = poll(0)) != null) {
      rows.add(toRow(more));
    }
    this.offset += rows.size();
    return new Frame(offset, false, rows);
  }

  private Change awaitChange(long waitMillis) {
    long deadline = waitMillis == Long.MAX_VALUE ? Long.MAX_VALUE
        : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    while (true) {
      if (cancelled.getAsBoolean()) {
        subscription.close();
        throw new EddyException(ErrorCode.CANCELLED, "statement cancelled");
      }
      long left = deadline == Long.MAX_VALUE ? POLL_MILLIS
          : Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      if (left <= 0) {
        return null;
      }
      Change change = poll(left);
      if (change != null) {
        return change;
      }
    }
  }

  private Change poll(long millis) {
    try {
      return subscription.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      subscription.close();
      throw new EddyException(ErrorCode.CANCELLED, "interrupted while waiting for a change");
    }
  }

  private static Object[] toRow(Change change) {
    Object[] row = new Object[change.row().length + 2];
    row[0] = change.time();
    row[1] = change.diff();
    System.arraycopy(change.row(), 0, row, 2, change.row().length);
    return row;
  }
}
