package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The equi-join keys of a {@link JoinOperator}: {@code left[i]} of a left row must equal
 * {@code right[i]} of a right row. A NULL never equals anything unless {@code nullsEqual[i]} (the
 * key came from {@code IS NOT DISTINCT FROM}). Key values are normalized so that SQL-equal values
 * are equal Java values whatever the column's exact type: INT and DATE widen to Long, DECIMAL
 * drops trailing zeros, DOUBLE {@code -0.0} becomes {@code 0.0}. Immutable.
 */
public record JoinKeys(int[] left, int[] right, boolean[] nullsEqual) {
  public JoinKeys {
    if (left.length != right.length || nullsEqual.length != left.length) {
      throw new IllegalArgumentException("key lists differ in length: " + Arrays.toString(left) + " vs "
          + Arrays.toString(right));
    }
    left = left.clone();
    right = right.clone();
    nullsEqual = nullsEqual.clone();
  }

  /** Keys where NULL never matches. */
  public static JoinKeys of(int[] left, int[] right) {
    return new JoinKeys(left, right, new boolean[left.length]);
  }

  /** Checks the key columns exist and have comparable kinds. */
  void check(RowType leftType, RowType rightType) {
    for (int i = 0; i < left.length; i++) {
      TypeKind l = leftType.type(left[i]).kind();
      TypeKind r = rightType.type(right[i]).kind();
      if (family(l) != family(r)) {
        throw new IllegalArgumentException("join key " + i + " compares " + l + " with " + r);
      }
    }
  }

  private static int family(TypeKind k) {
    return k.isLongBacked() || k.isIntBacked() ? 0 : k == TypeKind.DECIMAL ? 1 : 2 + k.ordinal();
  }

  /** The normalized key of {@code row} from input {@code port}, or null when it can match nothing. */
  Row of(Row row, int port) {
    return of(row, port == 0 ? left : right, nullsEqual);
  }

  /**
   * Whether row {@code r} of {@code b} from input {@code port} has a key that can match: no key
   * column is NULL where NULLs do not match ({@link #of} would not return null).
   */
  boolean matchable(ZBatch b, int r, int port) {
    int[] cols = port == 0 ? left : right;
    for (int i = 0; i < cols.length; i++) {
      if (!nullsEqual[i] && b.isNull(cols[i], r)) {
        return false;
      }
    }
    return true;
  }

  /** The key columns of input {@code port} (0 left, 1 right); a copy. */
  public int[] columns(int port) {
    return (port == 0 ? left : right).clone();
  }

  /** Whether NULLs match each other, per key column; a copy. */
  public boolean[] nullsMatch() {
    return nullsEqual.clone();
  }

  /**
   * The normalized key of {@code row} over {@code cols}, or null when a column that does not
   * match NULLs ({@code nullsEqual[i]} false) is NULL.
   */
  static Row of(Row row, int[] cols, boolean[] nullsEqual) {
    Object[] key = new Object[cols.length];
    for (int i = 0; i < cols.length; i++) {
      Object v = row.get(cols[i]);
      if (v == null && !nullsEqual[i]) {
        return null;
      }
      key[i] = normalize(v);
    }
    return new Row(key);
  }

  static Object normalize(Object v) {
    if (v instanceof Integer i) {
      return (long) i;
    } else if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    } else if (v instanceof Double d && d == 0.0) {
      return 0.0;
    }
    return v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < left.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('$').append(left[i]).append(nullsEqual[i] ? " <=> $" : " = $")
          .append(right[i]);
    }
    return sb.toString();
  }
}
