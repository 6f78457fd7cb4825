package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The insert-only specialisation of MIN/MAX gives the same results as the general multiset one. */
class InsertOnlyAggregateTest {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType TEXT = SqlType.of(TypeKind.VARCHAR);
  private static final RowType IN = new RowType(List.of(new Column("k", BIGINT), new Column("v", BIGINT),
      new Column("s", TEXT)));
  private static final RowType OUT = new RowType(List.of(new Column("k", BIGINT), new Column("mn", BIGINT),
      new Column("mx", TEXT), new Column("any", BIGINT)));
  private static final List<AggCall> CALLS = List.of(AggCall.of(AggKind.MIN, 1, BIGINT),
      AggCall.of(AggKind.MAX, 2, TEXT), AggCall.of(AggKind.ANY_VALUE, 1, BIGINT));

  @Test
  void sameResultsAsTheGeneralOperator() {
    for (int seed = 0; seed < 50; seed++) {
      Random rnd = new Random(seed);
      Map<Row, Long> general = new HashMap<>();
      Map<Row, Long> special = new HashMap<>();
      AggregateOperator a = new AggregateOperator(IN, new int[] {0}, CALLS, OUT, false);
      AggregateOperator b = new AggregateOperator(IN, new int[] {0}, CALLS, OUT, true);
      a.open(batch -> ZSets.addInto(general, batch));
      b.open(batch -> ZSets.addInto(special, batch));
      for (int batch = 0; batch < 10; batch++) {
        BatchBuilder in = new BatchBuilder(IN);
        for (int i = rnd.nextInt(20); i > 0; i--) {
          in.addRow(new Object[] {(long) rnd.nextInt(4), rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(100) - 50,
              rnd.nextInt(5) == 0 ? null : "s" + rnd.nextInt(30)}, 1 + rnd.nextInt(2));
        }
        var delta = in.build();
        a.onBatch(0, delta);
        b.onBatch(0, delta);
        assertEquals(general, special, "seed " + seed + " batch " + batch);
      }
    }
  }

  @Test
  void retractionIsRefused() {
    AggregateOperator b = new AggregateOperator(IN, new int[] {0}, CALLS, OUT, true);
    b.open(batch -> { });
    BatchBuilder in = new BatchBuilder(IN);
    in.addRow(new Object[] {1L, 2L, "x"}, -1);
    assertThrows(IllegalStateException.class, () -> b.onBatch(0, in.build()));
  }
}
