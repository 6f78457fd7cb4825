package io.eddy.exec.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.circuit.CircuitBuilder;
import io.eddy.exec.operator.AggregateOperator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused {@link SessionAggregateOperator} against the reference path it replaces
 * ({@link SessionWindowOperator} then {@link AggregateOperator} grouped by key and window bounds)
 * on random disordered input with random watermarks: equal integrated output after every step,
 * equal late rows (counted and routed), and no state left once the watermark passes everything.
 */
class SessionAggregatePropertyTest {
  private static final SqlType TS = SqlType.of(TypeKind.TIMESTAMP);
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType BIGINT_NN = BIGINT.withNullable(false);
  /** (ts TIMESTAMP, k BIGINT, v BIGINT). */
  private static final RowType IN = type(TS, BIGINT, BIGINT);
  private static final RowType WINDOWED = type(TS, BIGINT, BIGINT, TS, TS);
  private static final List<AggCall> CALLS = List.of(
      AggCall.countStar(),
      AggCall.of(AggKind.SUM, 2, BIGINT),
      AggCall.of(AggKind.MIN, 2, BIGINT),
      AggCall.of(AggKind.MAX, 2, BIGINT),
      new AggCall(AggKind.COUNT, 2, true, -1, BIGINT_NN),
      AggCall.of(AggKind.COUNT, 2, BIGINT_NN));
  /** (k, window_start, window_end, the calls' results). */
  private static final RowType OUT = type(BIGINT, TS, TS, BIGINT_NN, BIGINT, BIGINT, BIGINT, BIGINT_NN, BIGINT_NN);

  private static RowType type(SqlType... types) {
    List<Column> cols = new ArrayList<>();
    for (SqlType t : types) {
      cols.add(new Column("c" + cols.size(), t));
    }
    return new RowType(cols);
  }

  private static RecordedCircuit reference(long gap, boolean emitOnClose) {
    CircuitBuilder b = new CircuitBuilder();
    int src = b.source("in", IN);
    int win = b.add(new SessionWindowOperator(IN, 0, new int[] {1}, gap, true, WINDOWED), WINDOWED, src);
    int agg = b.add(new AggregateOperator(WINDOWED, new int[] {1, 3, 4}, CALLS, OUT, false,
        new WindowClose(2, 0, emitOnClose)), OUT, win);
    return new RecordedCircuit(b.build(agg));
  }

  private static RecordedCircuit fused(long gap, boolean emitOnClose) {
    CircuitBuilder b = new CircuitBuilder();
    int src = b.source("in", IN);
    int agg = b.add(new SessionAggregateOperator(IN, 0, new int[] {1}, gap, true,
        new int[] {1, SessionAggregateOperator.WINDOW_START, SessionAggregateOperator.WINDOW_END}, CALLS, OUT,
        emitOnClose), OUT, src);
    return new RecordedCircuit(b.build(agg));
  }

  @Test
  void fusedEqualsSessionWindowThenAggregate() {
    for (int trial = 0; trial < 400; trial++) {
      Random rnd = new Random(trial);
      long gap = 3 + rnd.nextInt(20);
      boolean emitOnClose = rnd.nextBoolean();
      RecordedCircuit ref = reference(gap, emitOnClose);
      RecordedCircuit fused = fused(gap, emitOnClose);
      long maxTs = 0;
      long wm = Long.MIN_VALUE;
      int keys = 1 + rnd.nextInt(4);
      for (int step = 0; step < 40; step++) {
        BatchBuilder batch = new BatchBuilder(IN);
        for (int i = rnd.nextInt(6); i > 0; i--) {
          long ts = rnd.nextInt(300);
          maxTs = Math.max(maxTs, ts);
          Object v = rnd.nextInt(8) == 0 ? null : (Object) (long) rnd.nextInt(10);
          batch.addRow(new Object[] {rnd.nextInt(20) == 0 ? null : ts, (long) rnd.nextInt(keys), v},
              1 + (rnd.nextInt(6) == 0 ? 1 : 0));
        }
        var in = batch.build();
        ref.circuit.push(0, in);
        fused.circuit.push(0, in);
        if (rnd.nextInt(3) == 0) {
          wm = Math.max(wm, maxTs - rnd.nextInt(60));
          ref.circuit.advanceWatermark(0, wm);
          fused.circuit.advanceWatermark(0, wm);
        }
        String where = "trial " + trial + " step " + step + " gap " + gap + " emitOnClose " + emitOnClose;
        assertEquals(ref.out, fused.out, where);
        assertEquals(ref.late, fused.late, where);
        assertEquals(ref.circuit.lateRows(), fused.circuit.lateRows(), where);
      }
      ref.circuit.advanceWatermark(0, Long.MAX_VALUE - gap);
      fused.circuit.advanceWatermark(0, Long.MAX_VALUE - gap);
      assertEquals(ref.out, fused.out, "trial " + trial + " after the last watermark");
      assertEquals(0, fused.circuit.stateSize().rows(), "trial " + trial + ": state freed");
    }
  }

  @Test
  void bridgingRowMergesSessionsAndTheirAggregates() {
    RecordedCircuit fused = fused(10, false);
    BatchBuilder b = new BatchBuilder(IN);
    b.addRow(new Object[] {0L, 1L, 5L}, 1);
    b.addRow(new Object[] {15L, 1L, 7L}, 1);
    fused.circuit.push(0, b.build());
    assertEquals(2, fused.out.size());
    BatchBuilder bridge = new BatchBuilder(IN);
    bridge.addRow(new Object[] {8L, 1L, 1L}, 1);
    fused.circuit.push(0, bridge.build());
    assertEquals(Map.of(Row.of(1L, 0L, 25L, 3L, 13L, 1L, 7L, 3L, 3L), 1L), fused.out);
  }
}
