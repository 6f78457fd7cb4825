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
import io.eddy.exec.operator.TemporalJoinOperator.Versions;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TemporalJoinOperator} equals the definition of {@code FOR SYSTEM_TIME AS OF} over the
 * rows it accepted, after every batch and watermark: every probe whose time the watermark has
 * passed (or with a NULL key or time) joined with the version of its key valid at its time, and no
 * other probe. Random rows {@code (k, t, v)} with disorder behind a moving clock (some late, some
 * with NULL key or time), versions as a stream or as a table changelog with upserts and deletes.
 * Every output row's left time is at or above the watermark announced before it; after a final
 * watermark past every time only each key's latest version is held. A second instance restored
 * from a snapshot taken at a random step and fed the same later inputs gives the same outputs,
 * state sizes and late counts. Rerun one seed with {@code -Deddy.seed=N}.
 */
class TemporalJoinPropertyTest {
  private static final int RUNS = 300;
  private static final RowType SIDE = new RowType(List.of(
      new Column("k", SqlType.of(TypeKind.INT)),
      new Column("t", SqlType.of(TypeKind.TIMESTAMP)),
      new Column("v", SqlType.of(TypeKind.INT))));
  private static final RowType OUT = new RowType(List.of(SIDE.get(0), SIDE.get(1), SIDE.get(2), SIDE.get(0),
      SIDE.get(1), SIDE.get(2)));

  /** An accepted versioned-side change, in arrival order. */
  private record Change(Row row, boolean delete) {}

  @ParameterizedTest
  @CsvSource({"false,STREAM", "true,STREAM", "false,TABLE", "true,TABLE"})
  void matchesAsOfDefinitionOverAcceptedRows(boolean leftOuter, Versions kind) {
    long only = Long.getLong("eddy.seed", -1);
    long late = 0;
    for (long seed = 0; seed < RUNS; seed++) {
      if (only < 0 || seed == only) {
        late += run(seed, leftOuter, kind);
      }
    }
    assertTrue(only >= 0 || late > 0, "some rows should be late");
  }

  private static TemporalJoinOperator operator(boolean leftOuter, Versions kind) {
    return new TemporalJoinOperator(SIDE, SIDE, JoinKeys.of(new int[] {0}, new int[] {0}), 1, 1, leftOuter, kind, OUT);
  }

  private static long run(long seed, boolean leftOuter, Versions kind) {
    Random random = new Random(seed);
    TemporalJoinOperator op = operator(leftOuter, kind);
    Map<Row, Long> output = new HashMap<>();
    long[] announced = {Long.MIN_VALUE};
    op.open(b -> {
      ZSets.addInto(output, b);
      for (int r = 0; r < b.size(); r++) {
        Object t = b.row(r)[1];
        long floor = announced[0];
        assertTrue(b.weight(r) > 0, "insert-only output");
        assertTrue(t == null || (Long) t >= floor, () -> "seed " + seed + ": left time " + t + " below " + floor);
      }
    });
    TemporalJoinOperator restored = null;
    Map<Row, Long> restoredOutput = new HashMap<>();
    Map<Row, Long> outputAtSnapshot = null;
    List<Row> probes = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    long clock = 0;
    long wm = Long.MIN_VALUE;
    int steps = 5 + random.nextInt(40);
    int snapshotAt = random.nextInt(steps);
    for (int step = 0; step < steps; step++) {
      if (step == snapshotAt) {
        StateOutput state = new StateOutput();
        op.snapshot(state);
        restored = operator(leftOuter, kind);
        restored.open(b -> ZSets.addInto(restoredOutput, b));
        StateInput in = new StateInput(state.toByteArray());
        restored.restore(in);
        assertTrue(in.atEnd());
        outputAtSnapshot = new HashMap<>(output);
      }
      int port = random.nextInt(2);
      BatchBuilder batch = new BatchBuilder(SIDE);
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        clock += random.nextInt(3);
        Long t = random.nextInt(12) == 0 ? null : clock - random.nextInt(7);
        Integer k = random.nextInt(12) == 0 ? null : random.nextInt(3);
        Row row = new Row(new Object[] {k, t, random.nextInt(3)});
        boolean delete = port == 1 && kind == Versions.TABLE && random.nextInt(4) == 0;
        batch.set(0, k);
        batch.set(1, t);
        batch.set(2, row.get(2));
        batch.endRow(delete ? -1 : 1);
        if (t == null || t >= wm) {
          if (port == 0) {
            probes.add(row);
          } else {
            changes.add(new Change(row, delete));
          }
        }
      }
      ZBatch built = batch.build();
      op.onBatch(port, built);
      if (restored != null) {
        restored.onBatch(port, built);
      }
      check(seed, output, reference(probes, changes, wm, leftOuter, kind), op, restored, restoredOutput,
          outputAtSnapshot);
      if (random.nextInt(3) == 0) {
        wm = Math.max(wm, clock - 4 + random.nextInt(2));
        op.onWatermark(wm);
        announced[0] = Math.max(announced[0], op.outputWatermark(wm));
        if (restored != null) {
          restored.onWatermark(wm);
        }
        check(seed, output, reference(probes, changes, wm, leftOuter, kind), op, restored, restoredOutput,
            outputAtSnapshot);
      }
    }
    op.onWatermark(clock + 100);
    assertEquals(reference(probes, changes, clock + 100, leftOuter, kind), output, "seed " + seed);
    assertEquals(latestVersionRows(changes, kind), op.stateSize().rows(),
        "seed " + seed + ": only each key's latest version left");
    return op.lateRows();
  }

  private static void check(long seed, Map<Row, Long> output, Map<Row, Long> expected, TemporalJoinOperator op,
      TemporalJoinOperator restored, Map<Row, Long> restoredOutput, Map<Row, Long> outputAtSnapshot) {
    assertEquals(expected, output, () -> "seed " + seed);
    if (restored != null) {
      Map<Row, Long> both = new HashMap<>(outputAtSnapshot);
      restoredOutput.forEach((r, w) -> ZSets.addInto(both, r, w));
      both.values().removeIf(w -> w == 0);
      assertEquals(output, both, () -> "seed " + seed + ": restored instance");
      assertEquals(op.stateSize(), restored.stateSize(), () -> "seed " + seed + ": restored state size");
      assertEquals(op.lateRows(), restored.lateRows(), () -> "seed " + seed + ": restored late rows");
    }
  }

  /** Rows held by versions of keys whose latest change is not a delete. */
  private static long latestVersionRows(List<Change> changes, Versions kind) {
    Map<Object, Long> latest = new HashMap<>();
    changes.forEach(c -> {
      if (c.row.get(0) != null && c.row.get(1) != null) {
        latest.merge(c.row.get(0), (Long) c.row.get(1), Math::max);
      }
    });
    long held = 0;
    for (Map.Entry<Object, Long> e : latest.entrySet()) {
      List<Row> version = versionAt(changes, e.getKey(), e.getValue(), kind);
      held += version == null ? 0 : version.size();
    }
    return held;
  }

  /** The probes the watermark passed (or that can never match), each with its version. */
  private static Map<Row, Long> reference(List<Row> probes, List<Change> changes, long wm, boolean leftOuter,
      Versions kind) {
    Map<Row, Long> out = new HashMap<>();
    for (Row l : probes) {
      Long t = (Long) l.get(1);
      if (t != null && l.get(0) != null && t >= wm) {
        continue;
      }
      List<Row> version = t == null || l.get(0) == null ? null : versionAt(changes, l.get(0), t, kind);
      if (version != null) {
        for (Row r : version) {
          ZSets.addInto(out, new Row(new Object[] {l.get(0), l.get(1), l.get(2), r.get(0), r.get(1), r.get(2)}), 1);
        }
      } else if (leftOuter) {
        ZSets.addInto(out, new Row(new Object[] {l.get(0), l.get(1), l.get(2), null, null, null}), 1);
      }
    }
    return out;
  }

  /**
   * The version of {@code key} at {@code t}: the changes with the greatest time at or before it
   * (STREAM: all their rows; TABLE: the last of them in arrival order, none if it is a delete).
   */
  private static List<Row> versionAt(List<Change> changes, Object key, long t, Versions kind) {
    Long best = null;
    for (Change c : changes) {
      Long ct = (Long) c.row.get(1);
      if (ct != null && Objects.equals(key, c.row.get(0)) && ct <= t && (best == null || ct > best)) {
        best = ct;
      }
    }
    List<Row> version = new ArrayList<>();
    for (Change c : changes) {
      if (best != null && Objects.equals(key, c.row.get(0)) && best.equals(c.row.get(1))) {
        if (kind == Versions.TABLE) {
          version.clear();
        }
        if (!c.delete) {
          version.add(c.row);
        }
      }
    }
    return version.isEmpty() ? null : version;
  }
}
