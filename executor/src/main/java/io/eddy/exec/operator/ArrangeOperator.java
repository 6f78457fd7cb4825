package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.Arrays;
import java.util.Map;

/**
 * One node's rows indexed by join key (an <em>arrangement</em>), shared by several
 * {@link JoinOperator} inputs that would otherwise each keep the same index: the inputs of a
 * self-join, or joins of one sub-expression on the same key columns. It passes every batch on
 * unchanged to its readers (only join inputs read it; each binds itself with {@link #addReader()}).
 *
 * <p>Timing: while a batch is being delivered it is <em>pending</em>. A reader sees the index as
 * its own private index would be: {@link #forEach} with {@code includePending} true (the reader has
 * received the pending batch) adds the pending rows to the state before the batch, false (it has
 * not yet) gives the state before the batch. Once the batch has reached every reader (the emit
 * returns; circuits deliver synchronously, depth first, and a node cannot emit again while its own
 * batch is still being delivered) it is merged into the state. So {@code Δ(A⋈B) = ΔA⋈B + A⋈ΔB +
 * ΔA⋈ΔB} holds for every reader exactly as with private indexes. Rows with a NULL key (for key
 * columns where NULL matches nothing) are not indexed.
 *
 * <p>Driven by one thread; {@link #stateSize()} may be read from any thread.
 */
public final class ArrangeOperator implements Operator, Checkpointable {
  /** Receives one indexed row (entry {@code id} of {@code index}) and its multiplicity. */
  @FunctionalInterface
  interface EntryVisitor {
    void entry(JoinIndex index, int id, long weight);
  }

  private final int[] columns;
  private final boolean[] nullsEqual;
  private final JoinIndex state;
  private final JoinIndex pending;
  private long generation;
  private boolean delivering;
  private int readers;
  private volatile StateSize size = StateSize.NONE;
  private Emitter out;

  /**
   * @param columns the key columns of the input rows
   * @param nullsEqual per key column, whether NULL matches NULL ({@code IS NOT DISTINCT FROM})
   */
  public ArrangeOperator(RowType type, int[] columns, boolean[] nullsEqual) {
    if (columns.length != nullsEqual.length) {
      throw new IllegalArgumentException("key columns and NULL flags differ in length");
    }
    this.columns = columns.clone();
    this.nullsEqual = nullsEqual.clone();
    this.state = new JoinIndex(type, columns, false);
    this.pending = new JoinIndex(type, columns, false);
  }

  /** Whether this arrangement indexes by {@code columns} with the same NULL matching. */
  public boolean indexes(int[] columns, boolean[] nullsEqual) {
    return Arrays.equals(this.columns, columns) && Arrays.equals(this.nullsEqual, nullsEqual);
  }

  /** Registers one more join input reading this arrangement (for EXPLAIN). */
  void addReader() {
    readers++;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    if (delivering) {
      throw new IllegalStateException("arrangement received a batch while delivering one");
    }
    Row[] rows = new Row[batch.size()];
    Row[] keys = new Row[rows.length];
    for (int r = 0; r < rows.length; r++) {
      Row row = Row.from(batch, r);
      Row key = JoinKeys.of(row, columns, nullsEqual);
      if (key != null && batch.weight(r) != 0) {
        pending.add(key, row, batch.weight(r), 0);
        rows[r] = row;
        keys[r] = key;
      }
    }
    generation++;
    delivering = true;
    try {
      out.emit(batch);
    } finally {
      delivering = false;
    }
    for (int r = 0; r < rows.length; r++) {
      if (keys[r] != null) {
        state.add(keys[r], rows[r], batch.weight(r), 0);
      }
    }
    pending.clear();
    size = new StateSize(state.entries(), state.bytes());
  }

  /** Identifies the batch being delivered: a reader that received it records this number. */
  long generation() {
    return generation;
  }

  /**
   * Visits the rows under {@code key} with their multiplicity: the state before the pending batch,
   * plus the pending batch when {@code includePending} (the reader has already received it).
   */
  void forEach(Row key, boolean includePending, EntryVisitor visitor) {
    if (!includePending || !delivering) {
      for (int e = state.first(key); e >= 0; e = state.next(e)) {
        visitor.entry(state, e, state.weight(e));
      }
      return;
    }
    for (int e = state.first(key); e >= 0; e = state.next(e)) {
      int p = pending.find(state.row(e));
      long w = state.weight(e) + (p < 0 ? 0 : pending.weight(p));
      if (w != 0) {
        visitor.entry(state, e, w);
      }
    }
    for (int p = pending.first(key); p >= 0; p = pending.next(p)) {
      if (state.find(pending.row(p)) < 0) {
        visitor.entry(pending, p, pending.weight(p));
      }
    }
  }

  @Override
  public String stateBound() {
    return "unbounded: grows with its input";
  }

  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public void snapshot(StateOutput out) {
    state.snapshot(out);
  }

  @Override
  public void restore(StateInput in) {
    state.restore(in);
    size = new StateSize(state.entries(), state.bytes());
  }

  @Override
  public String describe() {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      keys.append(i == 0 ? "$" : ", $").append(columns[i]).append(nullsEqual[i] ? " (nulls match)" : "");
    }
    return "Arrange(keys=[" + keys + "], shared by " + readers + " join inputs)";
  }
}
