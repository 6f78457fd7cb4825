package io.eddy.planner.codegen;

import io.eddy.planner.functions.ImplementedFunction;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Rewrites {@code decimalLiteral * integer} (either order, say {@code 0.908 * price}) into a
 * strict call of {@link DecimalProducts#times}: Calcite's code generator boxes the integer, makes
 * it a {@code BigDecimal} and multiplies two {@code BigDecimal}s per row; the call multiplies
 * {@code long}s and makes one {@code BigDecimal} of the product, the same value with the same
 * scale (falling back to {@code BigDecimal} arithmetic when the product overflows a {@code long}).
 * NULL in, NULL out, as before. Only literals whose unscaled value fits a {@code long} are
 * rewritten. Immutable.
 */
final class DecimalTimes extends ProgramShuttle {
  /** The internal operator of the rewritten calls: {@code (x BIGINT, unscaled BIGINT, scale INTEGER)}. */
  private static final SqlUserDefinedFunction TIMES = operator();

  private DecimalTimes(RexBuilder rexBuilder) {
    super(rexBuilder);
  }

  /** {@code program} with every such product rewritten; the same program when there is none. */
  static RexProgram rewrite(RexProgram program, RexBuilder rexBuilder) {
    return new DecimalTimes(rexBuilder).rewrite(program);
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c) || c.getKind() != SqlKind.TIMES || c.getOperands().size() != 2
        || c.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
      return visited;
    }
    RexNode a = c.getOperands().get(0);
    RexNode b = c.getOperands().get(1);
    BigDecimal literal = longDecimal(a);
    RexNode x = b;
    if (literal == null) {
      literal = longDecimal(b);
      x = a;
    }
    if (literal == null || !isInteger(x.getType())) {
      return visited;
    }
    RelDataTypeFactory types = rexBuilder.getTypeFactory();
    return rexBuilder.makeCall(c.getType(), TIMES, List.of(toBigint(x),
        rexBuilder.makeLiteral(literal.unscaledValue().longValueExact(), types.createSqlType(SqlTypeName.BIGINT)),
        rexBuilder.makeLiteral(literal.scale(), types.createSqlType(SqlTypeName.INTEGER))));
  }

  /** The value of a DECIMAL literal whose unscaled value fits a {@code long}, or null. */
  private static BigDecimal longDecimal(RexNode e) {
    if (!(e instanceof RexLiteral lit) || lit.getType().getSqlTypeName() != SqlTypeName.DECIMAL) {
      return null;
    }
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    return v != null && v.unscaledValue().bitLength() < Long.SIZE ? v : null;
  }

  private static SqlUserDefinedFunction operator() {
    CallImplementor implementor = RexImpTable.createImplementor((translator, call, operands) -> Expressions.call(
        DecimalProducts.class, "times", EnumUtils.convert(operands.get(0), long.class),
        EnumUtils.convert(operands.get(1), long.class), EnumUtils.convert(operands.get(2), int.class)),
        NullPolicy.STRICT, false);
    return new SqlUserDefinedFunction(new SqlIdentifier("$DECIMAL_TIMES", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.DECIMAL_PRODUCT_NULLABLE, null,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER),
            t -> List.of(t.createSqlType(SqlTypeName.BIGINT), t.createSqlType(SqlTypeName.BIGINT),
                t.createSqlType(SqlTypeName.INTEGER)), i -> "arg" + i, i -> false), new ImplementedFunction(implementor));
  }
}
