package io.eddy.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Before Calcite's simplifier runs: an exact numeric literal compared with an approximate
 * (DOUBLE/REAL/FLOAT) operand becomes a DOUBLE literal of the same value, and a SEARCH (IN list,
 * ranges) over an approximate operand whose bounds are exact numerics is expanded back into
 * comparisons, which get the same treatment.
 *
 * <p>Why: {@code RexSimplify} collects the ranges a filter's comparisons imply per operand in one
 * Guava {@code RangeSet}; a DOUBLE column compared with both a DECIMAL literal (its value a
 * {@code BigDecimal}) and a DOUBLE literal (a {@code Double}) puts both kinds of values in one set,
 * and comparing them throws a {@link ClassCastException} (e.g. {@code d IN (1.5, 2.5) AND d <= 3.25}).
 * Comparing as DOUBLE is what the comparison does at run time anyway. Runs before sub-query
 * removal too (its rules simplify), and reaches into the relations of sub-queries. Stateless.
 */
final class ApproxComparisons {
  private ApproxComparisons() {}

  /** {@code rel} with every comparison of an approximate operand against DOUBLE literals only. */
  static RelNode normalize(RelNode rel) {
    return RexRewrite.everywhere(rel, Literals::new);
  }

  /** Rewrites the plan's expressions, sub-queries included. */
  private static final class Literals extends RexRewrite.Deep {
    private final RexBuilder rexBuilder;

    Literals(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      if (call.getKind() == SqlKind.SEARCH && approximate(call.getOperands().get(0).getType())
          && !approximate(call.getOperands().get(1).getType())) {
        return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
      }
      RexCall visited = (RexCall) super.visitCall(call);
      if (!SqlKind.COMPARISON.contains(visited.getKind())
          && visited.getKind() != SqlKind.IS_DISTINCT_FROM && visited.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
        return visited;
      }
      RelDataType approx = null;
      for (RexNode o : visited.getOperands()) {
        if (approximate(o.getType())) {
          approx = o.getType();
        }
      }
      if (approx == null) {
        return visited;
      }
      List<RexNode> operands = new ArrayList<>();
      boolean changed = false;
      for (RexNode o : visited.getOperands()) {
        if (o instanceof RexLiteral l && !l.isNull() && l.getType().getFamily() == SqlTypeFamily.NUMERIC
            && !approximate(l.getType())) {
          RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(approx, false);
          operands.add(rexBuilder.makeApproxLiteral(l.getValueAs(BigDecimal.class), type));
          changed = true;
        } else {
          operands.add(o);
        }
      }
      return changed ? visited.clone(visited.getType(), operands) : visited;
    }

    private static boolean approximate(RelDataType t) {
      SqlTypeName n = t.getSqlTypeName();
      return n == SqlTypeName.DOUBLE || n == SqlTypeName.REAL || n == SqlTypeName.FLOAT;
    }
  }
}
