package io.eddy.exec.batch;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of weighted rows (a Z-set delta), stored by column. Column {@code c} is a primitive array
 * chosen by its {@link TypeKind}: {@code long[]} for BIGINT/TIMESTAMP, {@code int[]} for INT/DATE,
 * {@code double[]} for DOUBLE, {@code boolean[]} for BOOLEAN and {@code Object[]} for VARCHAR
 * (String) and DECIMAL (BigDecimal). {@code nulls[c]} is a bit set of null rows, or {@code null}
 * when the column has no nulls in this batch. {@code weights[r]} is row r's multiplicity: positive
 * inserts, negative retracts. A batch need not be consolidated (a row may appear several times).
 *
 * <p>Immutable by convention: producers build a batch with {@link BatchBuilder} and nobody writes
 * the arrays after {@link BatchBuilder#build()}. Arrays may be longer than {@link #size()}.
 */
public final class ZBatch {
  private final RowType type;
  private final int size;
  private final Object[] columns;
  private final long[][] nulls;
  private final long[] weights;

  public ZBatch(RowType type, int size, Object[] columns, long[][] nulls, long[] weights) {
    this.type = Objects.requireNonNull(type);
    this.size = size;
    this.columns = columns;
    this.nulls = nulls;
    this.weights = weights;
    if (columns.length != type.size() || nulls.length != type.size()) {
      throw new IllegalArgumentException("batch has " + columns.length + " columns, type has " + type.size());
    }
  }

  public static ZBatch empty(RowType type) {
    return new BatchBuilder(type, 0).build();
  }

  public RowType type() {
    return type;
  }

  public int size() {
    return size;
  }

  public int arity() {
    return columns.length;
  }

  /** The raw column array (see class javadoc for its Java type). */
  public Object column(int c) {
    return columns[c];
  }

  /** The null bit set of column {@code c}, or null if the column has no nulls. */
  public long[] nulls(int c) {
    return nulls[c];
  }

  public long[] weights() {
    return weights;
  }

  public long weight(int row) {
    return weights[row];
  }

  public boolean isNull(int c, int row) {
    long[] n = nulls[c];
    return n != null && (n[row >>> 6] & (1L << row)) != 0;
  }

  public long getLong(int c, int row) {
    return ((long[]) columns[c])[row];
  }

  public int getInt(int c, int row) {
    return ((int[]) columns[c])[row];
  }

  public double getDouble(int c, int row) {
    return ((double[]) columns[c])[row];
  }

  public boolean getBoolean(int c, int row) {
    return ((boolean[]) columns[c])[row];
  }

  /** The value boxed per {@link TypeKind}, or null. For slow paths (state keys, results). */
  public Object get(int c, int row) {
    return isNull(c, row) ? null : box(columns[c], row);
  }

  /** Element {@code i} of a column array (see the class javadoc), boxed per {@link TypeKind}. */
  static Object box(Object col, int i) {
    if (col instanceof long[] a) {
      return a[i];
    } else if (col instanceof int[] a) {
      return a[i];
    } else if (col instanceof double[] a) {
      return a[i];
    } else if (col instanceof boolean[] a) {
      return a[i];
    }
    return ((Object[]) col)[i];
  }

  /** Row {@code row} as boxed values. */
  public Object[] row(int row) {
    Object[] r = new Object[columns.length];
    for (int c = 0; c < r.length; c++) {
      r[c] = get(c, row);
    }
    return r;
  }

  /**
   * Rows {@code from} (a multiple of 64, so null bit sets are copied word by word) to {@code to}
   * as a batch of their own: copied arrays, or this batch's arrays for a prefix ({@code from} 0).
   */
  public ZBatch slice(int from, int to) {
    if ((from & 63) != 0 || from < 0 || to > size || from > to) {
      throw new IllegalArgumentException("cannot slice rows " + from + ".." + to + " of " + size);
    }
    if (from == 0) {
      return new ZBatch(type, to, columns, nulls, weights); // a prefix shares the arrays
    }
    int n = to - from;
    Object[] cols = new Object[columns.length];
    long[][] nullBits = new long[columns.length][];
    for (int c = 0; c < cols.length; c++) {
      Object col = newColumn(type.type(c).kind(), n);
      System.arraycopy(columns[c], from, col, 0, n);
      cols[c] = col;
      if (nulls[c] != null) {
        int words = (n + 63) >>> 6;
        nullBits[c] = new long[words];
        System.arraycopy(nulls[c], from >>> 6, nullBits[c], 0, Math.min(words, nulls[c].length - (from >>> 6)));
        if ((n & 63) != 0) {
          nullBits[c][words - 1] &= (1L << n) - 1;
        }
      }
    }
    return new ZBatch(type, n, cols, nullBits, Arrays.copyOfRange(weights, from, to));
  }

  /**
   * Splits this batch into {@code parts} batches: row r goes to part {@code part[r]}, rows keeping
   * their order; parts without rows are null. Copies column by column, without boxing.
   */
  public ZBatch[] scatter(int[] part, int parts) {
    int[] counts = new int[parts];
    int[] index = new int[size];
    for (int r = 0; r < size; r++) {
      index[r] = counts[part[r]]++;
    }
    Object[][] cols = new Object[parts][columns.length];
    long[][][] nullBits = new long[parts][columns.length][];
    for (int c = 0; c < columns.length; c++) {
      Object[] dst = new Object[parts];
      for (int p = 0; p < parts; p++) {
        if (counts[p] > 0) {
          dst[p] = newColumn(type.type(c).kind(), counts[p]);
          cols[p][c] = dst[p];
        }
      }
      Object src = columns[c];
      if (src instanceof long[] a) {
        for (int r = 0; r < size; r++) {
          ((long[]) dst[part[r]])[index[r]] = a[r];
        }
      } else if (src instanceof int[] a) {
        for (int r = 0; r < size; r++) {
          ((int[]) dst[part[r]])[index[r]] = a[r];
        }
      } else if (src instanceof double[] a) {
        for (int r = 0; r < size; r++) {
          ((double[]) dst[part[r]])[index[r]] = a[r];
        }
      } else if (src instanceof boolean[] a) {
        for (int r = 0; r < size; r++) {
          ((boolean[]) dst[part[r]])[index[r]] = a[r];
        }
      } else {
        Object[] a = (Object[]) src;
        for (int r = 0; r < size; r++) {
          ((Object[]) dst[part[r]])[index[r]] = a[r];
        }
      }
      if (nulls[c] != null) {
        for (int r = 0; r < size; r++) {
          if (isNull(c, r)) {
            int p = part[r];
            if (nullBits[p][c] == null) {
              nullBits[p][c] = new long[(counts[p] + 63) >>> 6];
            }
            nullBits[p][c][index[r] >>> 6] |= 1L << index[r];
          }
        }
      }
    }
    long[][] w = new long[parts][];
    for (int p = 0; p < parts; p++) {
      w[p] = counts[p] > 0 ? new long[counts[p]] : null;
    }
    for (int r = 0; r < size; r++) {
      w[part[r]][index[r]] = weights[r];
    }
    ZBatch[] out = new ZBatch[parts];
    for (int p = 0; p < parts; p++) {
      if (counts[p] > 0) {
        out[p] = new ZBatch(type, counts[p], cols[p], nullBits[p], w[p]);
      }
    }
    return out;
  }

  /** Allocates the column array for a kind. */
  static Object newColumn(TypeKind kind, int capacity) {
    return switch (kind) {
      case BIGINT, TIMESTAMP -> new long[capacity];
      case INT, DATE -> new int[capacity];
      case DOUBLE -> new double[capacity];
      case BOOLEAN -> new boolean[capacity];
      case VARCHAR -> new String[capacity];
      case DECIMAL -> new BigDecimal[capacity];
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ZBatch[").append(size).append("]{");
    for (int r = 0; r < Math.min(size, 20); r++) {
      sb.append(r == 0 ? "" : ", ").append(Arrays.toString(row(r))).append(" x").append(weights[r]);
    }
    return sb.append(size > 20 ? ", ...}" : "}").toString();
  }
}
