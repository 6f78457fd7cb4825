package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * A conjunct {@code left[leftColumn] op right[rightColumn]} of a join's residual condition. A
 * {@link JoinOperator} probe tests it on each stored row of the key before it pairs the row with
 * the probing one: the rows it skips fail the conjunct and so the whole condition (a comparison
 * with NULL is not TRUE), and the pairs that pass still go through the whole residual. (A join
 * whose other conjuncts select few pairs, such as Nexmark q5's {@code num >= maxn}, then builds
 * and evaluates only those pairs, not one per stored row of the key.)
 *
 * <p>Only for two columns of one {@link #ORDERED} kind, whose Java values' natural order is SQL's.
 */
public record JoinRange(int leftColumn, Op op, int rightColumn) {
  /** The kinds whose values compare in Java exactly as in SQL (not DOUBLE: -0.0 and NaN; not VARCHAR). */
  public static final Set<TypeKind> ORDERED = EnumSet.of(TypeKind.INT, TypeKind.BIGINT, TypeKind.DECIMAL,
      TypeKind.TIMESTAMP, TypeKind.DATE);

  /** A comparison, read {@code left op right}. */
  public enum Op {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The comparison with its operands swapped: {@code a < b} is {@code b > a}. */
    public Op flipped() {
      return switch (this) {
        case LT -> GT;
        case LE -> GE;
        case GT -> LT;
        case GE -> LE;
      };
    }

    /** Whether {@code a op b} is TRUE for two values of one {@link #ORDERED} kind (not when either is NULL). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean holds(Object a, Object b) {
      if (a == null || b == null) {
        return false;
      }
      int c = ((Comparable) a).compareTo(b);
      return switch (this) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
      };
    }

    /** Whether {@code a op b} for two integral values (INT, BIGINT, TIMESTAMP, DATE widened to long). */
    boolean holds(long a, long b) {
      return switch (this) {
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }

    @Override
    public String toString() {
      return symbol;
    }
  }

  /** The ordering column of side {@code port} (0 left, 1 right). */
  int column(int port) {
    return port == 0 ? leftColumn : rightColumn;
  }

  /** How a stored row of side {@code stored} must compare with the probing row's value: {@code stored op value}. */
  Op storedOp(int stored) {
    return stored == 0 ? op : op.flipped();
  }

  /** Throws unless both columns exist and are of one {@link #ORDERED} kind. */
  void check(RowType left, RowType right) {
    if (leftColumn < 0 || leftColumn >= left.size() || rightColumn < 0 || rightColumn >= right.size()) {
      throw new IllegalArgumentException("range columns " + this + " out of " + left + " / " + right);
    }
    TypeKind l = left.columns().get(leftColumn).type().kind();
    TypeKind r = right.columns().get(rightColumn).type().kind();
    if (l != r || !ORDERED.contains(l)) {
      throw new IllegalArgumentException("range columns must be of one ordered kind, not " + l + " and " + r);
    }
  }

  @Override
  public String toString() {
    return "$" + leftColumn + " " + op + " right $" + rightColumn;
  }
}
