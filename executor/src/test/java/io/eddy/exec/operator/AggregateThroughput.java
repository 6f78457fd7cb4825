package io.eddy.exec.operator;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import java.util.List;
import java.util.Random;

/**
 * A rough measurement, not a test: {@code SELECT k, COUNT(*), SUM(v) GROUP BY k} over 10 M
 * inserted BIGINT rows with 1000 groups, in batches of 4096. Prints rows/s; asserts nothing. Run
 * with the test classpath: {@code java -cp ... io.eddy.exec.operator.AggregateThroughput}.
 */
public final class AggregateThroughput {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final int BATCH = Integer.getInteger("batch", 4096);

  public static void main(String[] args) {
    RowType in = new RowType(List.of(new Column("k", BIGINT), new Column("v", BIGINT)));
    RowType out = new RowType(List.of(new Column("k", BIGINT), new Column("n", BIGINT), new Column("s", BIGINT)));
    Random random = new Random(42);
    ZBatch[] batches = new ZBatch[64];
    for (int i = 0; i < batches.length; i++) {
      BatchBuilder b = new BatchBuilder(in, BATCH);
      for (int r = 0; r < BATCH; r++) {
        b.longField(0, random.nextInt(1000));
        b.longField(1, random.nextInt(1_000_000));
        b.endRow(1);
      }
      batches[i] = b.build();
    }
    long total = 10_000_000L;
    for (int run = 0; run < 4; run++) {
      AggregateOperator op = new AggregateOperator(in, new int[] {0},
          List.of(AggCall.countStar(), AggCall.of(AggKind.SUM, 1, BIGINT)), out);
      long[] emitted = new long[1];
      op.open(b -> emitted[0] += b.size());
      long start = System.nanoTime();
      long rows = 0;
      for (int i = 0; rows < total; i++) {
        ZBatch b = batches[i % batches.length];
        op.onBatch(0, b);
        rows += b.size();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("run %d: %,d rows in %.2f s = %,.0f rows/s (%,d output rows, state %s)%n",
          run, rows, secs, rows / secs, emitted[0], op.stateSize());
    }
  }
}
