package io.eddy.exec.sink;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Emitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The materialized contents of a view: a consolidated multiset of rows (row -> positive weight),
 * fed with the view circuit's output deltas, read by snapshots and fanned out to subscribers.
 * Thread-safe: one writer (the query thread) and any number of readers.
 */
public final class ViewStore implements Emitter {
  private final RowType type;
  private final Map<Row, Long> rows = new HashMap<>();
  private final List<Consumer<ZBatch>> subscribers = new CopyOnWriteArrayList<>();

  public ViewStore(RowType type) {
    this.type = type;
  }

  public RowType type() {
    return type;
  }

  @Override
  public synchronized void emit(ZBatch batch) {
    ZSets.addInto(rows, batch);
    for (Consumer<ZBatch> s : subscribers) {
      s.accept(batch);
    }
  }

  /** The current rows, each repeated by its weight. */
  public synchronized List<Object[]> snapshot() {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Map.Entry<Row, Long> e : rows.entrySet()) {
      for (long i = 0; i < e.getValue(); i++) {
        out.add(e.getKey().values());
      }
    }
    return out;
  }

  /** The current contents as weighted rows (a consolidated Z-set). */
  public synchronized Map<Row, Long> contents() {
    return new HashMap<>(rows);
  }

  /**
   * Atomically: hands the current contents to {@code initial}, then registers {@code changes}
   * for every later delta. Returns the handle that unregisters.
   */
  public synchronized Runnable subscribe(Consumer<Map<Row, Long>> initial, Consumer<ZBatch> changes) {
    initial.accept(new HashMap<>(rows));
    subscribers.add(changes);
    return () -> subscribers.remove(changes);
  }

  public synchronized long size() {
    long n = 0;
    for (long w : rows.values()) {
      n += w;
    }
    return n;
  }

  /** Writes the contents (row, weight) for a checkpoint. */
  public synchronized void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeInt(rows.size());
    rows.forEach((r, w) -> out.writeRow(r).writeLong(w));
  }

  /**
   * Replaces the contents with what {@link #snapshot} wrote; subscribers are not told (restoring
   * happens before any can subscribe).
   */
  public synchronized void restore(io.eddy.exec.state.StateInput in) {
    rows.clear();
    for (int i = in.readCount(); i > 0; i--) {
      rows.put(in.readRow(), in.readLong());
    }
  }

  /** Count of rows whose weight went negative (a bug upstream if ever non-zero). */
  public synchronized long negativeWeights() {
    long n = 0;
    for (long w : rows.values()) {
      if (w < 0) {
        n++;
      }
    }
    return n;
  }
}
