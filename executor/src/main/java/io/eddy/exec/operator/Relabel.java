package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;

/** Gives a batch another row type with the same column representations (names/nullability differ). */
final class Relabel {
  private Relabel() {}

  static ZBatch as(RowType type, ZBatch b) {
    if (b.type().equals(type)) {
      return b;
    }
    boolean sameKinds = true;
    for (int c = 0; c < type.size(); c++) {
      sameKinds &= type.type(c).kind() == b.type().type(c).kind();
    }
    if (sameKinds) {
      Object[] cols = new Object[b.arity()];
      long[][] nulls = new long[b.arity()][];
      for (int c = 0; c < cols.length; c++) {
        cols[c] = b.column(c);
        nulls[c] = b.nulls(c);
      }
      return new ZBatch(type, b.size(), cols, nulls, b.weights());
    }
    BatchBuilder out = new BatchBuilder(type, b.size());
    for (int r = 0; r < b.size(); r++) {
      for (int c = 0; c < type.size(); c++) {
        out.set(c, b.get(c, r));
      }
      out.endRow(b.weight(r));
    }
    return out.build();
  }
}
