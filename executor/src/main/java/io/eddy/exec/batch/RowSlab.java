package io.eddy.exec.batch;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.util.Arrays;

/**
 * Rows of one {@link RowType} stored column by column at int slots, in the arrays a {@link ZBatch}
 * uses ({@code long[]} for BIGINT/TIMESTAMP, {@code int[]} for INT/DATE, ... ; a bit set of null
 * slots per column, made when the first NULL arrives). Operator state that holds millions of rows
 * keeps them here instead of as {@link Row}s: one array per column instead of a row, its value
 * array and a box per value, so the garbage collector has nothing per row to trace or copy.
 * VARCHAR values are kept as bytes ({@link TextColumn}) unless the slab is made to keep the
 * strings (when they are referenced elsewhere anyway); DECIMAL values stay objects. The caller
 * allocates slots. Not thread-safe.
 */
public final class RowSlab {
  private final TypeKind[] kinds;
  private final Object[] columns;
  private final long[][] nulls;
  private int capacity;

  public RowSlab(RowType type, int capacity) {
    this(type, capacity, false);
  }

  /** As the two-argument constructor; with {@code keepStrings} VARCHAR values are kept as the strings given. */
  public RowSlab(RowType type, int capacity, boolean keepStrings) {
    this.kinds = new TypeKind[type.size()];
    this.columns = new Object[kinds.length];
    this.nulls = new long[kinds.length][];
    this.capacity = Math.max(capacity, 1);
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] = type.type(c).kind();
      columns[c] = kinds[c] == TypeKind.VARCHAR && !keepStrings ? new TextColumn(this.capacity)
          : ZBatch.newColumn(kinds[c], this.capacity);
    }
  }

  public int capacity() {
    return capacity;
  }

  public int arity() {
    return kinds.length;
  }

  /**
   * An estimate of the bytes one stored row takes: its primitive slots, and for an object value
   * the reference plus a small value (a short string or decimal) it usually points to.
   */
  public int bytesPerRow() {
    int bytes = 0;
    for (TypeKind k : kinds) {
      bytes += switch (k) {
        case BIGINT, TIMESTAMP, DOUBLE -> 8;
        case INT, DATE -> 4;
        case BOOLEAN -> 1;
        case VARCHAR, DECIMAL -> 48;
      };
    }
    return bytes;
  }

  /** Grows every column to at least {@code slots} slots (new slots hold nothing). */
  public void ensureCapacity(int slots) {
    if (slots <= capacity) {
      return;
    }
    int cap = Math.max(slots, capacity + (capacity >> 1));
    for (int c = 0; c < columns.length; c++) {
      if (columns[c] instanceof TextColumn t) {
        t.grow(cap);
      } else {
        columns[c] = BatchBuilder.grow(columns[c], cap);
      }
      if (nulls[c] != null) {
        nulls[c] = Arrays.copyOf(nulls[c], words(cap));
      }
    }
    capacity = cap;
  }

  private static int words(int slots) {
    return (slots + 63) >>> 6;
  }

  /** Stores {@code row} (values per {@link TypeKind}, of this slab's arity) at {@code slot}. */
  public void set(int slot, Row row) {
    for (int c = 0; c < kinds.length; c++) {
      setValue(slot, c, row.get(c));
    }
  }

  /** Stores {@code values} (per {@link TypeKind}, of this slab's arity) at {@code slot}. */
  public void set(int slot, Object[] values) {
    for (int c = 0; c < kinds.length; c++) {
      setValue(slot, c, values[c]);
    }
  }

  /** Stores columns {@code columns} of row {@code row} of {@code b} (same kinds as this slab's) at {@code slot}. */
  public void set(int slot, ZBatch b, int row, int[] columns) {
    for (int c = 0; c < kinds.length; c++) {
      int from = columns[c];
      Object col = b.column(from);
      if (b.isNull(from, row)) {
        markNull(c, slot);
      } else if (col instanceof long[] a) {
        clearNull(c, slot);
        ((long[]) this.columns[c])[slot] = a[row];
      } else if (col instanceof int[] a) {
        clearNull(c, slot);
        ((int[]) this.columns[c])[slot] = a[row];
      } else {
        setValue(slot, c, b.get(from, row));
      }
    }
  }

  private void setValue(int slot, int c, Object v) {
    if (v == null) {
      markNull(c, slot);
      return;
    }
    clearNull(c, slot);
    Object col = columns[c];
    switch (kinds[c]) {
      case BIGINT, TIMESTAMP -> ((long[]) col)[slot] = ((Number) v).longValue();
      case INT, DATE -> ((int[]) col)[slot] = ((Number) v).intValue();
      case DOUBLE -> ((double[]) col)[slot] = ((Number) v).doubleValue();
      case BOOLEAN -> ((boolean[]) col)[slot] = (Boolean) v;
      default -> {
        if (col instanceof TextColumn t) {
          t.set(slot, (String) v);
        } else {
          ((Object[]) col)[slot] = v;
        }
      }
    }
  }

  private void clearNull(int c, int slot) {
    long[] n = nulls[c];
    if (n != null) {
      n[slot >>> 6] &= ~(1L << slot);
    }
  }

  private void markNull(int c, int slot) {
    if (nulls[c] == null) {
      nulls[c] = new long[words(capacity)];
    }
    nulls[c][slot >>> 6] |= 1L << slot;
    if (columns[c] instanceof Object[] a) {
      a[slot] = null;
    } else if (columns[c] instanceof TextColumn t) {
      t.clear(slot);
    }
  }

  /** Frees the values of {@code slot} that take memory of their own (VARCHAR, DECIMAL). */
  public void clear(int slot) {
    for (Object col : columns) {
      if (col instanceof Object[] a) {
        a[slot] = null;
      } else if (col instanceof TextColumn t) {
        t.clear(slot);
      }
    }
  }

  public boolean isNull(int slot, int c) {
    long[] n = nulls[c];
    return n != null && (n[slot >>> 6] & (1L << slot)) != 0;
  }

  /** Whether column {@code c} is BIGINT/TIMESTAMP/INT/DATE, so {@link #getLong} reads it. */
  public boolean isIntegral(int c) {
    return kinds[c].isLongBacked() || kinds[c].isIntBacked();
  }

  /** Column {@code c} of {@code slot} (an {@link #isIntegral} column, not NULL), widened to long. */
  public long getLong(int slot, int c) {
    Object col = columns[c];
    return col instanceof long[] a ? a[slot] : ((int[]) col)[slot];
  }

  /** Column {@code c} of {@code slot}, boxed per {@link TypeKind}, or null. */
  public Object get(int slot, int c) {
    if (isNull(slot, c)) {
      return null;
    }
    return columns[c] instanceof TextColumn t ? t.get(slot) : ZBatch.box(columns[c], slot);
  }

  /** The row at {@code slot}, boxed. */
  public Row row(int slot) {
    Object[] v = new Object[kinds.length];
    for (int c = 0; c < v.length; c++) {
      v[c] = get(slot, c);
    }
    return new Row(v);
  }

  /** Whether the row at {@code slot} equals {@code row} as {@link Row#equals} would say. */
  public boolean rowEquals(int slot, Row row) {
    if (row.arity() != kinds.length) {
      return false;
    }
    for (int c = 0; c < kinds.length; c++) {
      if (!valueEquals(slot, c, row.get(c))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the row at {@code slot} equals row {@code row} of {@code b} (same kinds) as
   * {@link #rowEquals(int, Row)} says of {@code Row.from(b, row)}, without boxing primitive columns.
   */
  public boolean rowEquals(int slot, ZBatch b, int row) {
    if (b.arity() != kinds.length) {
      return false;
    }
    for (int c = 0; c < kinds.length; c++) {
      boolean isNull = isNull(slot, c);
      if (isNull || b.isNull(c, row)) {
        if (!isNull || !b.isNull(c, row)) {
          return false;
        }
        continue;
      }
      Object mine = columns[c];
      Object theirs = b.column(c);
      if (mine instanceof long[] a && theirs instanceof long[] t) {
        if (a[slot] != t[row]) {
          return false;
        }
      } else if (mine instanceof int[] a && theirs instanceof int[] t) {
        if (a[slot] != t[row]) {
          return false;
        }
      } else if (!valueEquals(slot, c, b.get(c, row))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the row at {@code slot} equals {@code values} element by element ({@link Object#equals}). */
  public boolean rowEquals(int slot, Object[] values) {
    if (values.length != kinds.length) {
      return false;
    }
    for (int c = 0; c < kinds.length; c++) {
      if (!valueEquals(slot, c, values[c])) {
        return false;
      }
    }
    return true;
  }

  /** Whether column {@code c} of {@code slot} equals {@code v} ({@link Object#equals}; NULL only null). */
  public boolean valueEquals(int slot, int c, Object v) {
    if (v == null || isNull(slot, c)) {
      return v == null && isNull(slot, c);
    }
    Object col = columns[c];
    if (col instanceof long[] a) {
      return v instanceof Long l && a[slot] == l;
    } else if (col instanceof int[] a) {
      return v instanceof Integer i && a[slot] == i;
    } else if (col instanceof double[] a) {
      return v instanceof Double d && Double.doubleToLongBits(a[slot]) == Double.doubleToLongBits(d);
    } else if (col instanceof boolean[] a) {
      return v instanceof Boolean b && a[slot] == b;
    } else if (col instanceof TextColumn t) {
      return v instanceof String s && t.equals(slot, s);
    }
    return v.equals(((Object[]) col)[slot]);
  }

  /** Writes the row at {@code slot} into fields {@code offset..} of {@code to}'s current row (not those it leaves out). */
  public void copyTo(int slot, BatchBuilder to, int offset) {
    for (int c = 0; c < kinds.length; c++) {
      if (to.omits(offset + c)) {
        continue;
      }
      if (isNull(slot, c)) {
        to.nullField(offset + c);
        continue;
      }
      Object col = columns[c];
      if (col instanceof long[] a) {
        to.longField(offset + c, a[slot]);
      } else if (col instanceof int[] a) {
        to.intField(offset + c, a[slot]);
      } else if (col instanceof double[] a) {
        to.doubleField(offset + c, a[slot]);
      } else if (col instanceof boolean[] a) {
        to.booleanField(offset + c, a[slot]);
      } else if (col instanceof TextColumn t) {
        to.objectField(offset + c, t.get(slot));
      } else {
        to.objectField(offset + c, ((Object[]) col)[slot]);
      }
    }
  }
}
