package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event-time temporal join ({@code s JOIN v FOR SYSTEM_TIME AS OF s.ts ON s.k = v.k}) of two
 * insert-only inputs (port 0 the probing stream, port 1 the versions): each row of the right input
 * is a version of its key valid from its time until the key's next version; a left row at time
 * {@code t} joins the version(s) of its key with the greatest time {@code <= t} (all rows of that
 * key and time). INNER drops a left row without a version, LEFT pads it with NULLs.
 *
 * <p>The output equals that definition over the accepted rows at every point: a left row is
 * emitted at once with the version known then, and when a version arrives that takes its place
 * (time between the old version's and the row's) the old pair is retracted and the new one
 * emitted. A row of either side whose time is below the watermark when it arrives is late: dropped
 * and counted. On each watermark W the left rows below W are freed (no version at or before them
 * can still arrive), and of each key's versions at or before W only the latest is kept. The
 * output's left time column stays at or above W, so it is event time downstream.
 *
 * <p>State is in plain fields; driven by one thread; {@link #stateSize()} and {@link #lateRows()}
 * may be read from any thread. A retraction on either input is a bug and fails loudly.
 */
public final class TemporalJoinOperator implements Operator {
  private static final long BYTES_PER_ROW = 96;

  private final RowType leftType;
  private final RowType rightType;
  private final JoinKeys keys;
  private final int leftTime;
  private final int rightTime;
  private final boolean leftOuter;
  private final RowType outputType;
  /** key -> version time -> the rows of that key and time. */
  private final Map<Row, TreeMap<Long, List<Row>>> versions = new HashMap<>();
  /** key -> time -> left rows at or above the watermark, whose version may still change. */
  private final Map<Row, TreeMap<Long, List<Row>>> pending = new HashMap<>();
  private long watermark = Long.MIN_VALUE;
  private long rows;
  private volatile StateSize size = StateSize.NONE;
  private volatile long late;
  private Emitter out;

  /**
   * @param leftTime the left (probing) row's event-time column, the AS OF time
   * @param rightTime the right row's event-time column, the time its version starts
   * @param outputType left then right columns
   */
  public TemporalJoinOperator(RowType leftType, RowType rightType, JoinKeys keys, int leftTime, int rightTime,
      boolean leftOuter, RowType outputType) {
    this.leftType = leftType;
    this.rightType = rightType;
    this.keys = keys;
    this.leftTime = leftTime;
    this.rightTime = rightTime;
    this.leftOuter = leftOuter;
    this.outputType = outputType;
    keys.check(leftType, rightType);
    if (outputType.size() != leftType.size() + rightType.size()) {
      throw new IllegalArgumentException("a temporal join outputs left then right columns");
    }
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    BatchBuilder output = new BatchBuilder(outputType, batch.size() * 2);
    for (int r = 0; r < batch.size(); r++) {
      long w = batch.weight(r);
      if (w < 0) {
        throw new IllegalStateException("a temporal join's inputs must be insert-only, got a retraction");
      }
      Row row = Row.from(batch, r);
      Object t = row.get(port == 0 ? leftTime : rightTime);
      if (t != null && (Long) t < watermark) {
        late += w;
        continue;
      }
      Row key = keys.of(row, port);
      for (long i = 0; i < w; i++) {
        if (port == 0) {
          left(row, key, t == null ? null : (Long) t, output);
        } else if (key != null && t != null) {
          right(row, key, (Long) t, output);
        }
      }
    }
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  private void left(Row row, Row key, Long t, BatchBuilder output) {
    List<Row> version = key == null || t == null ? null : versionAt(key, t);
    emit(output, row, version, 1);
    if (key != null && t != null) {
      pending.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(t, x -> new ArrayList<>()).add(row);
      rows++;
    }
  }

  private void right(Row row, Row key, long t, BatchBuilder output) {
    TreeMap<Long, List<Row>> vs = versions.computeIfAbsent(key, k -> new TreeMap<>());
    List<Row> before = vs.get(t);
    Map.Entry<Long, List<Row>> previous = vs.floorEntry(t);
    Long next = vs.higherKey(t);
    TreeMap<Long, List<Row>> waiting = pending.get(key);
    if (waiting != null) {
      for (List<Row> ls : waiting.subMap(t, true, next == null ? Long.MAX_VALUE : next, false).values()) {
        for (Row l : ls) {
          if (before != null) {
            emitPair(output, l, row, 1);
          } else {
            emit(output, l, previous == null ? null : previous.getValue(), -1);
            emitPair(output, l, row, 1);
          }
        }
      }
    }
    vs.computeIfAbsent(t, x -> new ArrayList<>()).add(row);
    rows++;
  }

  private List<Row> versionAt(Row key, long t) {
    TreeMap<Long, List<Row>> vs = versions.get(key);
    Map.Entry<Long, List<Row>> e = vs == null ? null : vs.floorEntry(t);
    return e == null ? null : e.getValue();
  }

  /** Emits {@code left} joined with every row of {@code version}, or padded when there is none. */
  private void emit(BatchBuilder output, Row left, List<Row> version, long w) {
    if (version == null) {
      if (leftOuter) {
        emitPair(output, left, null, w);
      }
      return;
    }
    for (Row r : version) {
      emitPair(output, left, r, w);
    }
  }

  private void emitPair(BatchBuilder output, Row left, Row right, long w) {
    for (int c = 0; c < leftType.size(); c++) {
      output.set(c, left.get(c));
    }
    for (int c = 0; c < rightType.size(); c++) {
      output.set(leftType.size() + c, right == null ? null : right.get(c));
    }
    output.endRow(w);
  }

  /** Frees the left rows below the watermark and every version superseded at or before it. */
  @Override
  public void onWatermark(long wm) {
    watermark = wm;
    for (Iterator<TreeMap<Long, List<Row>>> it = pending.values().iterator(); it.hasNext(); ) {
      TreeMap<Long, List<Row>> m = it.next();
      while (!m.isEmpty() && m.firstKey() < wm) {
        rows -= m.pollFirstEntry().getValue().size();
      }
      if (m.isEmpty()) {
        it.remove();
      }
    }
    for (TreeMap<Long, List<Row>> vs : versions.values()) {
      Long current = vs.floorKey(wm);
      while (current != null && vs.firstKey() < current) {
        rows -= vs.pollFirstEntry().getValue().size();
      }
    }
    updateSize();
  }

  private void updateSize() {
    size = new StateSize(rows, rows * (BYTES_PER_ROW + 16L * (leftType.size() + rightType.size()) / 2));
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public String stateBound() {
    return "versions bounded by the watermark (one per key at or before it, plus later ones); grows with the keys";
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(port == 0 ? keys.left() : keys.right());
  }

  @Override
  public String describe() {
    return "TemporalJoin(" + (leftOuter ? "LEFT" : "INNER") + ", " + keys + ", $" + leftTime + " AS OF version time $"
        + rightTime + ")";
  }
}
