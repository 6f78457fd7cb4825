package io.eddy.exec.operator.agg;

import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import java.util.Objects;

/**
 * One aggregate call of an {@link io.eddy.exec.operator.AggregateOperator}: an immutable value.
 *
 * @param kind the function
 * @param arg input column of the argument, -1 for {@code COUNT(*)} only
 * @param distinct each distinct non-null argument value counts once ({@code SUM(DISTINCT x)})
 * @param filterArg input BOOLEAN column of {@code FILTER (WHERE ...)}: a row counts only where it
 *     is TRUE (not FALSE, not NULL); -1 when there is no filter
 * @param outType the result's type; the result is converted to its kind (SUM of INT into BIGINT,
 *     DECIMAL rescaled to its scale)
 */
public record AggCall(AggKind kind, int arg, boolean distinct, int filterArg, SqlType outType) {
  public AggCall {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(outType, "outType");
    if (arg < -1 || filterArg < -1) {
      throw new IllegalArgumentException("column indexes must be >= -1: " + arg + ", " + filterArg);
    }
    if (arg == -1 && (kind != AggKind.COUNT || distinct)) {
      throw new IllegalArgumentException(kind + (distinct ? " DISTINCT" : "") + " needs an argument");
    }
  }

  /** {@code COUNT(*)} into a BIGINT NOT NULL. */
  public static AggCall countStar() {
    return new AggCall(AggKind.COUNT, -1, false, -1, SqlType.of(TypeKind.BIGINT).withNullable(false));
  }

  /** A non-distinct, unfiltered call. */
  public static AggCall of(AggKind kind, int arg, SqlType outType) {
    return new AggCall(kind, arg, false, -1, outType);
  }

  /** E.g. {@code SUM(DISTINCT $1) FILTER $3}. */
  @Override
  public String toString() {
    String a = arg < 0 ? "*" : (distinct ? "DISTINCT $" : "$") + arg;
    return kind + "(" + a + ")" + (filterArg < 0 ? "" : " FILTER $" + filterArg);
  }
}
