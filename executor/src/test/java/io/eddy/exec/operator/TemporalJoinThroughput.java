package io.eddy.exec.operator;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import java.util.List;
import java.util.Random;

/**
 * A rough measurement, not a test: a temporal join of a probe stream against 100 k keys of
 * versions (a slowly changing dimension: every key has a version at time 0, and each batch brings
 * 10 new versions), probes in batches of 1000 with a watermark after every batch. Prints probes/s;
 * asserts nothing. Run with the test classpath:
 * {@code java -cp ... io.eddy.exec.operator.TemporalJoinThroughput [keys]}.
 */
public final class TemporalJoinThroughput {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType TS = SqlType.of(TypeKind.TIMESTAMP);

  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    RowType side = new RowType(List.of(new Column("k", BIGINT), new Column("t", TS), new Column("v", BIGINT)));
    RowType out = new RowType(List.of(side.get(0), side.get(1), side.get(2), side.get(0), side.get(1), side.get(2)));
    for (int run = 0; run < 3; run++) {
      TemporalJoinOperator op = new TemporalJoinOperator(side, side, JoinKeys.of(new int[] {0}, new int[] {0}), 1, 1,
          false, out);
      long[] emitted = {0};
      op.open(b -> emitted[0] += b.size());
      BatchBuilder dim = new BatchBuilder(side, keys);
      for (long k = 0; k < keys; k++) {
        dim.addRow(new Object[] {k, 0L, k}, 1);
      }
      op.onBatch(1, dim.build());
      Random random = new Random(42);
      int batches = 2000;
      long start = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        long t = 1000L * (i + 1);
        BatchBuilder probes = new BatchBuilder(side, 1000);
        for (int r = 0; r < 1000; r++) {
          probes.addRow(new Object[] {(long) random.nextInt(keys), t + r % 1000, (long) r}, 1);
        }
        op.onBatch(0, probes.build());
        BatchBuilder versions = new BatchBuilder(side, 10);
        for (int r = 0; r < 10; r++) {
          versions.addRow(new Object[] {(long) random.nextInt(keys), t, (long) r}, 1);
        }
        op.onBatch(1, versions.build());
        op.onWatermark(t);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("keys %d: %.0f probes/s (%d emitted, state %d rows)%n", keys, batches * 1000 / secs,
          emitted[0], op.stateSize().rows());
    }
  }
}
