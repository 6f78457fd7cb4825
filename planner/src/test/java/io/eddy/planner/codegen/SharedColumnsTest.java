package io.eddy.planner.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.operator.BatchCalc;
import io.eddy.planner.EddyTypeSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;

/**
 * A compiled calc without a condition builds only its computed columns and shares the columns it
 * passes through with the input batch; when a row fails, the passed-through columns are copied
 * without it, so every column still lines up. With a condition, every column is built.
 */
class SharedColumnsTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(EddyTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType bigint = types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true);
  private final RelDataType varchar = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true);
  private final RowType input = new RowType(List.of(new Column("x", SqlType.of(TypeKind.BIGINT)),
      new Column("s", SqlType.of(TypeKind.VARCHAR)), new Column("d", SqlType.of(TypeKind.BIGINT))));
  private final RowType output = new RowType(List.of(new Column("s", SqlType.of(TypeKind.VARCHAR)),
      new Column("q", SqlType.of(TypeKind.BIGINT)), new Column("x", SqlType.of(TypeKind.BIGINT))));

  /** {@code SELECT s, x / d AS q, x FROM t [WHERE x > 0]}. */
  private BatchCalc calc(boolean condition) {
    RelDataType in = types.builder().add("x", bigint).add("s", varchar).add("d", bigint).build();
    RexProgramBuilder b = new RexProgramBuilder(in, rex);
    RexNode x = rex.makeInputRef(bigint, 0);
    b.addProject(rex.makeInputRef(varchar, 1), "s");
    b.addProject(rex.makeCall(SqlStdOperatorTable.DIVIDE, x, rex.makeInputRef(bigint, 2)), "q");
    b.addProject(x, "x");
    if (condition) {
      b.addCondition(rex.makeCall(SqlStdOperatorTable.GREATER_THAN, x, rex.makeExactLiteral(java.math.BigDecimal.ZERO)));
    }
    return new CalcCompiler(types, SqlConformanceEnum.DEFAULT, CompiledCache.disabled())
        .compile(b.getProgram(), input, output).instantiate(null);
  }

  private ZBatch batch(Object[]... rows) {
    BatchBuilder b = new BatchBuilder(input);
    long w = 1;
    for (Object[] row : rows) {
      b.addRow(row, w++);
    }
    return b.build();
  }

  private static List<String> rows(ZBatch b) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < b.size(); r++) {
      out.add(Arrays.asList(b.get(0, r), b.get(1, r), b.get(2, r)) + "x" + b.weights()[r]);
    }
    return out;
  }

  @Test
  void passedThroughColumnsAreSharedWhenNoRowFails() {
    ZBatch in = batch(new Object[] {10L, "a", 2L}, new Object[] {null, null, 3L}, new Object[] {-9L, "c", 3L});
    BatchCalc calc = calc(false);
    ZBatch out = calc.apply(in);
    assertEquals(List.of("[a, 5, 10]x1", "[null, null, null]x2", "[c, -3, -9]x3"), rows(out));
    assertSame(in.column(1), out.column(0));
    assertSame(in.nulls(1), out.nulls(0));
    assertSame(in.column(0), out.column(2));
    assertEquals(0, calc.errors());
  }

  @Test
  void aFailedRowLeavesEveryColumnWithoutIt() {
    ZBatch in = batch(new Object[] {10L, null, 2L}, new Object[] {7L, "b", 0L}, new Object[] {-9L, "c", 3L},
        new Object[] {1L, "d", 0L}, new Object[] {4L, null, 4L});
    BatchCalc calc = calc(false);
    ZBatch out = calc.apply(in);
    assertEquals(List.of("[null, 5, 10]x1", "[c, -3, -9]x3", "[null, 1, 4]x5"), rows(out));
    assertNotSame(in.column(0), out.column(2));
    assertEquals(2, calc.errors());
    assertEquals(List.of("[a, 5, 10]x1"), rows(calc.apply(batch(new Object[] {10L, "a", 2L}))), "the next batch shares again");
  }

  @Test
  void whenEveryRowFailsTheBatchIsEmpty() {
    ZBatch in = batch(new Object[] {7L, "b", 0L}, new Object[] {1L, null, 0L});
    BatchCalc calc = calc(false);
    assertEquals(List.of(), rows(calc.apply(in)));
    assertEquals(2, calc.errors());
  }

  @Test
  void withAConditionEveryColumnIsBuilt() {
    ZBatch in = batch(new Object[] {10L, "a", 2L}, new Object[] {-1L, "b", 1L}, new Object[] {3L, "c", 0L});
    BatchCalc calc = calc(true);
    ZBatch out = calc.apply(in);
    assertEquals(List.of("[a, 5, 10]x1"), rows(out));
    assertNotSame(in.column(1), out.column(0));
    assertEquals(1, calc.errors());
  }
}
