package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.CircuitBuilder;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.exec.window.RecordedCircuit;
import io.eddy.exec.window.WindowAssignOperator;
import io.eddy.exec.window.WindowClose;
import io.eddy.exec.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused {@link HopCountOperator} against the path it replaces ({@link WindowAssignOperator}
 * with a HOP window, then an {@link AggregateOperator} grouped by the key and the window's bounds)
 * on random disordered input with retractions, NULLs and random watermarks, for random slides,
 * sizes (multiples of the slide or not) and offsets, grouped by a key or not and by either bound
 * or both: equal integrated output after every step, equal late rows (counted and routed in the
 * same order), and no state left once the watermark passes everything.
 */
class HopCountPropertyTest {
  private static final SqlType TS = SqlType.of(TypeKind.TIMESTAMP);
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType COUNT = BIGINT.withNullable(false);
  /** (ts, k, v, w NOT NULL). */
  private static final RowType IN = type(TS, BIGINT, BIGINT, COUNT);
  private static final RowType WINDOWED = type(TS, BIGINT, BIGINT, COUNT, TS, TS);
  /** COUNT(*), COUNT(v), COUNT(k), COUNT(w) (never NULL), COUNT(v) again, COUNT(window_end). */
  private static final List<AggCall> CALLS = List.of(AggCall.countStar(), AggCall.of(AggKind.COUNT, 2, COUNT),
      AggCall.of(AggKind.COUNT, 1, COUNT), AggCall.of(AggKind.COUNT, 3, COUNT), AggCall.of(AggKind.COUNT, 2, COUNT),
      AggCall.of(AggKind.COUNT, 5, COUNT));

  private static RowType type(SqlType... types) {
    List<Column> cols = new ArrayList<>();
    for (SqlType t : types) {
      cols.add(new Column("c" + cols.size(), t));
    }
    return new RowType(cols);
  }

  /** Which columns a case groups by. */
  private record Grouping(boolean byKey, boolean withStart, boolean withEnd) {
    int[] referenceKeys() {
      List<Integer> keys = new ArrayList<>();
      if (byKey) {
        keys.add(1);
      }
      if (withStart) {
        keys.add(4);
      }
      if (withEnd) {
        keys.add(5);
      }
      return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    RowType output() {
      List<SqlType> types = new ArrayList<>();
      if (byKey) {
        types.add(BIGINT);
      }
      if (withStart) {
        types.add(TS);
      }
      if (withEnd) {
        types.add(TS);
      }
      CALLS.forEach(c -> types.add(COUNT));
      return type(types.toArray(SqlType[]::new));
    }
  }

  private static RecordedCircuit reference(WindowSpec spec, Grouping g) {
    CircuitBuilder b = new CircuitBuilder();
    int src = b.source("in", IN);
    int win = b.add(new WindowAssignOperator(IN, 0, spec, true, WINDOWED), WINDOWED, src);
    int[] keys = g.referenceKeys();
    RowType out = g.output();
    WindowClose close = g.withEnd() ? new WindowClose(keys.length - 1, 0, false)
        : new WindowClose(keys.length - 1, spec.maxLength(), false);
    return new RecordedCircuit(b.build(b.add(new AggregateOperator(WINDOWED, keys, CALLS, out, false, close), out, win)));
  }

  private static RecordedCircuit fused(WindowSpec spec, Grouping g) {
    CircuitBuilder b = new CircuitBuilder();
    int src = b.source("in", IN);
    RowType out = g.output();
    return new RecordedCircuit(b.build(b.add(new HopCountOperator(IN, 0, spec, g.byKey() ? new int[] {1} : new int[0],
        g.withStart(), g.withEnd(), CALLS, out), out, src)));
  }

  @Test
  void fusedEqualsWindowAssignThenAggregate() {
    for (int trial = 0; trial < 600; trial++) {
      Random rnd = new Random(trial);
      long slide = new long[] {2, 3, 5, 10}[rnd.nextInt(4)];
      long size = rnd.nextInt(4) == 0 ? slide * (1 + rnd.nextInt(4)) + 1 + rnd.nextInt((int) slide)
          : slide * (1 + rnd.nextInt(5));
      WindowSpec spec = WindowSpec.hop(slide, size, rnd.nextInt(3) == 0 ? rnd.nextInt(25) - 12 : 0);
      boolean start = rnd.nextBoolean();
      Grouping g = new Grouping(rnd.nextInt(4) != 0, start, !start || rnd.nextBoolean());
      RecordedCircuit ref = reference(spec, g);
      RecordedCircuit fused = fused(spec, g);
      String where = "trial " + trial + " " + spec + " " + g;
      long clock = 0;
      long wm = Long.MIN_VALUE;
      int keys = 1 + rnd.nextInt(4);
      List<Object[]> inserted = new ArrayList<>();
      for (int step = 0; step < 50; step++) {
        BatchBuilder batch = new BatchBuilder(IN);
        for (int i = rnd.nextInt(8); i > 0; i--) {
          if (!inserted.isEmpty() && rnd.nextInt(6) == 0) {
            batch.addRow(inserted.remove(rnd.nextInt(inserted.size())), -1);
            continue;
          }
          clock += rnd.nextInt(4);
          long ts = rnd.nextInt(4) == 0 ? clock - rnd.nextInt(40) : clock + rnd.nextInt(3);
          Object[] row = {rnd.nextInt(20) == 0 ? null : ts, rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(keys),
              rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(9), 7L};
          long w = 1 + (rnd.nextInt(6) == 0 ? 1 : 0);
          batch.addRow(row, w);
          for (long k = 0; k < w; k++) {
            inserted.add(row);
          }
        }
        ZBatch in = batch.build();
        ref.circuit.push(0, in);
        fused.circuit.push(0, in);
        if (rnd.nextInt(3) == 0) {
          wm = Math.max(wm, clock - rnd.nextInt(30));
          ref.circuit.advanceWatermark(0, wm);
          fused.circuit.advanceWatermark(0, wm);
        }
        assertEquals(ref.out, fused.out, where + " step " + step);
        assertEquals(ref.late, fused.late, where + " step " + step);
        assertEquals(ref.circuit.lateRows(), fused.circuit.lateRows(), where + " step " + step);
      }
      ref.circuit.advanceWatermark(0, Long.MAX_VALUE - 1);
      fused.circuit.advanceWatermark(0, Long.MAX_VALUE - 1);
      while (fused.circuit.freeReleased(1 << 20)) {
        // freed a slice at a time
      }
      assertEquals(ref.out, fused.out, where + " after the last watermark");
      assertEquals(0, fused.circuit.stateSize().rows(), where + ": state freed");
      assertTrue(fused.out.values().stream().allMatch(w -> w > 0), where + ": " + fused.out);
    }
  }

  /**
   * A key's rows far from each other (spread over 200 panes, then one a year ahead: a wrong
   * clock) give the same windows; the far ones are single stray panes, so the state stays small.
   */
  @Test
  void rowsFarApartStayRightAndSmall() {
    Grouping g = new Grouping(true, true, true);
    WindowSpec spec = WindowSpec.hop(2, 10, 0);
    RecordedCircuit ref = reference(spec, g);
    RecordedCircuit fused = fused(spec, g);
    long yearAhead = 365L * 86_400_000L;
    for (long t = 0; t < 400; t += 7) {
      BatchBuilder b = new BatchBuilder(IN);
      b.addRow(new Object[] {t, 1L, t, 7L}, 1);
      b.addRow(new Object[] {400 - t, 1L, null, 7L}, 1);
      if (t == 203) {
        b.addRow(new Object[] {yearAhead, 1L, 1L, 7L}, 1);
      }
      ZBatch in = b.build();
      ref.circuit.push(0, in);
      fused.circuit.push(0, in);
      assertEquals(ref.out, fused.out, "at " + t);
    }
    ref.circuit.advanceWatermark(0, 300);
    fused.circuit.advanceWatermark(0, 300);
    BatchBuilder b = new BatchBuilder(IN);
    b.addRow(new Object[] {305L, 1L, 3L, 7L}, 1);
    b.addRow(new Object[] {yearAhead + 1, 1L, 3L, 7L}, 1);
    ZBatch last = b.build();
    ref.circuit.push(0, last);
    fused.circuit.push(0, last);
    assertEquals(ref.out, fused.out, "after the watermark");
    assertEquals(1, fused.circuit.stateSize().rows());
    assertTrue(fused.circuit.stateSize().bytes() < 4_096, "strays, not a ring over the gap: "
        + fused.circuit.stateSize());
    ref.circuit.advanceWatermark(0, Long.MAX_VALUE - 1);
    fused.circuit.advanceWatermark(0, Long.MAX_VALUE - 1);
    while (fused.circuit.freeReleased(1 << 20)) {
      // freed a slice at a time
    }
    assertEquals(0, fused.circuit.stateSize().rows());
    assertEquals(0, fused.circuit.stateSize().bytes());
  }
}
