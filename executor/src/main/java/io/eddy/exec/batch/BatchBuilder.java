package io.eddy.exec.batch;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.log.format.FieldSink;
import java.util.Arrays;

/**
 * Builds a {@link ZBatch} row by row without boxing. Either set fields of the current row with the
 * typed setters (or as a {@link FieldSink}, so a log record decodes straight into columns) and
 * then {@link #endRow(long)}, or {@link #addRow(Object[], long)} for boxed values. Not
 * thread-safe. After {@link #build()} the builder starts afresh with new arrays.
 *
 * <p>A builder may leave columns out (a source that does not decode them): an omitted column is
 * NULL in every row, is never given a value (a {@link #nullField} of it is ignored), and costs
 * nothing per row; the batches built share one immutable zero array and all-NULL bit set for it.
 */
public final class BatchBuilder implements FieldSink {
  private final RowType type;
  private final TypeKind[] kinds;
  /** Per column, whether it is left out; null: none is. */
  private final boolean[] omitted;
  /** The shared columns and bit sets of the omitted columns, at least {@link #capacity} long. */
  private Object[] omittedColumns;
  private long[] allNull;
  private Object[] columns;
  private long[][] nulls;
  private long[] weights;
  private int size;
  private int capacity;
  /** The capacity the next growth jumps to at least (the size of the last batch built), or 0. */
  private int regrowTo;

  public BatchBuilder(RowType type, int initialCapacity) {
    this(type, initialCapacity, null);
  }

  /** A builder of the columns whose {@code read} entry is true, the others omitted ({@code read} null: all). */
  public BatchBuilder(RowType type, int initialCapacity, boolean[] read) {
    this.type = type;
    this.kinds = new TypeKind[type.size()];
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] = type.type(c).kind();
    }
    if (read != null && read.length != kinds.length) {
      throw new IllegalArgumentException(read.length + " read flags for " + kinds.length + " columns");
    }
    boolean any = false;
    this.omitted = new boolean[kinds.length];
    for (int c = 0; read != null && c < kinds.length; c++) {
      omitted[c] = !read[c];
      any |= !read[c];
    }
    this.omittedColumns = any ? new Object[kinds.length] : null;
    reset(Math.max(initialCapacity + 1, 4)); // + 1: the room kept after the last row (see ensureRow)
  }

  public BatchBuilder(RowType type) {
    this(type, 64);
  }

  private void reset(int cap) {
    capacity = cap;
    columns = new Object[kinds.length];
    for (int c = 0; c < kinds.length; c++) {
      columns[c] = omitted[c] ? null : ZBatch.newColumn(kinds[c], cap);
    }
    nulls = new long[kinds.length][];
    weights = new long[cap];
    size = 0;
  }

  public RowType type() {
    return type;
  }

  public int size() {
    return size;
  }

  /**
   * Makes room for {@code rows} more rows at once: a reused builder told how large its next batch
   * will be allocates that much before the first row instead of growing (and copying) on the way.
   */
  public void expect(int rows) {
    int cap = rows + 1; // + 1: the room kept after the last row (see ensureRow)
    if (size == 0 && cap > capacity) {
      reset(cap);
      regrowTo = 0;
    }
  }

  /** Keeps the invariant {@code size < capacity}, so the current row always has room. */
  private void ensureRow() {
    if (size < capacity) {
      return;
    }
    int cap = Math.max(capacity * 2, regrowTo);
    regrowTo = 0;
    for (int c = 0; c < columns.length; c++) {
      if (omitted[c]) {
        continue;
      }
      columns[c] = grow(columns[c], cap);
      if (nulls[c] != null) {
        nulls[c] = Arrays.copyOf(nulls[c], (cap + 63) >>> 6);
      }
    }
    weights = Arrays.copyOf(weights, cap);
    capacity = cap;
  }

  static Object grow(Object col, int cap) {
    if (col instanceof long[] a) {
      return Arrays.copyOf(a, cap);
    } else if (col instanceof int[] a) {
      return Arrays.copyOf(a, cap);
    } else if (col instanceof double[] a) {
      return Arrays.copyOf(a, cap);
    } else if (col instanceof boolean[] a) {
      return Arrays.copyOf(a, cap);
    }
    return Arrays.copyOf((Object[]) col, cap);
  }

  @Override
  public void nullField(int c) {
    if (omitted[c]) {
      return;
    }
    long[] n = nulls[c];
    if (n == null) {
      n = nulls[c] = new long[(capacity + 63) >>> 6];
    }
    n[size >>> 6] |= 1L << size;
    if (columns[c] instanceof Object[] a) {
      a[size] = null;
    }
  }

  @Override
  public void booleanField(int c, boolean v) {
    ((boolean[]) columns[c])[size] = v;
  }

  @Override
  public void intField(int c, int v) {
    ((int[]) columns[c])[size] = v;
  }

  @Override
  public void longField(int c, long v) {
    ((long[]) columns[c])[size] = v;
  }

  @Override
  public void doubleField(int c, double v) {
    ((double[]) columns[c])[size] = v;
  }

  @Override
  public void objectField(int c, Object v) {
    if (v == null) {
      nullField(c);
    } else {
      ((Object[]) columns[c])[size] = v;
    }
  }

  /** Sets field {@code c} of the current row from a boxed value (per {@link TypeKind}), or null. */
  public void set(int c, Object v) {
    if (v == null) {
      nullField(c);
      return;
    }
    switch (kinds[c]) {
      case BIGINT, TIMESTAMP -> longField(c, ((Number) v).longValue());
      case INT, DATE -> intField(c, ((Number) v).intValue());
      case DOUBLE -> doubleField(c, ((Number) v).doubleValue());
      case BOOLEAN -> booleanField(c, (Boolean) v);
      default -> objectField(c, v);
    }
  }

  /** Whether column {@code c} is left out (see the class comment). */
  public boolean omits(int c) {
    return omitted[c];
  }

  /**
   * Copies field {@code c} of {@code row} in {@code from} (same kind) into field {@code to} of the
   * current row; nothing when column {@code to} is left out.
   */
  public void copy(ZBatch from, int c, int row, int to) {
    if (omitted[to]) {
      return;
    }
    if (from.isNull(c, row)) {
      nullField(to);
      return;
    }
    Object col = from.column(c);
    if (col instanceof long[] a) {
      longField(to, a[row]);
    } else if (col instanceof int[] a) {
      intField(to, a[row]);
    } else if (col instanceof double[] a) {
      doubleField(to, a[row]);
    } else if (col instanceof boolean[] a) {
      booleanField(to, a[row]);
    } else {
      objectField(to, ((Object[]) col)[row]);
    }
  }

  /** Forgets the fields set for the current row (e.g. after its expression failed). */
  public void abortRow() {
    for (long[] n : nulls) {
      if (n != null) {
        n[size >>> 6] &= ~(1L << size);
      }
    }
  }

  /** Finishes the current row with weight {@code w}. */
  public void endRow(long w) {
    weights[size++] = w;
    ensureRow();
  }

  public void addRow(Object[] values, long w) {
    for (int c = 0; c < values.length; c++) {
      set(c, values[c]);
    }
    endRow(w);
  }

  /** Appends row {@code row} of a batch with the same type, with weight {@code w}. */
  public void addRow(ZBatch from, int row, long w) {
    for (int c = 0; c < kinds.length; c++) {
      copy(from, c, row, c);
    }
    endRow(w);
  }

  public ZBatch build() {
    if (omittedColumns != null) {
      fillOmitted();
    }
    ZBatch b = new ZBatch(type, size, columns, nulls, weights);
    // A builder used again likely builds batches of about this size: its first growth goes
    // straight there, an eighth more (within bounds), not to the next power of two (up to twice
    // the rows, each array zeroed). Nothing large is allocated before then: most builders build once.
    regrowTo = Math.min(size + (size >>> 3) + 2, 1 << 16);
    reset(16);
    return b;
  }

  /** Gives the omitted columns their shared NULL column, grown when the batch outgrew it. */
  private void fillOmitted() {
    if (allNull == null || allNull.length << 6 < size) {
      allNull = new long[(capacity + 63) >>> 6];
      Arrays.fill(allNull, -1L);
      Arrays.fill(omittedColumns, null);
    }
    for (int c = 0; c < kinds.length; c++) {
      if (omitted[c]) {
        if (omittedColumns[c] == null) {
          omittedColumns[c] = ZBatch.newColumn(kinds[c], allNull.length << 6);
        }
        columns[c] = omittedColumns[c];
        nulls[c] = allNull;
      }
    }
  }
}
