package io.eddy.exec.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.operator.AggregateOperator;
import io.eddy.exec.operator.agg.AggCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exchanges of a circuit run by parallel workers: where they go, how rows are routed by key,
 * and that operators whose rows live on worker 0 only emit there.
 */
class ExchangesTest {
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final RowType IN = new RowType(List.of(new Column("k", BIGINT), new Column("v", BIGINT)));
  private static final RowType COUNTS = new RowType(List.of(new Column("k", BIGINT),
      new Column("n", BIGINT.withNullable(false))));
  private static final RowType TOTAL = new RowType(List.of(new Column("n", BIGINT.withNullable(false))));

  /** source -> COUNT(*) GROUP BY k -> COUNT(*) (global). */
  private static Circuit circuit() {
    CircuitBuilder b = new CircuitBuilder();
    int src = b.source("s", IN);
    int perKey = b.add(new AggregateOperator(IN, new int[] {0}, List.of(AggCall.countStar()), COUNTS), COUNTS, src);
    int total = b.add(new AggregateOperator(COUNTS, new int[0], List.of(AggCall.countStar()), TOTAL), TOTAL, perKey);
    return b.build(total);
  }

  private static final class Recorder implements ExchangeOutbox {
    final List<int[]> sent = new ArrayList<>();
    final List<ZBatch> batches = new ArrayList<>();

    @Override
    public void batch(int exchange, int target, ZBatch batch) {
      sent.add(new int[] {exchange, target, batch.size()});
      batches.add(batch);
    }

    @Override
    public void watermark(int exchange, long watermark) {}
  }

  @Test
  void keyedAndGlobalInputsGetExchangesAndRowsGoByKey() {
    Exchanges x = Exchanges.of(circuit());
    assertEquals(2, x.count(), "one keyed exchange into the grouped aggregate, one to worker 0 for the global one");
    Recorder out = new Recorder();
    Circuit worker1 = x.rewire(circuit(), 1, 2, out);
    assertEquals(3, worker1.sources().size());
    assertEquals("exchange#0", worker1.sources().get(1).name());
    List<ZBatch> emitted = new ArrayList<>();
    worker1.open(emitted::add);
    assertTrue(emitted.isEmpty(), "the global aggregate's first row appears on worker 0 only");
    BatchBuilder rows = new BatchBuilder(IN);
    for (long k = 0; k < 100; k++) {
      rows.addRow(new Object[] {k, k}, 1);
    }
    worker1.push(0, rows.build());
    int routed = 0;
    for (int i = 0; i < out.sent.size(); i++) {
      assertEquals(0, out.sent.get(i)[0]);
      ZBatch part = out.batches.get(i);
      for (int r = 0; r < part.size(); r++) {
        assertEquals(out.sent.get(i)[1], KeyHash.worker(part, r, new int[] {0}, 2));
      }
      routed += part.size();
    }
    assertEquals(100, routed);
    assertEquals(2, out.sent.size(), "100 keys land on both workers");

    List<ZBatch> first = new ArrayList<>();
    x.rewire(circuit(), 0, 2, new Recorder()).open(first::add);
    assertEquals(1, first.size(), "worker 0 emits the global aggregate's row for the empty input");
  }

  @Test
  void equalValuesOfDifferentTypesHashAlike() {
    RowType t = new RowType(List.of(new Column("i", SqlType.of(TypeKind.INT)), new Column("l", BIGINT),
        new Column("d", SqlType.decimal(10, 1)), new Column("e", SqlType.decimal(10, 2))));
    BatchBuilder b = new BatchBuilder(t);
    for (int i = 0; i < 50; i++) {
      b.addRow(new Object[] {i, (long) i, new BigDecimal(i + ".0"), new BigDecimal(i + ".00")}, 1);
    }
    b.addRow(new Object[] {null, null, null, null}, 1);
    ZBatch z = b.build();
    for (int r = 0; r < z.size(); r++) {
      for (int workers : new int[] {2, 3, 7}) {
        assertEquals(KeyHash.worker(z, r, new int[] {0}, workers), KeyHash.worker(z, r, new int[] {1}, workers));
        assertEquals(KeyHash.worker(z, r, new int[] {2}, workers), KeyHash.worker(z, r, new int[] {3}, workers));
      }
    }
  }

  @Test
  void slicesKeepRowsNullsAndWeights() {
    BatchBuilder b = new BatchBuilder(IN);
    for (long i = 0; i < 300; i++) {
      b.addRow(new Object[] {i % 3 == 0 ? null : i, i}, i % 5 == 0 ? -1 : 1);
    }
    ZBatch z = b.build();
    for (int[] range : new int[][] {{0, 128}, {128, 300}, {64, 65}, {256, 300}}) {
      ZBatch s = z.slice(range[0], range[1]);
      assertEquals(range[1] - range[0], s.size());
      for (int r = 0; r < s.size(); r++) {
        assertEquals(z.get(0, range[0] + r), s.get(0, r));
        assertEquals(z.get(1, range[0] + r), s.get(1, r));
        assertEquals(z.weight(range[0] + r), s.weight(r));
      }
    }
    int[] part = new int[z.size()];
    for (int r = 0; r < part.length; r++) {
      part[r] = r % 7 == 0 ? 2 : r % 2;
    }
    ZBatch[] parts = z.scatter(part, 4);
    assertEquals(null, parts[3]);
    int[] seen = new int[4];
    for (int r = 0; r < z.size(); r++) {
      ZBatch p = parts[part[r]];
      int i = seen[part[r]]++;
      assertEquals(z.get(0, r), p.get(0, i));
      assertEquals(z.get(1, r), p.get(1, i));
      assertEquals(z.weight(r), p.weight(i));
    }
  }
}
