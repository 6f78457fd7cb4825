package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link NegateOperator} and {@link ConsolidateOperator}. */
class LinearOperatorsTest {
  private static final RowType TYPE = new RowType(List.of(new Column("s", SqlType.of(TypeKind.VARCHAR))));

  private static ZBatch batch() {
    BatchBuilder b = new BatchBuilder(TYPE);
    b.addRow(new Object[] {"a"}, 2);
    b.addRow(new Object[] {null}, -1);
    b.addRow(new Object[] {"a"}, 1);
    b.addRow(new Object[] {"b"}, 1);
    b.addRow(new Object[] {"b"}, -1);
    return b.build();
  }

  @Test
  void negateNegatesEveryWeight() {
    List<ZBatch> out = new ArrayList<>();
    NegateOperator op = new NegateOperator();
    op.open(out::add);
    op.onBatch(0, batch());
    assertEquals(Map.of(Row.of("a"), -3L, Row.of((Object) null), 1L), ZSets.consolidate(out.get(0)));
  }

  @Test
  void consolidateMergesEqualRowsAndDropsZeros() {
    List<ZBatch> out = new ArrayList<>();
    ConsolidateOperator op = new ConsolidateOperator(TYPE);
    op.open(out::add);
    op.onBatch(0, batch());
    assertEquals(2, out.get(0).size());
    assertEquals(Map.of(Row.of("a"), 3L, Row.of((Object) null), -1L), ZSets.consolidate(out.get(0)));
  }
}
