package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.reference.ReferenceJoin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental == batch over the accepted rows for a {@link JoinOperator} with a {@link TimeBound}
 * (interval and window joins): random rows {@code (k, t, v)} on both sides whose times run behind
 * a moving clock with disorder, some beyond the watermark (late: must be dropped and counted),
 * random retractions of accepted rows, random watermark advances, a key or none, a bound
 * {@code lo <= right.t - left.t <= hi} (an equality when lo = hi, as in a window join) and random
 * lags; one run in four has a half-open bound (no lower or no upper limit), which frees one
 * side only. After every batch the integrated output equals {@link ReferenceJoin} over the rows the
 * operator accepted; every output row's times are at or above the output watermark announced
 * before it (only the freed sides' times for a half-open bound); after a final watermark past every
 * time the state holds exactly the rows of the sides that are never freed. Rerun one seed with
 * {@code -Deddy.seed=N}.
 */
class TimeBoundJoinPropertyTest {
  private static final int RUNS = 120;
  /** (k INT, t TIMESTAMP, v INT): each side's rows. */
  static final RowType SIDE = new RowType(List.of(
      new Column("k", SqlType.of(TypeKind.INT)),
      new Column("t", SqlType.of(TypeKind.TIMESTAMP)),
      new Column("v", SqlType.of(TypeKind.INT))));

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void matchesReferenceOverAcceptedRowsAndFreesState(JoinType type) {
    long only = Long.getLong("eddy.seed", -1);
    long first = 500_000L * (type.ordinal() + 1);
    long late = 0;
    long freed = 0;
    for (long seed = first; seed < first + RUNS; seed++) {
      if (only < 0 || seed == only) {
        long[] r = run(seed, type);
        late += r[0];
        freed += r[1];
      }
    }
    assertTrue(only >= 0 || late > 0 && freed > 0, "some rows should be late and some state freed mid-run");
  }

  /** Returns {late rows, runs that freed state before the final watermark}. */
  private static long[] run(long seed, JoinType type) {
    Random random = new Random(seed);
    long lo0 = random.nextInt(11) - 5;
    long hi0 = random.nextInt(4) == 0 ? lo0 : lo0 + random.nextInt(8);
    int open = random.nextInt(4);
    long lo = open == 0 ? Long.MIN_VALUE : lo0;
    long hi = open == 1 ? Long.MAX_VALUE : hi0;
    long leftLag = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
    long rightLag = random.nextInt(3) == 0 ? random.nextInt(4) : 0;
    boolean keyed = random.nextBoolean();
    JoinKeys keys = keyed ? JoinKeys.of(new int[] {0}, new int[] {0}) : JoinKeys.of(new int[0], new int[0]);
    TimeBound bound = new TimeBound(1, 1, lo, hi, leftLag, rightLag);
    ReferenceJoin.Condition cond = new ReferenceJoin.Condition(keys.left(), keys.right(), new boolean[keys.left().length],
        (l, r) -> l.get(1) != null && r.get(1) != null && inRange((Long) r.get(1) - (Long) l.get(1), lo, hi));
    RowType out = type.emitsPairs() ? concat(SIDE, SIDE) : SIDE;
    JoinOperator op = new JoinOperator(SIDE, SIDE, keys, type, new Residual(lo, hi), "t in range", out, bound);
    Map<Row, Long> output = new HashMap<>();
    long[] outWm = {Long.MIN_VALUE};
    op.open(b -> {
      ZSets.addInto(output, b);
      for (int r = 0; r < b.size(); r++) {
        Object[] v = b.row(r);
        for (int c = 1; c < v.length; c += SIDE.size()) {
          if (v[c] != null && bound.frees(c / SIDE.size())) {
            long time = (Long) v[c];
            long floor = outWm[0];
            assertTrue(time >= floor, () -> "seed " + seed + ": output time " + time + " below " + floor);
          }
        }
      }
    });
    List<Map<Row, Long>> accepted = List.of(new HashMap<>(), new HashMap<>());
    long clock = 0;
    long wm = Long.MIN_VALUE;
    boolean freedMidRun = false;
    int steps = 10 + random.nextInt(40);
    for (int step = 0; step < steps; step++) {
      int port = random.nextInt(2);
      long lag = port == 0 ? leftLag : rightLag;
      BatchBuilder batch = new BatchBuilder(SIDE);
      Map<Row, Long> delta = new HashMap<>();
      int rows = 1 + random.nextInt(4);
      for (int i = 0; i < rows; i++) {
        clock += random.nextInt(3);
        Map<Row, Long> acc = accepted.get(port);
        Row row;
        long w;
        List<Row> present = new ArrayList<>();
        acc.forEach((r, n) -> {
          if (n + delta.getOrDefault(r, 0L) > 0) {
            present.add(r);
          }
        });
        if (!present.isEmpty() && random.nextInt(5) == 0) {
          row = present.get(random.nextInt(present.size()));
          w = -1;
        } else {
          Long t = random.nextInt(15) == 0 ? null : clock - random.nextInt(7);
          row = new Row(new Object[] {random.nextInt(3), t, random.nextInt(2)});
          w = 1;
        }
        batch.set(0, row.get(0));
        batch.set(1, row.get(1));
        batch.set(2, row.get(2));
        batch.endRow(w);
        ZSets.addInto(delta, row, w);
      }
      // the operator consolidates a batch first, then drops each row whose time is below the horizon
      long horizon = TimeBound.minus(wm, lag);
      delta.forEach((row, w) -> {
        if (w != 0 && (row.get(1) == null || (Long) row.get(1) >= horizon)) {
          ZSets.addInto(accepted.get(port), row, w);
        }
      });
      op.onBatch(port, batch.build());
      Map<Row, Long> expected = ReferenceJoin.join(accepted.get(0), accepted.get(1), 3, 3, cond, type);
      long s = seed;
      assertEquals(expected, output, () -> "seed " + s + " " + op.describe() + "\nleft " + accepted.get(0)
          + "\nright " + accepted.get(1));
      if (random.nextInt(3) == 0) {
        long before = op.stateSize().rows();
        wm = Math.max(wm, clock - 4 + random.nextInt(2));
        op.onWatermark(wm);
        outWm[0] = Math.max(outWm[0], op.outputWatermark(wm));
        freedMidRun |= op.stateSize().rows() < before;
      }
    }
    op.onWatermark(Math.max(wm, clock + 100));
    // expired entries are freed at a pace (DueQueue.dueBy); the query's idle turns free the rest
    op.freeReleased(Integer.MAX_VALUE);
    long kept = 0;
    for (int port = 0; port < 2; port++) {
      if (!bound.frees(port)) {
        kept += accepted.get(port).entrySet().stream().filter(e -> e.getValue() > 0 && e.getKey().get(1) != null).count();
      }
    }
    assertEquals(kept, op.stateSize().rows(), "seed " + seed + ": state after the final watermark (" + bound + ")");
    return new long[] {op.lateRows(), freedMidRun ? 1 : 0};
  }

  private static boolean inRange(long d, long lo, long hi) {
    return d >= lo && d <= hi;
  }

  static RowType concat(RowType a, RowType b) {
    List<Column> cols = new ArrayList<>(a.columns());
    cols.addAll(b.columns());
    return new RowType(cols);
  }

  /** The residual as the planner compiles it: keeps pairs with {@code lo <= r.t - l.t <= hi}. */
  record Residual(long lo, long hi) implements BatchCalc {
    @Override
    public ZBatch apply(ZBatch in) {
      BatchBuilder out = new BatchBuilder(new RowType(List.of(in.type().get(6))));
      for (int r = 0; r < in.size(); r++) {
        Object[] v = in.row(r);
        if (v[1] != null && v[4] != null && inRange((Long) v[4] - (Long) v[1], lo, hi)) {
          out.longField(0, in.getLong(6, r));
          out.endRow(in.weight(r));
        }
      }
      return out.build();
    }

    @Override
    public long errors() {
      return 0;
    }
  }
}
