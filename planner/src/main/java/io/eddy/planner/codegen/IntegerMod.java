package io.eddy.planner.codegen;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Rewrites {@code MOD} of two integers of different widths (say {@code MOD(bigintColumn, 123)})
 * into {@code CAST(MOD(CAST(a AS BIGINT), CAST(b AS BIGINT)) AS type)}. Calcite's code generator
 * finds no {@code mod(long, int)} and computes such a call on {@code BigDecimal}s, a division of
 * big numbers per row; on two {@code long}s it is one {@code %}. The value is the same: the
 * remainder is smaller than the divisor, so it fits the call's type (the divisor's). Immutable.
 */
final class IntegerMod extends ProgramShuttle {
  private IntegerMod(RexBuilder rexBuilder) {
    super(rexBuilder);
  }

  /** {@code program} with every mixed-width integer {@code MOD} rewritten; the same program when there is none. */
  static RexProgram rewrite(RexProgram program, RexBuilder rexBuilder) {
    return new IntegerMod(rexBuilder).rewrite(program);
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c) || c.getKind() != SqlKind.MOD || c.getOperands().size() != 2) {
      return visited;
    }
    RexNode a = c.getOperands().get(0);
    RexNode b = c.getOperands().get(1);
    if (!isInteger(a.getType()) || !isInteger(b.getType())
        || a.getType().getSqlTypeName() == b.getType().getSqlTypeName()) {
      return visited;
    }
    RexNode mod = rexBuilder.makeCall(c.getOperator(), List.of(toBigint(a), toBigint(b)));
    return rexBuilder.makeCast(c.getType(), mod, true, false);
  }
}
