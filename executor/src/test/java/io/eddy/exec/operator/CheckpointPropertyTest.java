package io.eddy.exec.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.CircuitBuilder;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.exec.sink.ViewStore;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.window.SessionAggregateOperator;
import io.eddy.exec.window.SessionWindowOperator;
import io.eddy.exec.window.WindowAssignOperator;
import io.eddy.exec.window.WindowClose;
import io.eddy.exec.window.WindowSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checkpoints of every stateful operator: a random history (batches on every input, watermark
 * advances for windowed operators) runs once uninterrupted; again it runs up to a random cut, the
 * whole circuit and its view store are snapshotted, restored into fresh instances
 * ({@link Circuit#open(Emitter, StateInput)}) and the rest of the history continues there. The
 * view's contents, the state size, late rows, the output watermark and the size of a final
 * snapshot must equal the uninterrupted run's, and so must every delta the restored circuit emits
 * and every late row it routes to the circuit's side output after the cut. Rerun one seed with
 * {@code -Deddy.seed=N}.
 */
class CheckpointPropertyTest {
  private static final int RUNS = 60;
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  private static final SqlType TS = SqlType.of(TypeKind.TIMESTAMP);

  /** One step of a history: a batch into a source, or (batch null) a watermark advance. */
  private record Event(int source, ZBatch batch, long watermark) {}

  @Test
  void aggregatesWithRetractions() {
    forEachSeed(1_000, rows -> {
      RowType in = rows.schemaWithEveryKind();
      List<AggCall> calls = new ArrayList<>();
      for (AggKind kind : AggKind.values()) {
        calls.add(AggregatePropertyTest.randomCall(rows, in, kind));
      }
      int[] keys = rows.random().nextInt(4) == 0 ? new int[0] : new int[] {rows.random().nextInt(in.size())};
      RowType out = AggregatePropertyTest.output(in, keys, calls);
      return new Case(() -> single(in, new AggregateOperator(in, keys, calls, out), out), history(rows, in));
    });
  }

  @Test
  void insertOnlyAggregates() {
    forEachSeed(2_000, rows -> {
      RowType in = rows.schemaWithEveryKind();
      List<AggCall> calls = new ArrayList<>();
      for (AggKind kind : new AggKind[] {AggKind.MIN, AggKind.MAX, AggKind.ANY_VALUE, AggKind.COUNT, AggKind.SUM}) {
        AggCall c = AggregatePropertyTest.randomCall(rows, in, kind);
        calls.add(new AggCall(c.kind(), c.arg(), false, c.filterArg(), c.outType()));
      }
      int[] keys = {rows.random().nextInt(in.size())};
      RowType out = AggregatePropertyTest.output(in, keys, calls);
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        BatchBuilder b = new BatchBuilder(in, 8);
        for (int r = rows.random().nextInt(8); r > 0; r--) {
          b.addRow(rows.row(in).values(), 1);
        }
        events.add(new Event(0, b.build(), 0));
      }
      return new Case(() -> single(in, new AggregateOperator(in, keys, calls, out, true), out), events);
    });
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void joins(JoinType type) {
    forEachSeed(3_000 + 1_000L * type.ordinal(), rows -> {
      RowType left = rows.schemaWithEveryKind();
      RowType right = rows.schemaWithEveryKind();
      TypeKind kind = TypeKind.values()[rows.random().nextInt(TypeKind.values().length)];
      int[] lk = {rows.pick(RandomRows.columnsOf(left, kind))};
      int[] rk = {rows.pick(RandomRows.columnsOf(right, kind))};
      boolean[] nullsEqual = {rows.random().nextBoolean()};
      List<Column> cols = new ArrayList<>(left.columns());
      if (type.emitsPairs()) {
        cols.addAll(right.columns());
      }
      RowType out = new RowType(cols);
      List<Event> events = interleave(rows, history(rows, left), history(rows, right));
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int l = b.source("l", left);
        int r = b.source("r", right);
        return b.build(b.add(new JoinOperator(left, right, new JoinKeys(lk, rk, nullsEqual), type, null, "", out),
            out, l, r));
      }, events);
    });
  }

  @Test
  void upserts() {
    forEachSeed(20_000, rows -> {
      RowType in = rows.schemaWithEveryKind();
      int[] keys = {rows.random().nextInt(in.size())};
      return new Case(() -> single(in, new UpsertOperator(in, keys), in), history(rows, in));
    });
  }

  @ParameterizedTest
  @EnumSource(SetOpOperator.Kind.class)
  void setOps(SetOpOperator.Kind kind) {
    forEachSeed(21_000 + 1_000L * kind.ordinal(), rows -> {
      RowType in = rows.schemaWithEveryKind();
      boolean all = rows.random().nextBoolean();
      // Few distinct rows, so the inputs overlap.
      RowType narrow = new RowType(List.of(in.get(0)));
      List<Event> events = interleave(rows, history(rows, narrow), history(rows, narrow));
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.source("x", narrow);
        int y = b.source("y", narrow);
        return b.build(b.add(new SetOpOperator(narrow, kind, all, 2), narrow, x, y));
      }, events);
    });
  }

  @Test
  void topN() {
    forEachSeed(24_000, rows -> {
      RowType in = rows.schemaWithEveryKind();
      Random random = rows.random();
      int[] partition = random.nextBoolean() ? new int[0] : new int[] {random.nextInt(in.size())};
      List<SortKey> order = List.of(new SortKey(random.nextInt(in.size()), random.nextBoolean(), random.nextBoolean()));
      long limit = 1 + random.nextInt(3);
      long offset = random.nextInt(2);
      boolean rowNumber = random.nextBoolean();
      List<Column> cols = new ArrayList<>(in.columns());
      if (rowNumber) {
        cols.add(new Column("rn", BIGINT));
      }
      RowType out = new RowType(cols);
      return new Case(() -> single(in, new TopNOperator(out, partition, order, offset, limit, rowNumber),
          out), history(rows, in));
    });
  }

  /** (ts, k, v) rows, mostly in time order, with watermark advances that make some rows late. */
  private static List<Event> timedHistory(RandomRows rows) {
    Random random = rows.random();
    List<Event> events = new ArrayList<>();
    long time = 1_000;
    long wm = Long.MIN_VALUE;
    for (int i = 0; i < 25; i++) {
      if (random.nextInt(3) == 0) {
        wm = Math.max(wm, time - random.nextInt(30));
        events.add(new Event(0, null, wm));
        continue;
      }
      BatchBuilder b = new BatchBuilder(TIMED, 8);
      for (int r = random.nextInt(6); r > 0; r--) {
        time += random.nextInt(7);
        long ts = time - random.nextInt(25);
        b.addRow(new Object[] {ts, (long) random.nextInt(3), (long) random.nextInt(100)}, 1 + random.nextInt(2));
      }
      events.add(new Event(0, b.build(), 0));
    }
    return events;
  }

  private static final RowType TIMED = new RowType(List.of(new Column("ts", TS), new Column("k", BIGINT),
      new Column("v", BIGINT)));
  private static final RowType WINDOWED = new RowType(List.of(new Column("ts", TS), new Column("k", BIGINT),
      new Column("v", BIGINT), new Column("ws", TS), new Column("we", TS)));
  private static final RowType WINDOW_AGG = new RowType(List.of(new Column("k", BIGINT), new Column("ws", TS),
      new Column("we", TS), new Column("n", BIGINT.withNullable(false)), new Column("s", BIGINT),
      new Column("mx", BIGINT)));
  private static final List<AggCall> WINDOW_CALLS = List.of(AggCall.countStar(), AggCall.of(AggKind.SUM, 2, BIGINT),
      AggCall.of(AggKind.MAX, 2, BIGINT));

  @Test
  void windowedAggregatesClosedByWatermarks() {
    forEachSeed(25_000, rows -> {
      Random random = rows.random();
      WindowSpec spec = switch (random.nextInt(3)) {
        case 0 -> WindowSpec.tumble(20, 0);
        case 1 -> WindowSpec.hop(10, 30, 0);
        default -> WindowSpec.cumulate(10, 30, 0);
      };
      boolean emitOnClose = random.nextBoolean();
      boolean insertOnly = random.nextBoolean();
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int s = b.source("t", TIMED);
        int w = b.add(new WindowAssignOperator(TIMED, 0, spec, true, WINDOWED), WINDOWED, s);
        return b.build(b.add(new AggregateOperator(WINDOWED, new int[] {1, 3, 4}, WINDOW_CALLS, WINDOW_AGG,
            insertOnly, new WindowClose(2, 0, emitOnClose)), WINDOW_AGG, w));
      }, timedHistory(rows));
    });
  }

  @Test
  void sessionWindows() {
    forEachSeed(26_000, rows -> {
      boolean eventTime = rows.random().nextInt(4) != 0;
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int s = b.source("t", TIMED);
        int w = b.add(new SessionWindowOperator(TIMED, 0, new int[] {1}, 8, eventTime, WINDOWED), WINDOWED, s);
        return b.build(b.add(new AggregateOperator(WINDOWED, new int[] {1, 3, 4}, WINDOW_CALLS, WINDOW_AGG), WINDOW_AGG,
            w));
      }, timedHistory(rows));
    });
  }

  /**
   * Interval and window joins ({@link TimeBound}): the time index that frees state by the
   * watermark is rebuilt on restore, and the watermark and late count are saved, so the restored
   * join drops the same late rows and frees the same rows at the same watermarks.
   */
  @ParameterizedTest
  @EnumSource(JoinType.class)
  void timeBoundJoins(JoinType type) {
    forEachSeed(30_000 + 1_000L * type.ordinal(), rows -> {
      Random random = rows.random();
      long lo = random.nextInt(11) - 5;
      long hi = random.nextInt(4) == 0 ? lo : lo + random.nextInt(8);
      TimeBound bound = new TimeBound(1, 1, lo, hi, random.nextInt(3) == 0 ? random.nextInt(4) : 0,
          random.nextInt(3) == 0 ? random.nextInt(4) : 0);
      JoinKeys keys = random.nextBoolean() ? JoinKeys.of(new int[] {0}, new int[] {0})
          : JoinKeys.of(new int[0], new int[0]);
      RowType side = TimeBoundJoinPropertyTest.SIDE;
      RowType out = type.emitsPairs() ? TimeBoundJoinPropertyTest.concat(side, side) : side;
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int l = b.source("l", side);
        int r = b.source("r", side);
        return b.build(b.add(new JoinOperator(side, side, keys, type, new TimeBoundJoinPropertyTest.Residual(lo, hi),
            "t in range", out, bound), out, l, r));
      }, timedJoinHistory(random));
    });
  }

  /** The fused session-window aggregate, with MIN/MAX multisets and DISTINCT among its accumulators. */
  @Test
  void sessionAggregates() {
    RowType out = new RowType(List.of(new Column("k", BIGINT), new Column("ws", TS), new Column("we", TS),
        new Column("n", BIGINT.withNullable(false)), new Column("s", BIGINT), new Column("mn", BIGINT),
        new Column("mx", BIGINT), new Column("d", BIGINT.withNullable(false))));
    List<AggCall> calls = List.of(AggCall.countStar(), AggCall.of(AggKind.SUM, 2, BIGINT),
        AggCall.of(AggKind.MIN, 2, BIGINT), AggCall.of(AggKind.MAX, 2, BIGINT),
        new AggCall(AggKind.COUNT, 2, true, -1, BIGINT.withNullable(false)));
    int[] outKeys = {1, SessionAggregateOperator.WINDOW_START, SessionAggregateOperator.WINDOW_END};
    forEachSeed(40_000, rows -> {
      Random random = rows.random();
      boolean eventTime = random.nextInt(4) != 0;
      boolean emitOnClose = eventTime && random.nextBoolean();
      long gap = 3 + random.nextInt(10);
      return new Case(() -> single(TIMED, new SessionAggregateOperator(TIMED, 0, new int[] {1}, gap, eventTime,
          outKeys, calls, out, emitOnClose), out), timedHistory(rows));
    });
  }

  /** The pane-based HOP count: its keys' rings, the watermark and the late count are saved. */
  @Test
  void hopCounts() {
    RowType out = new RowType(List.of(new Column("k", BIGINT), new Column("ws", TS), new Column("we", TS),
        new Column("n", BIGINT.withNullable(false)), new Column("c", BIGINT.withNullable(false))));
    List<AggCall> calls = List.of(AggCall.countStar(), AggCall.of(AggKind.COUNT, 2, BIGINT.withNullable(false)));
    forEachSeed(45_000, rows -> {
      Random random = rows.random();
      long slide = 3 + random.nextInt(8);
      WindowSpec spec = WindowSpec.hop(slide, slide * (1 + random.nextInt(4)) + random.nextInt(3), 0);
      return new Case(() -> single(TIMED, new HopCountOperator(TIMED, 0, spec, new int[] {1}, true, true, calls,
          out), out), timedHistory(rows));
    });
  }

  /**
   * (k, t, v) rows on both sides of a join, times behind a moving clock with disorder (some late),
   * a few NULL times, retractions of rows inserted before, and watermark advances.
   */
  private static List<Event> timedJoinHistory(Random random) {
    List<Event> events = new ArrayList<>();
    List<List<Row>> inserted = List.of(new ArrayList<>(), new ArrayList<>());
    long clock = 0;
    long wm = Long.MIN_VALUE;
    for (int i = 10 + random.nextInt(30); i > 0; i--) {
      if (random.nextInt(3) == 0) {
        wm = Math.max(wm, clock - 4 + random.nextInt(2));
        events.add(new Event(0, null, wm));
        continue;
      }
      int port = random.nextInt(2);
      List<Row> mine = inserted.get(port);
      BatchBuilder b = new BatchBuilder(TimeBoundJoinPropertyTest.SIDE);
      for (int r = 1 + random.nextInt(4); r > 0; r--) {
        clock += random.nextInt(3);
        if (!mine.isEmpty() && random.nextInt(5) == 0) {
          b.addRow(mine.remove(random.nextInt(mine.size())).values(), -1);
        } else {
          Row row = Row.of(random.nextInt(3), random.nextInt(15) == 0 ? null : clock - random.nextInt(7),
              random.nextInt(2));
          mine.add(row);
          b.addRow(row.values(), 1);
        }
      }
      events.add(new Event(port, b.build(), 0));
    }
    return events;
  }

  @Test
  void globalAggregateOverUnionIsNotEmittedTwiceOnRestore() {
    forEachSeed(27_000, rows -> {
      RowType in = new RowType(List.of(new Column("v", BIGINT)));
      RowType out = new RowType(List.of(new Column("n", BIGINT.withNullable(false)), new Column("s", BIGINT)));
      List<AggCall> calls = List.of(AggCall.countStar(), AggCall.of(AggKind.SUM, 0, BIGINT));
      return new Case(() -> {
        CircuitBuilder b = new CircuitBuilder();
        int x = b.source("x", in);
        int y = b.source("y", in);
        int u = b.add(new UnionOperator(in, 2), in, x, y);
        int c = b.add(new ConsolidateOperator(in), in, u);
        return b.build(b.add(new AggregateOperator(in, new int[0], calls, out), out, c));
      }, interleave(rows, history(rows, in), history(rows, in)));
    });
  }

  @Test
  void circuitWithAnOperatorWithoutCheckpointSupportRefusesToSnapshot() {
    RowType in = new RowType(List.of(new Column("v", BIGINT)));
    CircuitBuilder b = new CircuitBuilder();
    int s = b.source("x", in);
    Circuit c = b.build(b.add(new Operator() {
      @Override
      public void open(Emitter out) {}

      @Override
      public void onBatch(int port, ZBatch batch) {}

      @Override
      public String describe() {
        return "New";
      }
    }, in, s));
    assertFalse(c.checkpointable());
    c.open(batch -> {});
    assertThrows(UnsupportedOperationException.class, () -> c.snapshot(new StateOutput()));
    assertEquals(List.of("New"), c.unsupported());
  }

  @Test
  void checkpointOfAnotherCircuitIsRefused() {
    RowType in = new RowType(List.of(new Column("v", BIGINT)));
    CircuitBuilder b1 = new CircuitBuilder();
    Circuit c1 = b1.build(b1.add(new UpsertOperator(in, new int[] {0}), in, b1.source("x", in)));
    c1.open(batch -> {});
    StateOutput out = new StateOutput();
    c1.snapshot(out);
    CircuitBuilder b2 = new CircuitBuilder();
    Circuit c2 = b2.build(b2.add(new ConsolidateOperator(in), in, b2.source("x", in)));
    assertThrows(IllegalStateException.class, () -> c2.open(batch -> {}, new StateInput(out.toByteArray())));
  }

  // ---------------------------------------------------------------------------------------------

  private record Case(Supplier<Circuit> circuit, List<Event> events) {}

  private interface CaseGen {
    Case make(RandomRows rows);
  }

  private static void forEachSeed(long first, CaseGen gen) {
    long only = Long.getLong("eddy.seed", -1);
    for (long seed = first; seed < first + RUNS; seed++) {
      if (only >= 0 && seed != only) {
        continue;
      }
      RandomRows rows = new RandomRows(new Random(seed));
      Case c = gen.make(rows);
      int cut = rows.random().nextInt(c.events().size() + 1);
      check(seed, c, cut);
    }
  }

  private static void check(long seed, Case c, int cut) {
    Circuit a = c.circuit().get();
    ViewStore viewA = new ViewStore(a.outputType());
    Recorder recA = new Recorder(viewA);
    a.open(recA, recA);
    recA.take(); // what the circuit emits on open precedes every event
    List<Map<Row, Long>> deltasA = apply(a, recA, c.events(), 0, c.events().size());

    Circuit b = c.circuit().get();
    ViewStore viewB = new ViewStore(b.outputType());
    Recorder recB = new Recorder(viewB);
    b.open(recB, recB);
    recB.take();
    apply(b, recB, c.events(), 0, cut);
    StateOutput state = new StateOutput();
    b.snapshot(state);
    viewB.snapshot(state);

    Circuit restored = c.circuit().get();
    ViewStore viewC = new ViewStore(restored.outputType());
    Recorder recC = new Recorder(viewC);
    StateInput in = new StateInput(state.toByteArray());
    restored.open(recC, recC, in);
    viewC.restore(in);
    String what = "seed " + seed + ", cut at " + cut + ": " + restored.explain();
    assertTrue(in.atEnd(), what);
    assertEquals(viewB.contents(), viewC.contents(), what);
    List<Map<Row, Long>> deltasC = apply(restored, recC, c.events(), cut, c.events().size());

    assertEquals(deltasA.subList(cut, deltasA.size()), deltasC, what);
    assertEquals(recA.late.subList(recB.late.size(), recA.late.size()), recC.late, what);
    assertEquals(viewA.contents(), viewC.contents(), what);
    // Released state is freed at a pace (and all of it by a snapshot), so compare what is held
    // once both have freed it.
    a.freeReleased(Integer.MAX_VALUE);
    restored.freeReleased(Integer.MAX_VALUE);
    assertEquals(a.stateSize(), restored.stateSize(), what);
    assertEquals(a.lateRows(), restored.lateRows(), what);
    assertEquals(a.watermark(), restored.watermark(), what);
    StateOutput endA = new StateOutput();
    a.snapshot(endA);
    StateOutput endC = new StateOutput();
    restored.snapshot(endC);
    assertEquals(endA.size(), endC.size(), what);
  }

  /** A circuit's output (into a view, and per event consolidated) and its late rows. */
  private static final class Recorder implements Emitter, LateRowSink {
    final ViewStore view;
    final Map<Row, Long> delta = new HashMap<>();
    final List<String> late = new ArrayList<>();

    Recorder(ViewStore view) {
      this.view = view;
    }

    @Override
    public void emit(ZBatch batch) {
      view.emit(batch);
      ZSets.addInto(delta, batch);
    }

    @Override
    public void late(RowType type, ZBatch batch, int row, long eventTime, long windowStart, long windowEnd) {
      late.add(Row.from(batch, row) + "@" + eventTime + " " + windowStart + ".." + windowEnd);
    }

    /** The consolidated output since the last call. */
    Map<Row, Long> take() {
      Map<Row, Long> d = new HashMap<>(delta);
      d.values().removeIf(w -> w == 0);
      delta.clear();
      return d;
    }
  }

  /** Applies events {@code from..to}; returns the consolidated output of each. */
  private static List<Map<Row, Long>> apply(Circuit c, Recorder rec, List<Event> events, int from, int to) {
    List<Map<Row, Long>> deltas = new ArrayList<>();
    for (Event e : events.subList(from, to)) {
      if (e.batch() == null) {
        for (int s = 0; s < c.sources().size(); s++) {
          c.advanceWatermark(s, e.watermark());
        }
      } else {
        c.push(e.source(), e.batch());
      }
      deltas.add(rec.take());
    }
    return deltas;
  }

  private static Circuit single(RowType in, Operator op, RowType out) {
    CircuitBuilder b = new CircuitBuilder();
    int s = b.source("in", in);
    return b.build(b.add(op, out, s));
  }

  private static List<Event> history(RandomRows rows, RowType type) {
    List<Event> events = new ArrayList<>();
    for (ZBatch b : RandomHistory.generate(rows, type, 1 + rows.random().nextInt(15), 10)) {
      events.add(new Event(0, b, 0));
    }
    return events;
  }

  private static List<Event> interleave(RandomRows rows, List<Event> first, List<Event> second) {
    List<Event> out = new ArrayList<>();
    int a = 0;
    int b = 0;
    while (a < first.size() || b < second.size()) {
      if (b == second.size() || a < first.size() && rows.random().nextBoolean()) {
        out.add(first.get(a++));
      } else {
        out.add(new Event(1, second.get(b++).batch(), 0));
      }
    }
    return out;
  }
}
