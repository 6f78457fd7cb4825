package io.eddy.jdbc;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.avatica.Meta.Frame;

/**
 * An iterator over frames that fetches the next frame only when the caller asks whether there is
 * another row and the current frame is used up. Unlike Avatica's own fetch iterator it never
 * fetches after handing out a row, so a blocking fetch (a subscription waiting for its next
 * change) never delays the row the caller already has. Closing it runs the given close action.
 * Not thread-safe.
 */
final class OnDemandRows implements Iterator<Object>, AutoCloseable {

  /** Fetches the frame starting at row {@code offset}. */
  @FunctionalInterface
  interface FrameSource {
    Frame fetch(long offset);
  }

  private final FrameSource source;
  private final Runnable onClose;
  private Iterator<Object> rows = Collections.emptyIterator();
  private boolean done;
  private long offset;

  OnDemandRows(FrameSource source, Runnable onClose) {
    this.source = source;
    this.onClose = onClose;
  }

  @Override
  public boolean hasNext() {
    while (!rows.hasNext()) {
      if (done) {
        return false;
      }
      Frame frame = source.fetch(offset);
      done = frame.done;
      rows = frame.rows.iterator();
    }
    return true;
  }

  @Override
  public Object next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    offset++;
    return rows.next();
  }

  @Override
  public void close() {
    done = true;
    rows = Collections.emptyIterator();
    onClose.run();
  }
}
