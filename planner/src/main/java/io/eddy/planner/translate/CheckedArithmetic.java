package io.eddy.planner.translate;

import java.util.EnumSet;
import java.util.Set;
import io.eddy.planner.RexRewrite;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Makes integer {@code +}, {@code -} (binary and unary) and {@code *} fail on overflow instead of
 * wrapping: each such call whose result is an integer type becomes Calcite's {@code CHECKED_*}
 * operator, which the generated code evaluates with {@code Math.addExact} and friends. A row on
 * which one overflows raises a runtime error (skipped and counted like a division by zero).
 * Applied to the optimized plan just before translation, so rules and the simplifier see the
 * ordinary operators. Stateless.
 */
final class CheckedArithmetic {
  private static final Set<SqlTypeName> INTEGERS =
      EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);

  private CheckedArithmetic() {}

  static RelNode apply(RelNode rel) {
    return RexRewrite.everywhere(rel, Checked::new);
  }

  private static final class Checked extends RexShuttle {
    private final RexBuilder rex;

    Checked(RexBuilder rex) {
      this.rex = rex;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexCall c = (RexCall) super.visitCall(call);
      SqlOperator checked = switch (c.getKind()) {
        case PLUS -> SqlStdOperatorTable.CHECKED_PLUS;
        case MINUS -> SqlStdOperatorTable.CHECKED_MINUS;
        case TIMES -> SqlStdOperatorTable.CHECKED_MULTIPLY;
        case MINUS_PREFIX -> SqlStdOperatorTable.CHECKED_UNARY_MINUS;
        default -> null;
      };
      if (checked == null || !integer(c) || !c.getOperands().stream().allMatch(CheckedArithmetic::integer)) {
        return c;
      }
      return rex.makeCall(c.getType(), checked, c.getOperands());
    }
  }

  private static boolean integer(RexNode e) {
    return INTEGERS.contains(e.getType().getSqlTypeName());
  }
}
