package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emitted deltas of {@link AggregateOperator} on small, readable examples. */
class AggregateOperatorTest {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType INT = SqlType.of(TypeKind.INT);
  private static final SqlType MONEY = SqlType.decimal(10, 2);
  /** (k VARCHAR, n INT, price DECIMAL(10, 2), ok BOOLEAN). */
  private static final RowType INPUT = type(SqlType.of(TypeKind.VARCHAR), INT, MONEY, SqlType.of(TypeKind.BOOLEAN));

  private static RowType type(SqlType... types) {
    List<Column> cols = new ArrayList<>();
    for (SqlType t : types) {
      cols.add(new Column("c" + cols.size(), t));
    }
    return new RowType(cols);
  }

  private static ZBatch rows(long w, Object[]... values) {
    BatchBuilder b = new BatchBuilder(INPUT);
    for (Object[] v : values) {
      b.addRow(v, w);
    }
    return b.build();
  }

  private static Object[] r(String k, Integer n, String price, Boolean ok) {
    return new Object[] {k, n, price == null ? null : new BigDecimal(price), ok};
  }

  private final List<Map<Row, Long>> deltas = new ArrayList<>();

  private AggregateOperator open(int[] keys, AggCall... calls) {
    List<SqlType> out = new ArrayList<>();
    for (int k : keys) {
      out.add(INPUT.type(k));
    }
    for (AggCall c : calls) {
      out.add(c.outType());
    }
    AggregateOperator op = new AggregateOperator(INPUT, keys, List.of(calls), type(out.toArray(SqlType[]::new)));
    op.open(b -> deltas.add(ZSets.consolidate(b)));
    return op;
  }

  @Test
  void minSurvivesDeletingTheMinimumAndTheGroupIsFreedWhenEmpty() {
    AggregateOperator op = open(new int[] {0}, AggCall.of(AggKind.MIN, 1, INT), AggCall.countStar());
    op.onBatch(0, rows(1, r("a", 3, null, true), r("a", 1, null, true), r("a", 1, null, true)));
    assertEquals(List.of(Map.of(Row.of("a", 1, 3L), 1L)), deltas);
    op.onBatch(0, rows(-1, r("a", 1, null, true), r("a", 1, null, true)));
    assertEquals(Map.of(Row.of("a", 1, 3L), -1L, Row.of("a", 3, 1L), 1L), deltas.get(1));
    op.onBatch(0, rows(-1, r("a", 3, null, true)));
    assertEquals(Map.of(Row.of("a", 3, 1L), -1L), deltas.get(2));
    assertEquals(StateSize.NONE, op.stateSize());
  }

  @Test
  void unchangedGroupsEmitNothing() {
    AggregateOperator op = open(new int[] {0}, AggCall.of(AggKind.MAX, 1, INT));
    op.onBatch(0, rows(1, r("a", 5, null, true)));
    op.onBatch(0, rows(1, r("a", 2, null, true)));
    assertEquals(1, deltas.size());
  }

  @Test
  void globalAggregateHasItsEmptyRowFromOpen() {
    AggregateOperator op = open(new int[0], AggCall.countStar(), AggCall.of(AggKind.SUM, 1, BIGINT),
        AggCall.of(AggKind.SUM0, 1, BIGINT), AggCall.of(AggKind.MIN, 2, MONEY));
    Row empty = new Row(new Object[] {0L, null, 0L, null});
    assertEquals(List.of(Map.of(empty, 1L)), deltas);
    op.onBatch(0, rows(1, r("a", 2, "1.50", true)));
    op.onBatch(0, rows(-1, r("a", 2, "1.50", true)));
    assertEquals(Map.of(new Row(new Object[] {1L, 2L, 2L, new BigDecimal("1.50")}), -1L, empty, 1L), deltas.get(2));
    assertEquals(1, op.stateSize().rows());
  }

  @Test
  void distinctFilterAndDecimalScale() {
    AggregateOperator op = open(new int[] {0},
        new AggCall(AggKind.COUNT, 1, true, -1, BIGINT),
        new AggCall(AggKind.SUM, 2, false, 3, SqlType.decimal(38, 2)),
        new AggCall(AggKind.SUM, 1, true, 3, BIGINT));
    op.onBatch(0, rows(1, r("a", 4, "1.10", true), r("a", 4, "2.00", null), r("a", 7, "0.05", false), r("a", null, "3.00", true)));
    assertEquals(List.of(Map.of(Row.of("a", 2L, new BigDecimal("4.10"), 4L), 1L)), deltas);
  }

  @Test
  void distinctWithoutCallsKeepsEachKeyOnce() {
    AggregateOperator op = open(new int[] {0, 1});
    op.onBatch(0, rows(2, r("a", 1, null, true), r("a", 1, "9.99", false)));
    assertEquals(List.of(Map.of(Row.of("a", 1), 1L)), deltas);
    op.onBatch(0, rows(-3, r("a", 1, null, true)));
    assertEquals(1, deltas.size());
    op.onBatch(0, rows(-1, r("a", 1, "9.99", false)));
    assertEquals(Map.of(Row.of("a", 1), -1L), deltas.get(1));
  }

  @Test
  void illTypedCallsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> open(new int[0], AggCall.of(AggKind.SUM, 0, BIGINT)));
    assertThrows(IllegalArgumentException.class, () -> open(new int[0], AggCall.of(AggKind.BOOL_OR, 1, SqlType.of(TypeKind.BOOLEAN))));
    assertThrows(IllegalArgumentException.class, () -> open(new int[0], new AggCall(AggKind.COUNT, 0, false, 1, BIGINT)));
    assertThrows(IllegalArgumentException.class, () -> new AggCall(AggKind.SUM, -1, false, -1, BIGINT));
  }

  @Test
  void describesItself() {
    AggregateOperator op = open(new int[] {0}, AggCall.countStar(), new AggCall(AggKind.SUM, 1, true, 3, BIGINT));
    assertEquals("Aggregate(keys=[0], COUNT(*), SUM(DISTINCT $1) FILTER $3)", op.describe());
  }
}
