package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;

/**
 * A {@link BatchCalc} that only selects and reorders columns (no condition, no computed value): the
 * output batch shares the input's column arrays, null sets and weights, so it costs nothing per
 * row. Safe because batches are immutable once built. Stateless and thread-safe.
 */
public final class ColumnProjection implements BatchCalc {
  private final RowType output;
  private final int[] columns;

  /** Output column {@code i} is input column {@code columns[i]}, of the same kind. */
  public ColumnProjection(RowType output, int[] columns) {
    if (output.size() != columns.length) {
      throw new IllegalArgumentException("output has " + output.size() + " columns, projection " + columns.length);
    }
    this.output = output;
    this.columns = columns.clone();
  }

  @Override
  public ZBatch apply(ZBatch in) {
    Object[] cols = new Object[columns.length];
    long[][] nulls = new long[columns.length][];
    for (int i = 0; i < columns.length; i++) {
      cols[i] = in.column(columns[i]);
      nulls[i] = in.nulls(columns[i]);
    }
    return new ZBatch(output, in.size(), cols, nulls, in.weights());
  }
}
