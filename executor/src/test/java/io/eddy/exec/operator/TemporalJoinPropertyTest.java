package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZSets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TemporalJoinOperator} equals the definition of {@code FOR SYSTEM_TIME AS OF} over the
 * rows it accepted, after every batch: random rows {@code (k, t, v)} with disorder behind a moving
 * clock (some late, some with NULL key or time), random watermark advances. Every output row's
 * left time is at or above the watermark announced before it; after a final watermark past every
 * time only the latest version of each key (its rows) is held. Rerun one seed with {@code -Deddy.seed=N}.
 */
class TemporalJoinPropertyTest {
  private static final int RUNS = 300;
  private static final RowType SIDE = new RowType(List.of(
      new Column("k", SqlType.of(TypeKind.INT)),
      new Column("t", SqlType.of(TypeKind.TIMESTAMP)),
      new Column("v", SqlType.of(TypeKind.INT))));
  private static final RowType OUT = new RowType(List.of(SIDE.get(0), SIDE.get(1), SIDE.get(2), SIDE.get(0),
      SIDE.get(1), SIDE.get(2)));

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void matchesAsOfDefinitionOverAcceptedRows(boolean leftOuter) {
    long only = Long.getLong("eddy.seed", -1);
    long late = 0;
    for (long seed = 0; seed < RUNS; seed++) {
      if (only < 0 || seed == only) {
        late += run(seed, leftOuter);
      }
    }
    assertTrue(only >= 0 || late > 0, "some rows should be late");
  }

  private static long run(long seed, boolean leftOuter) {
    Random random = new Random(seed);
    TemporalJoinOperator op = new TemporalJoinOperator(SIDE, SIDE, JoinKeys.of(new int[] {0}, new int[] {0}), 1, 1,
        leftOuter, OUT);
    Map<Row, Long> output = new HashMap<>();
    long[] announced = {Long.MIN_VALUE};
    op.open(b -> {
      ZSets.addInto(output, b);
      for (int r = 0; r < b.size(); r++) {
        Object t = b.row(r)[1];
        long floor = announced[0];
        assertTrue(t == null || (Long) t >= floor, () -> "seed " + seed + ": left time " + t + " below " + floor);
      }
    });
    List<List<Row>> accepted = List.of(new ArrayList<>(), new ArrayList<>());
    long clock = 0;
    long wm = Long.MIN_VALUE;
    int steps = 5 + random.nextInt(40);
    for (int step = 0; step < steps; step++) {
      int port = random.nextInt(2);
      BatchBuilder batch = new BatchBuilder(SIDE);
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        clock += random.nextInt(3);
        Long t = random.nextInt(12) == 0 ? null : clock - random.nextInt(7);
        Integer k = random.nextInt(12) == 0 ? null : random.nextInt(3);
        Row row = new Row(new Object[] {k, t, random.nextInt(3)});
        batch.set(0, k);
        batch.set(1, t);
        batch.set(2, row.get(2));
        batch.endRow(1);
        if (t == null || t >= wm) {
          accepted.get(port).add(row);
        }
      }
      op.onBatch(port, batch.build());
      long s = seed;
      assertEquals(reference(accepted.get(0), accepted.get(1), leftOuter), output,
          () -> "seed " + s + "\nleft " + accepted.get(0) + "\nright " + accepted.get(1));
      if (random.nextInt(3) == 0) {
        wm = Math.max(wm, clock - 4 + random.nextInt(2));
        op.onWatermark(wm);
        announced[0] = Math.max(announced[0], op.outputWatermark(wm));
      }
    }
    op.onWatermark(clock + 100);
    Map<Object, Long> latest = new HashMap<>();
    accepted.get(1).forEach(r -> {
      if (r.get(0) != null && r.get(1) != null) {
        latest.merge(r.get(0), (Long) r.get(1), Math::max);
      }
    });
    long held = accepted.get(1).stream().filter(r -> r.get(0) != null && r.get(1) != null
        && r.get(1).equals(latest.get(r.get(0)))).count();
    assertEquals(held, op.stateSize().rows(), "seed " + seed + ": only each key's latest version left");
    return op.lateRows();
  }

  /** For each left row: the right rows of its key with the greatest time at or before its time. */
  private static Map<Row, Long> reference(List<Row> left, List<Row> right, boolean leftOuter) {
    Map<Row, Long> out = new HashMap<>();
    for (Row l : left) {
      Long best = null;
      for (Row r : right) {
        if (matches(l, r) && (best == null || (Long) r.get(1) > best)) {
          best = (Long) r.get(1);
        }
      }
      boolean any = false;
      for (Row r : right) {
        if (best != null && matches(l, r) && r.get(1).equals(best)) {
          ZSets.addInto(out, new Row(new Object[] {l.get(0), l.get(1), l.get(2), r.get(0), r.get(1), r.get(2)}), 1);
          any = true;
        }
      }
      if (!any && leftOuter) {
        ZSets.addInto(out, new Row(new Object[] {l.get(0), l.get(1), l.get(2), null, null, null}), 1);
      }
    }
    return out;
  }

  private static boolean matches(Row l, Row r) {
    return l.get(0) != null && l.get(1) != null && r.get(1) != null && Objects.equals(l.get(0), r.get(0))
        && (Long) r.get(1) <= (Long) l.get(1);
  }
}
