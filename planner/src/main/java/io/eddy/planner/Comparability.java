package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
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

  /**
   * Throws a VALIDATION error naming both types for the first incomparable comparison in {@code rel},
   * including the operands of IN / NOT IN / SOME / ALL sub-queries against the sub-query's columns
   * (check before sub-query removal: NOT IN's comparison is only built later, beyond this check's
   * reach) and the relations inside sub-queries.
   */
  static void check(RelNode rel, String script) {
    RexRewrite.everywhere(rel, b -> new Comparisons(script));
  }

  /** Checks the comparisons of the plan's expressions, sub-queries included; changes nothing. */
  private static final class Comparisons extends RexRewrite.Deep {
    private final String script;

    Comparisons(String script) {
      this.script = script;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      if (call.getKind().belongsTo(SqlKind.COMPARISON) && call.getOperands().size() == 2) {
        require(call.getOperands().get(0).getType(), call.getOperands().get(1).getType());
      }
      return super.visitCall(call);
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      if (subQuery.getKind() == SqlKind.IN || subQuery.getKind() == SqlKind.NOT_IN
          || subQuery.getKind() == SqlKind.SOME || subQuery.getKind() == SqlKind.ALL) {
        List<RelDataTypeField> columns = subQuery.rel.getRowType().getFieldList();
        for (int i = 0; i < Math.min(columns.size(), subQuery.getOperands().size()); i++) {
          require(subQuery.getOperands().get(i).getType(), columns.get(i).getType());
        }
      }
      return super.visitSubQuery(subQuery);
    }

    private void require(RelDataType left, RelDataType right) {
      if (incomparable(left, right) || incomparable(right, left)) {
        throw new EddyException(ErrorCode.VALIDATION, "cannot compare " + left.getSqlTypeName() + " with "
            + right.getSqlTypeName(), null, script, "CAST one side to the other's type", null);
      }
    }
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
