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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a table's changelog into Z-set deltas of its contents. An input row with positive weight
 * is an upsert of the full row (insert, or replace the row with the same primary key); a row
 * with negative weight deletes the row with its key (the other columns are ignored); weight 0 is
 * ignored, and the magnitude of a weight does not matter. Rows apply in batch order. Emits
 * (new, +1) on insert, (old, -1) and (new, +1) on replace, (old, -1) on delete of a present key,
 * and nothing for a delete of an absent key or an upsert of an identical row.
 *
 * <p>State: key -> current row. Driven by one thread; {@link #stateSize()} may be read from any.
 */
public final class UpsertOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ROW = 64;

  private final RowType type;
  private final int[] keyColumns;
  private final Map<Row, Row> rows = new HashMap<>();
  private volatile long stateRows;
  private Emitter out;

  public UpsertOperator(RowType type, int[] keyColumns) {
    this.type = type;
    this.keyColumns = keyColumns.clone();
    for (int k : keyColumns) {
      if (k < 0 || k >= type.size()) {
        throw new IllegalArgumentException("key column " + k + " out of range for " + type.size() + " columns");
      }
    }
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch b) {
    BatchBuilder changes = new BatchBuilder(type, b.size() * 2);
    for (int r = 0; r < b.size(); r++) {
      long w = b.weight(r);
      if (w == 0) {
        continue;
      }
      Row key = Row.project(b, r, keyColumns);
      Row old;
      if (w > 0) {
        Row now = Row.from(b, r);
        old = rows.put(key, now);
        if (now.equals(old)) {
          continue;
        }
        changes.addRow(b, r, 1);
      } else {
        old = rows.remove(key);
      }
      if (old != null) {
        changes.addRow(old.values(), -1);
      }
    }
    stateRows = rows.size();
    if (changes.size() > 0) {
      out.emit(changes.build());
    }
  }

  @Override
  public StateSize stateSize() {
    long n = stateRows;
    return new StateSize(n, n * (BYTES_PER_ROW + 16L * type.size()));
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(keyColumns);
  }

  @Override
  public String describe() {
    return "Upsert(key=" + Arrays.toString(keyColumns) + ")";
  }

  /** Key -> current row of every present key. */
  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(rows.size());
    rows.forEach((k, r) -> out.writeRow(k).writeRow(r));
  }

  @Override
  public void restore(StateInput in) {
    rows.clear();
    for (int i = in.readCount(); i > 0; i--) {
      rows.put(in.readRow(), in.readRow());
    }
    stateRows = rows.size();
  }
}
