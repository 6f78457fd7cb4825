package io.eddy.planner.codegen;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** A rewrite of a program's expressions before code generation, with helpers for integer operands. Immutable. */
abstract class ProgramShuttle extends RexShuttle {
  protected final RexBuilder rexBuilder;

  ProgramShuttle(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** {@code program} with its projections and condition rewritten; the same program when nothing changed. */
  final RexProgram rewrite(RexProgram program) {
    List<RexNode> projects = program.expandList(program.getProjectList());
    RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    List<RexNode> rewritten = apply(projects);
    RexNode newCondition = condition == null ? null : condition.accept(this);
    if (rewritten.equals(projects) && Objects.equals(condition, newCondition)) {
      return program;
    }
    return RexProgram.create(program.getInputRowType(), rewritten, newCondition, program.getOutputRowType(),
        rexBuilder);
  }

  /** {@code e} as a BIGINT of the same nullability (itself when it is one). */
  final RexNode toBigint(RexNode e) {
    if (e.getType().getSqlTypeName() == SqlTypeName.BIGINT) {
      return e;
    }
    RelDataType bigint = rexBuilder.getTypeFactory().createTypeWithNullability(
        rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT), e.getType().isNullable());
    return rexBuilder.makeCast(bigint, e, true, false);
  }

  static boolean isInteger(RelDataType type) {
    return SqlTypeUtil.isIntType(type) || type.getSqlTypeName() == SqlTypeName.BIGINT;
  }
}
