package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * INTERSECT and EXCEPT, with or without ALL, over any number of inputs (one port each), by keeping
 * per distinct row its multiplicity in every input. A row's output multiplicity is, with counts
 * {@code c0, c1, ...}: INTERSECT ALL {@code min(ci)}, INTERSECT {@code 1} if every {@code ci > 0},
 * EXCEPT ALL {@code max(c0 - c1 - ..., 0)}, EXCEPT {@code 1} if {@code c0 > 0} and every other
 * {@code ci == 0}. After each batch the change of every touched row's output multiplicity is
 * emitted. Inputs are re-labelled with the output type first (same kinds, or converted by value).
 *
 * <p>Driven by one thread; {@link #stateSize()} may be read from any thread.
 */
public final class SetOpOperator implements Operator, Checkpointable {
  /** Which set operation. */
  public enum Kind { INTERSECT, EXCEPT }

  private static final long BYTES_PER_ROW = 80;

  private final RowType type;
  private final Kind kind;
  private final boolean all;
  private final int inputs;
  private final Map<Row, long[]> counts = new HashMap<>();
  private volatile long stateRows;
  private Emitter out;

  public SetOpOperator(RowType type, Kind kind, boolean all, int inputs) {
    if (inputs < 2) {
      throw new IllegalArgumentException(kind + " needs at least 2 inputs, got " + inputs);
    }
    this.type = type;
    this.kind = kind;
    this.all = all;
    this.inputs = inputs;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    ZBatch b = Relabel.as(type, batch);
    Map<Row, Long> before = new LinkedHashMap<>();
    for (int r = 0; r < b.size(); r++) {
      if (b.weight(r) == 0) {
        continue;
      }
      Row row = Row.from(b, r);
      long[] c = counts.computeIfAbsent(row, k -> new long[inputs]);
      before.computeIfAbsent(row, k -> output(c));
      c[port] += b.weight(r);
    }
    BatchBuilder changes = new BatchBuilder(type, before.size());
    before.forEach((row, old) -> {
      long[] c = counts.get(row);
      long now = output(c);
      if (now != old) {
        changes.addRow(row.values(), now - old);
      }
      if (isEmpty(c)) {
        counts.remove(row);
      }
    });
    stateRows = counts.size();
    if (changes.size() > 0) {
      out.emit(changes.build());
    }
  }

  private long output(long[] c) {
    if (kind == Kind.INTERSECT) {
      long min = Long.MAX_VALUE;
      for (long x : c) {
        min = Math.min(min, x);
      }
      return all ? Math.max(min, 0) : min > 0 ? 1 : 0;
    }
    long rest = 0;
    for (int i = 1; i < c.length; i++) {
      rest += Math.max(c[i], 0);
    }
    return all ? Math.max(c[0] - rest, 0) : c[0] > 0 && rest == 0 ? 1 : 0;
  }

  private static boolean isEmpty(long[] c) {
    for (long x : c) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public StateSize stateSize() {
    long n = stateRows;
    return new StateSize(n, n * (BYTES_PER_ROW + 8L * inputs + 16L * type.size()));
  }

  @Override
  public Partitioning partitioning(int port) {
    int[] all = new int[type.size()];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
    }
    return Partitioning.keyed(all);
  }

  @Override
  public String describe() {
    return (kind == Kind.INTERSECT ? "Intersect" : "Except") + (all ? "All" : "") + "(" + inputs + " inputs)";
  }

  /** Per distinct row, its multiplicity in every input. */
  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(counts.size());
    counts.forEach((row, c) -> {
      out.writeRow(row);
      for (long x : c) {
        out.writeLong(x);
      }
    });
  }

  @Override
  public void restore(StateInput in) {
    counts.clear();
    for (int i = in.readCount(); i > 0; i--) {
      Row row = in.readRow();
      long[] c = new long[inputs];
      for (int p = 0; p < inputs; p++) {
        c[p] = in.readLong();
      }
      counts.put(row, c);
    }
    stateRows = counts.size();
  }
}
