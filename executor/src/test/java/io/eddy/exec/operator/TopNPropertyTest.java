package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.reference.ReferenceTopN;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Incremental == batch for {@link TopNOperator}: random partitions, sort keys (directions, NULL
 * placement), offsets and limits (0, small, unbounded), with and without ROW_NUMBER, under random
 * insert/retract histories; after every batch the output equals {@link ReferenceTopN}.
 */
class TopNPropertyTest {

  @Test
  void matchesSortAndSlice() {
    for (long seed = 0; seed < 300; seed++) {
      RandomRows rows = new RandomRows(new Random(seed));
      Random random = rows.random();
      RowType input = rows.schemaWithEveryKind();
      int[] partition = random.nextBoolean() ? new int[0] : new int[] {random.nextInt(input.size())};
      List<SortKey> order = new ArrayList<>();
      List<ReferenceTopN.Key> refOrder = new ArrayList<>();
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        int c = random.nextInt(input.size());
        boolean desc = random.nextBoolean();
        boolean nullsFirst = random.nextBoolean();
        order.add(new SortKey(c, desc, nullsFirst));
        refOrder.add(new ReferenceTopN.Key(c, desc, nullsFirst));
      }
      long offset = random.nextInt(3) == 0 ? random.nextInt(3) : 0;
      long limit = switch (random.nextInt(4)) {
        case 0 -> Long.MAX_VALUE;
        case 1 -> random.nextInt(2);
        default -> 1 + random.nextInt(4);
      };
      boolean rowNumber = random.nextBoolean();
      List<Column> cols = new ArrayList<>(input.columns());
      if (rowNumber) {
        cols.add(new Column("rn", SqlType.of(TypeKind.BIGINT)));
      }
      TopNOperator op = new TopNOperator(new RowType(cols), partition, order, offset, limit, rowNumber);
      Integrator integrator = new Integrator(op);
      Map<Row, Long> integrated = new HashMap<>();
      for (ZBatch b : RandomHistory.generate(rows, input, 1 + random.nextInt(20), 15)) {
        ZSets.addInto(integrated, b);
        integrator.push(b);
        long s = seed;
        assertEquals(ReferenceTopN.topN(integrated, partition, ReferenceTopN.order(refOrder), offset, limit, rowNumber),
            integrator.output(), () -> "seed " + s + " " + op.describe() + "\ninput " + integrated);
      }
    }
  }
}
