package io.eddy.exec.window;

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
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.AggregateOperator;
import io.eddy.exec.operator.UnionOperator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Window assignment, sessions, windowed aggregates and watermarks through a circuit. */
class WindowOperatorsTest {
  private static final SqlType TS = SqlType.of(TypeKind.TIMESTAMP);
  private static final SqlType BIGINT = SqlType.of(TypeKind.BIGINT);
  /** (ts TIMESTAMP, k BIGINT, v BIGINT). */
  private static final RowType IN = type(TS, BIGINT, BIGINT);
  private static final RowType WINDOWED = type(TS, BIGINT, BIGINT, TS, TS);

  private static RowType type(SqlType... types) {
    List<Column> cols = new ArrayList<>();
    for (SqlType t : types) {
      cols.add(new Column("c" + cols.size(), t));
    }
    return new RowType(cols);
  }

  private static ZBatch rows(long... tkv) {
    BatchBuilder b = new BatchBuilder(IN);
    for (int i = 0; i < tkv.length; i += 3) {
      b.addRow(new Object[] {tkv[i], tkv[i + 1], tkv[i + 2]}, 1);
    }
    return b.build();
  }

  private static List<long[]> windows(WindowSpec spec, long ts) {
    List<long[]> out = new ArrayList<>();
    spec.assign(ts, (s, e) -> out.add(new long[] {s, e}));
    out.sort((a, b) -> Long.compare(a[0], b[0]) != 0 ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    return out;
  }

  private static String str(List<long[]> ws) {
    StringBuilder sb = new StringBuilder();
    for (long[] w : ws) {
      sb.append('[').append(w[0]).append(',').append(w[1]).append(')');
    }
    return sb.toString();
  }

  @Test
  void windowSpecsAlignToTheEpochPlusOffset() {
    assertEquals("[10,20)", str(windows(WindowSpec.tumble(10, 0), 10)));
    assertEquals("[10,20)", str(windows(WindowSpec.tumble(10, 0), 19)));
    assertEquals("[-10,0)", str(windows(WindowSpec.tumble(10, 0), -1)));
    assertEquals("[13,23)", str(windows(WindowSpec.tumble(10, 3), 15)));
    assertEquals("[5,15)[10,20)", str(windows(WindowSpec.hop(5, 10, 0), 12)));
    assertEquals("[3,13)[8,18)", str(windows(WindowSpec.hop(5, 10, 3), 12)));
    // A slide that does not divide the size: windows [0,7), [3,10), [6,13) hold 6.
    assertEquals("[0,7)[3,10)[6,13)", str(windows(WindowSpec.hop(3, 7, 0), 6)));
    assertEquals("[10,15)[10,20)", str(windows(WindowSpec.cumulate(5, 10, 0), 12)));
    assertEquals("[10,20)", str(windows(WindowSpec.cumulate(5, 10, 0), 17)));
    assertThrows(IllegalArgumentException.class, () -> WindowSpec.cumulate(3, 10, 0));
  }

  private final List<Map<Row, Long>> out = new ArrayList<>();

  private void collect(ZBatch b) {
    Map<Row, Long> m = new HashMap<>();
    ZSets.addInto(m, b);
    out.add(m);
  }

  private Map<Row, Long> all() {
    Map<Row, Long> m = new HashMap<>();
    for (Map<Row, Long> d : out) {
      d.forEach((r, w) -> m.merge(r, w, (a, b) -> a + b == 0 ? null : a + b));
    }
    return m;
  }

  @Test
  void lateRowsLeaveOnlyTheirClosedWindows() {
    WindowAssignOperator op = new WindowAssignOperator(IN, 0, WindowSpec.hop(5, 10, 0), true, WINDOWED);
    op.open(this::collect);
    op.onWatermark(15);
    op.onBatch(0, rows(12, 1, 1, 3, 1, 2));
    // 12 is in [5,15) (closed at 15) and [10,20) (open); 3 is only in closed windows.
    assertEquals(Map.of(Row.of(12L, 1L, 1L, 10L, 20L), 1L), all());
    assertEquals(2, op.lateRows());
  }

  @Test
  void withoutEventTimeNothingIsLate() {
    WindowAssignOperator op = new WindowAssignOperator(IN, 0, WindowSpec.tumble(10, 0), false, WINDOWED);
    op.open(this::collect);
    op.onWatermark(100);
    op.onBatch(0, rows(3, 1, 1));
    assertEquals(Map.of(Row.of(3L, 1L, 1L, 0L, 10L), 1L), all());
    assertEquals(0, op.lateRows());
  }

  @Test
  void sessionsMergeWithRetractionsAndCloseByWatermark() {
    SessionWindowOperator op = new SessionWindowOperator(IN, 0, new int[] {1}, 10, true, WINDOWED);
    op.open(this::collect);
    op.onBatch(0, rows(0, 1, 1, 30, 1, 2, 100, 2, 3));
    assertEquals(Map.of(Row.of(0L, 1L, 1L, 0L, 10L), 1L, Row.of(30L, 1L, 2L, 30L, 40L), 1L,
        Row.of(100L, 2L, 3L, 100L, 110L), 1L), all());
    // 8 joins [0,10) -> [0,18); 20 bridges nothing yet ([20,30) touches [30,40) but does not overlap).
    op.onBatch(0, rows(8, 1, 4, 20, 1, 5));
    assertEquals(Map.of(Row.of(0L, 1L, 1L, 0L, 18L), 1L, Row.of(8L, 1L, 4L, 0L, 18L), 1L,
        Row.of(20L, 1L, 5L, 20L, 30L), 1L, Row.of(30L, 1L, 2L, 30L, 40L), 1L,
        Row.of(100L, 2L, 3L, 100L, 110L), 1L), all());
    // 25 overlaps [20,30) and [30,40): all three merge into [20,40).
    op.onBatch(0, rows(25, 1, 6));
    Map<Row, Long> now = all();
    assertEquals(1L, now.get(Row.of(20L, 1L, 5L, 20L, 40L)));
    assertEquals(1L, now.get(Row.of(25L, 1L, 6L, 20L, 40L)));
    assertEquals(1L, now.get(Row.of(30L, 1L, 2L, 20L, 40L)));
    assertEquals(6, now.size());
    assertEquals(6, op.stateSize().rows());
    op.onWatermark(40);
    // [0,18) and [20,40) closed: their 5 rows are freed; key 2's session stays.
    assertEquals(1, op.stateSize().rows());
    // 35's own window [35,45) is open, but it would have joined a closed session: it starts a new one.
    op.onBatch(0, rows(35, 1, 7, 29, 1, 8));
    assertEquals(1L, all().get(Row.of(35L, 1L, 7L, 35L, 45L)));
    assertEquals(1, op.lateRows());
  }

  private static final List<AggCall> COUNT_SUM = List.of(AggCall.countStar(), AggCall.of(AggKind.SUM, 2, BIGINT));
  private static final RowType AGG_OUT = type(TS, TS, BIGINT, BIGINT);

  @Test
  void windowedAggregateFreesClosedWindowsAndKeepsTheirRows() {
    AggregateOperator agg = new AggregateOperator(WINDOWED, new int[] {3, 4}, COUNT_SUM, AGG_OUT, true,
        new WindowClose(1, 0, false));
    WindowAssignOperator assign = new WindowAssignOperator(IN, 0, WindowSpec.tumble(10, 0), true, WINDOWED);
    agg.open(this::collect);
    assign.open(b -> agg.onBatch(0, b));
    assign.onBatch(0, rows(1, 1, 10, 2, 1, 20, 11, 1, 5, 25, 1, 1));
    assertEquals(3, agg.stateSize().rows());
    assertEquals(Map.of(Row.of(0L, 10L, 2L, 30L), 1L, Row.of(10L, 20L, 1L, 5L), 1L, Row.of(20L, 30L, 1L, 1L), 1L),
        all());
    assign.onWatermark(20);
    agg.onWatermark(20);
    assertEquals(3, agg.stateSize().rows(), "closed groups are freed over the time until the next close");
    assign.onWatermark(25);
    agg.onWatermark(25);
    assertEquals(2, agg.stateSize().rows(), "half of them halfway to the next close");
    assertTrue(agg.stateSize().bytes() > 0);
    // Closing emits nothing under EMIT CHANGES: the rows stay in the view.
    assertEquals(3, all().size());
    assign.onBatch(0, rows(5, 1, 100, 26, 1, 2));
    assertEquals(1, assign.lateRows());
    assertEquals(Map.of(Row.of(0L, 10L, 2L, 30L), 1L, Row.of(10L, 20L, 1L, 5L), 1L, Row.of(20L, 30L, 2L, 3L), 1L),
        all());
    assign.onWatermark(1000);
    agg.onWatermark(1000);
    assertEquals(1, agg.stateSize().rows(), "the last window's group waits for its pace");
    assertFalse(agg.freeReleased(256), "an idle turn frees it");
    assertEquals(StateSize.NONE.rows(), agg.stateSize().rows());
    assertEquals(0, agg.stateSize().bytes());
  }

  /**
   * A closed window's groups are freed evenly over the event time until the next window closes
   * (batches free none), the query's idle turns free more, and a snapshot the rest; the rows
   * already emitted stay, and no late row reaches the groups that wait to be freed.
   */
  @Test
  void aClosingWindowIsFreedEvenlyUntilTheNextClose() {
    int keys = 10_000;
    AggregateOperator agg = new AggregateOperator(WINDOWED, new int[] {3, 4, 1}, COUNT_SUM, type(TS, TS, BIGINT,
        BIGINT, BIGINT), true, new WindowClose(1, 0, false));
    WindowAssignOperator assign = new WindowAssignOperator(IN, 0, WindowSpec.tumble(10, 0), true, WINDOWED);
    agg.open(this::collect);
    assign.open(b -> agg.onBatch(0, b));
    long[] tkv = new long[3 * keys];
    for (int k = 0; k < keys; k++) {
      tkv[3 * k] = k % 10;
      tkv[3 * k + 1] = k;
      tkv[3 * k + 2] = 1;
    }
    assign.onBatch(0, rows(tkv));
    assign.onBatch(0, rows(15, 1, 1)); // one row of the next window, which closes at 20
    assertEquals(keys + 1, agg.stateSize().rows());
    Map<Row, Long> before = all();
    assertEquals(keys + 1, before.size());
    assign.onWatermark(10);
    agg.onWatermark(10);
    assertEquals(keys + 1, agg.stateSize().rows(), "nothing is due at the close itself");
    assign.onBatch(0, rows(16, 2, 1, 5, 1, 1)); // one more row of the next window, one late
    assertEquals(1, assign.lateRows());
    assertEquals(keys + 2, agg.stateSize().rows(), "batches free nothing");
    assign.onWatermark(12);
    agg.onWatermark(12);
    assertEquals(keys * 8 / 10 + 2, agg.stateSize().rows(), "a fifth by a fifth of the way to the next close");
    assertTrue(agg.freeReleased(256), "more wait");
    assertEquals(keys * 8 / 10 + 2 - 256, agg.stateSize().rows(), "an idle turn frees its budget");
    assertTrue(agg.stateSize().bytes() > 0);
    agg.snapshot(new io.eddy.exec.state.StateOutput());
    assertEquals(2, agg.stateSize().rows(), "the snapshot frees what was closed; the open window stays");
    assertFalse(agg.freeReleased(256));
    Map<Row, Long> expected = new java.util.HashMap<>(before);
    expected.put(Row.of(10L, 20L, 2L, 1L, 1L), 1L);
    assertEquals(expected, all());
  }

  @Test
  void emitOnWindowCloseIsAppendOnly() {
    AggregateOperator agg = new AggregateOperator(WINDOWED, new int[] {3, 4}, COUNT_SUM, AGG_OUT, true,
        new WindowClose(1, 0, true));
    agg.open(this::collect);
    WindowAssignOperator assign = new WindowAssignOperator(IN, 0, WindowSpec.tumble(10, 0), true, WINDOWED);
    assign.open(b -> agg.onBatch(0, b));
    assign.onBatch(0, rows(1, 1, 10, 2, 1, 20, 11, 1, 5));
    assertEquals(Map.of(), all());
    assign.onWatermark(10);
    agg.onWatermark(10);
    assertEquals(Map.of(Row.of(0L, 10L, 2L, 30L), 1L), all());
    assign.onBatch(0, rows(12, 1, 1));
    assign.onWatermark(25);
    agg.onWatermark(25);
    assertEquals(Map.of(Row.of(0L, 10L, 2L, 30L), 1L, Row.of(10L, 20L, 2L, 6L), 1L), all());
    for (Map<Row, Long> d : out) {
      d.values().forEach(w -> assertEquals(1L, w));
    }
    assertEquals(1, agg.stateSize().rows(), "the last closed group waits for its pace");
    assertFalse(agg.freeReleased(256), "an idle turn frees it");
    assertEquals(0, agg.stateSize().rows());
  }

  @Test
  void circuitWatermarkIsTheMinimumOverSources() {
    CircuitBuilder b = new CircuitBuilder();
    int s1 = b.source("a", IN);
    int s2 = b.source("b", IN);
    int u = b.add(new UnionOperator(IN, 2), IN, s1, s2);
    WindowAssignOperator assign = new WindowAssignOperator(IN, 0, WindowSpec.tumble(10, 0), true, WINDOWED);
    int w = b.add(assign, WINDOWED, u);
    AggregateOperator agg = new AggregateOperator(WINDOWED, new int[] {3, 4}, COUNT_SUM, AGG_OUT, true,
        new WindowClose(1, 0, true));
    int a = b.add(agg, AGG_OUT, w);
    Circuit c = b.build(a);
    c.open(this::collect);
    c.push(0, rows(1, 1, 1));
    c.push(1, rows(2, 1, 1));
    c.advanceWatermark(0, 50);
    assertEquals(Long.MIN_VALUE, c.watermark());
    assertEquals(Map.of(), all());
    c.advanceWatermark(1, 10);
    assertEquals(10, c.watermark());
    assertEquals(Map.of(Row.of(0L, 10L, 2L, 2L), 1L), all());
    c.advanceWatermark(1, 5);
    assertEquals(10, c.watermark());
    assertTrue(String.join("\n", c.explainState()).contains("bounded by the watermark"));
  }
}
