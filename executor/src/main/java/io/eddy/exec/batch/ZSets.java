package io.eddy.exec.batch;

import io.eddy.common.type.RowType;
import java.util.HashMap;
import java.util.Map;

/**
 * The Z-set algebra over rows: a Z-set is a map from row to non-zero weight (absent rows weigh 0).
 * {@link #consolidate} turns a delta batch into its Z-set, {@link #plus} adds, {@link #negate}
 * negates; {@link #toBatch} goes back to a columnar delta. Maps returned are fresh and mutable;
 * they never hold a zero weight. Stateless and thread-safe.
 */
public final class ZSets {
  private ZSets() {}

  /** The batch's rows with their summed weights, zeros dropped. */
  public static Map<Row, Long> consolidate(ZBatch b) {
    Map<Row, Long> out = new HashMap<>();
    addInto(out, b);
    return out;
  }

  /** Adds a delta into an accumulated Z-set in place (integration), dropping rows that reach 0. */
  public static void addInto(Map<Row, Long> acc, ZBatch b) {
    for (int r = 0; r < b.size(); r++) {
      addInto(acc, Row.from(b, r), b.weight(r));
    }
  }

  /** Adds weight {@code w} of {@code row} into {@code acc} in place, dropping the row at 0. */
  public static void addInto(Map<Row, Long> acc, Row row, long w) {
    if (w != 0) {
      acc.merge(row, w, (x, y) -> x + y == 0 ? null : x + y);
    }
  }

  /** {@code a + b}. */
  public static Map<Row, Long> plus(Map<Row, Long> a, Map<Row, Long> b) {
    Map<Row, Long> out = new HashMap<>(a);
    b.forEach((row, w) -> addInto(out, row, w));
    return out;
  }

  /** {@code -a}. */
  public static Map<Row, Long> negate(Map<Row, Long> a) {
    Map<Row, Long> out = new HashMap<>(a.size() * 2);
    a.forEach((row, w) -> out.put(row, -w));
    return out;
  }

  /** The same rows with negated weights; shares the column arrays of {@code b}. */
  public static ZBatch negate(ZBatch b) {
    Object[] cols = new Object[b.arity()];
    long[][] nulls = new long[b.arity()][];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = b.column(c);
      nulls[c] = b.nulls(c);
    }
    long[] w = new long[b.size()];
    for (int r = 0; r < w.length; r++) {
      w[r] = -b.weight(r);
    }
    return new ZBatch(b.type(), b.size(), cols, nulls, w);
  }

  /** A batch holding each row of {@code z} once with its weight (in the map's iteration order). */
  public static ZBatch toBatch(RowType type, Map<Row, Long> z) {
    BatchBuilder out = new BatchBuilder(type, z.size());
    z.forEach((row, w) -> {
      for (int c = 0; c < row.arity(); c++) {
        out.set(c, row.get(c));
      }
      out.endRow(w);
    });
    return out.build();
  }
}
