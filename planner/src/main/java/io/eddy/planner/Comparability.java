package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Refuses comparisons between values of incomparable types (a string with a number, say) that
 * the validator lets through: with type coercion off it checks IN lists and most comparisons, but
 * not every form sub-query removal produces ({@code 'x' IN (SELECT bigint_col ...)} becomes a join
 * condition {@code 'x' = $0}). Without this check such a query fails later, when its generated
 * code does not compile. Stateless.
 */
final class Comparability {
  private Comparability() {}

  /** Throws a VALIDATION error naming both types for the first incomparable comparison in {@code rel}. */
  static void check(RelNode rel, String script) {
    RexShuttle rex = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (call.getKind().belongsTo(SqlKind.COMPARISON) && call.getOperands().size() == 2) {
          RelDataType left = call.getOperands().get(0).getType();
          RelDataType right = call.getOperands().get(1).getType();
          if (incomparable(left, right) || incomparable(right, left)) {
            throw new EddyException(ErrorCode.VALIDATION, "cannot compare " + left.getSqlTypeName() + " with "
                + right.getSqlTypeName(), null, script, "CAST one side to the other's type", null);
          }
        }
        return super.visitCall(call);
      }
    };
    rel.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        return super.visit(other).accept(rex);
      }
    });
  }

  /** A character value against a number or boolean, or a number against a boolean. */
  private static boolean incomparable(RelDataType a, RelDataType b) {
    if (SqlTypeUtil.isNull(a) || SqlTypeUtil.isNull(b)) {
      return false;
    }
    if (SqlTypeUtil.isCharacter(a)) {
      return SqlTypeUtil.isNumeric(b) || SqlTypeUtil.isBoolean(b);
    }
    return SqlTypeUtil.isNumeric(a) && SqlTypeUtil.isBoolean(b);
  }
}
