package io.eddy.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.planner.EddyTypeSystem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;

/**
 * {@code decimalLiteral * integer} in a compiled calc: {@link DecimalProducts#times} is exactly the
 * {@code BigDecimal} product (value and scale) for every scale, at and beyond a {@code long}'s
 * range; the calc calls it only for literals whose unscaled value fits a {@code long} and integer
 * operands, and gives NULL for NULL.
 */
class DecimalTimesTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(EddyTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);

  @Test
  void timesIsTheExactBigDecimalProductWithTheLiteralsScale() {
    Random random = new Random(9);
    long[] edges = {0, 1, -1, 2, -2, 3037000499L, 3037000500L, -3037000500L, 1L << 32, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2 - 1, 4611686018427387904L};
    for (long x : edges) {
      for (long u : edges) {
        check(x, u, 3);
      }
    }
    for (int k = 0; k < 100_000; k++) {
      long x = random.nextLong() >> random.nextInt(64);
      long u = random.nextLong() >> random.nextInt(64);
      check(x, u, random.nextInt(40) - 5);
    }
  }

  private static void check(long x, long unscaled, int scale) {
    BigDecimal expected = BigDecimal.valueOf(unscaled, scale).multiply(BigDecimal.valueOf(x));
    BigDecimal actual = DecimalProducts.times(x, unscaled, scale);
    assertEquals(expected.unscaledValue(), actual.unscaledValue(), () -> x + " * " + unscaled + "e-" + scale);
    assertEquals(expected.scale(), actual.scale(), () -> x + " * " + unscaled + "e-" + scale);
  }

  @Test
  void aCalcMultipliesLongsForFittingLiteralsAndIntegersOnly() {
    RelDataType bigint = types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true);
    RelDataType integer = types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true);
    RelDataType dec = types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 6, 2), true);
    RelDataType in = types.builder().add("x", bigint).add("i", integer).add("z", dec).build();
    RexProgramBuilder b = new RexProgramBuilder(in, rex);
    RexNode x = rex.makeInputRef(bigint, 0);
    RexNode i = rex.makeInputRef(integer, 1);
    b.addProject(times(literal("0.908"), x), "a");
    b.addProject(times(i, literal("-1.50")), "b");
    b.addProject(times(literal("99999999999999999999.5"), i), "c"); // unscaled value beyond a long: as before
    b.addProject(times(literal("2.5"), rex.makeInputRef(dec, 2)), "d"); // no integer operand: as before
    RexProgram program = b.getProgram();
    RowType input = new RowType(List.of(new Column("x", SqlType.of(TypeKind.BIGINT)),
        new Column("i", SqlType.of(TypeKind.INT)), new Column("z", SqlType.decimal(6, 2))));
    RowType output = new RowType(List.of(new Column("a", SqlType.decimal(38, 3)), new Column("b", SqlType.decimal(38, 2)),
        new Column("c", SqlType.decimal(38, 1)), new Column("d", SqlType.decimal(38, 1))));
    CalcCompiler.Compiled compiled = new CalcCompiler(types, SqlConformanceEnum.DEFAULT, CompiledCache.disabled())
        .compile(program, input, output);
    assertEquals(2, compiled.source().split("DecimalProducts.times", -1).length - 1, compiled.source());

    BatchBuilder rows = new BatchBuilder(input);
    rows.addRow(new Object[] {1000L, 7, new BigDecimal("4.00")}, 1);
    rows.addRow(new Object[] {null, null, null}, 1);
    rows.addRow(new Object[] {Long.MAX_VALUE, Integer.MIN_VALUE, null}, 1);
    ZBatch out = compiled.instantiate(null).apply(rows.build());
    assertEquals(new BigDecimal("908.000"), out.get(0, 0));
    assertEquals(new BigDecimal("-10.50"), out.get(1, 0));
    assertEquals(new BigDecimal("699999999999999999996.5"), out.get(2, 0));
    assertEquals(new BigDecimal("10.000"), out.get(3, 0));
    assertNull(out.get(0, 1));
    assertNull(out.get(1, 1));
    assertNull(out.get(2, 1));
    assertEquals(new BigDecimal("8374821809464136432.756"), out.get(0, 2));
    assertEquals(new BigDecimal("3221225472.00"), out.get(1, 2));
  }

  private RexNode literal(String value) {
    return rex.makeExactLiteral(new BigDecimal(value));
  }

  private RexNode times(RexNode a, RexNode b) {
    return rex.makeCall(SqlStdOperatorTable.MULTIPLY, a, b);
  }
}
