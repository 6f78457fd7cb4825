package io.eddy.exec.batch;

import java.util.Arrays;

/**
 * An immutable tuple of boxed values with value equality, used as a key in operator state and
 * view stores. Values follow {@link io.eddy.common.type.TypeKind}'s representations. The caller
 * must not modify the array it hands over.
 */
public final class Row {
  private final Object[] values;
  private final int hash;

  public Row(Object[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  public static Row of(Object... values) {
    return new Row(values);
  }

  /** Row {@code row} of a batch, all columns. */
  public static Row from(ZBatch b, int row) {
    return new Row(b.row(row));
  }

  /** The given columns of row {@code row} of a batch. */
  public static Row project(ZBatch b, int row, int[] cols) {
    Object[] v = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      v[i] = b.get(cols[i], row);
    }
    return new Row(v);
  }

  /** The given columns of this row. */
  public Row project(int[] cols) {
    Object[] v = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      v[i] = values[cols[i]];
    }
    return new Row(v);
  }

  public int arity() {
    return values.length;
  }

  public Object get(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public Object[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Row r && r.hash == hash && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
