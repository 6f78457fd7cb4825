package io.eddy.exec.operator.over;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.SortKey;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * OVER aggregates on event time over an insert-only input, as Flink computes them: {@code ORDER BY}
 * one event-time column ascending, a frame of {@code ROWS n}, {@code RANGE x} or {@code UNBOUNDED
 * PRECEDING} ending at the current row (with its peers for RANGE). Each output row is an input row
 * followed by the calls' values over its frame, emitted once and final (insert-only) when the
 * watermark W passes the row's time ({@code t < W}): then every row of its frame has arrived.
 * Ready rows are processed in time order, rows of one time in the total order of
 * {@link SortKey#totalOrder} (time, then the other columns), so the values equal a batch query's
 * over the accepted rows (ROWS among rows of equal time follows that order, as in
 * {@link OverAggregateOperator}).
 *
 * <p>A row whose time is below W when it arrives, or NULL, is late: dropped, counted and sent to
 * the {@link LateRowSink} with the row's time as a zero-length window. State is bounded: rows
 * waiting for the watermark; per partition, running values and the rows still in reach of a later
 * row's frame: for RANGE x the rows with time {@code >= W - x} (older ones are freed as the
 * watermark passes them, found through a heap of per-partition expiry times, and a partition
 * with no rows left is forgotten), for ROWS n the last n rows, for UNBOUNDED none (running values
 * only).
 *
 * <p>Driven by one thread; {@link #stateSize()} and {@link #lateRows()} may be read from any.
 * A retraction is a bug and fails loudly. {@link Checkpointable}: a restored instance behaves as
 * the original (accumulators are saved exactly, the expiry heap is rebuilt).
 */
public final class EventTimeOverOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ROW = 96;

  private static final class Partition {
    /** Rows in the current frame, oldest first, from {@code head} on. */
    final List<Object[]> frame = new ArrayList<>();
    final List<FrameAccumulator> accs = new ArrayList<>();
    int head;

    int held() {
      return frame.size() - head;
    }
  }

  private record Expiry(long at, Row key) {}

  private final RowType inputType;
  private final RowType outputType;
  private final int[] partitionKeys;
  private final int timeColumn;
  private final OverFrame frame;
  private final List<OverCall> calls;
  private final Comparator<Row> order;
  private final TreeMap<Long, List<Row>> pending = new TreeMap<>();
  private final Map<Row, Partition> partitions = new HashMap<>();
  /** RANGE x: when (watermark) a partition's oldest row falls out of every later frame. */
  private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
  private long watermark = Long.MIN_VALUE;
  private long pendingRows;
  private long frameRows;
  private volatile long stateRows;
  private volatile long late;
  private LateRowSink lateSink = LateRowSink.NONE;
  private Emitter out;

  /**
   * @param outputType the input columns followed by one column per call
   * @param timeColumn the ORDER BY column, ascending, an event-time column of the input
   * @param frame ending at the current row ({@code toEnd} is refused)
   */
  public EventTimeOverOperator(RowType inputType, RowType outputType, int[] partitionKeys, int timeColumn,
      OverFrame frame, List<OverCall> calls) {
    if (frame.toEnd()) {
      throw new IllegalArgumentException("an event-time OVER frame ends at the current row");
    }
    this.inputType = inputType;
    this.outputType = outputType;
    this.partitionKeys = partitionKeys.clone();
    this.timeColumn = timeColumn;
    if (!inputType.type(timeColumn).kind().isLongBacked()) {
      throw new IllegalArgumentException("event-time column $" + timeColumn + " is " + inputType.type(timeColumn));
    }
    this.frame = frame;
    this.calls = List.copyOf(calls);
    this.order = SortKey.totalOrder(List.of(new SortKey(timeColumn, false, false)));
  }

  @Override
  public void routeLateRows(LateRowSink sink) {
    this.lateSink = sink;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    for (int r = 0; r < batch.size(); r++) {
      long w = batch.weight(r);
      if (w < 0) {
        throw new IllegalStateException("an event-time OVER aggregate's input must be insert-only, got a retraction");
      }
      boolean noTime = batch.isNull(timeColumn, r);
      long t = noTime ? 0 : batch.getLong(timeColumn, r);
      if (noTime || t < watermark) {
        late += w;
        if (!noTime) {
          for (long i = 0; i < w; i++) {
            lateSink.late(inputType, batch, r, t, t, t);
          }
        }
        continue;
      }
      List<Row> at = pending.computeIfAbsent(t, x -> new ArrayList<>());
      Row row = Row.from(batch, r);
      for (long i = 0; i < w; i++) {
        at.add(row);
      }
      pendingRows += w;
    }
    updateSize();
  }

  /** Emits the rows below the watermark in time order, then frees rows no later frame reaches. */
  @Override
  public void onWatermark(long wm) {
    watermark = wm;
    BatchBuilder output = new BatchBuilder(outputType);
    while (!pending.isEmpty() && pending.firstKey() < wm) {
      Map.Entry<Long, List<Row>> e = pending.pollFirstEntry();
      pendingRows -= e.getValue().size();
      Map<Row, List<Row>> byPartition = new LinkedHashMap<>();
      for (Row row : e.getValue()) {
        byPartition.computeIfAbsent(row.project(partitionKeys), k -> new ArrayList<>()).add(row);
      }
      byPartition.forEach((key, rows) -> process(key, e.getKey(), rows, output));
    }
    while (!expiries.isEmpty() && expiries.peek().at <= wm) {
      expire(expiries.poll().key);
    }
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  /** Computes and emits the rows of one partition at time {@code t}. */
  private void process(Row key, long t, List<Row> rows, BatchBuilder output) {
    rows.sort(order);
    Partition p = partitions.computeIfAbsent(key, k -> newPartition());
    if (frame.rows()) {
      for (Row row : rows) {
        enter(p, row.values());
        while (!frame.unboundedPreceding() && p.held() > frame.preceding() + 1) {
          leave(p);
        }
        emit(p, row, output);
      }
    } else {
      for (Row row : rows) {
        enter(p, row.values());
      }
      evictBefore(p, t);
      for (Row row : rows) {
        emit(p, row, output);
      }
      if (p.held() > 0) {
        expiries.add(new Expiry(time(p.frame.get(p.head)) + frame.preceding() + 1, key));
      }
    }
  }

  private Partition newPartition() {
    Partition p = new Partition();
    for (OverCall c : calls) {
      p.accs.add(new FrameAccumulator(c));
    }
    return p;
  }

  private void enter(Partition p, Object[] row) {
    for (FrameAccumulator a : p.accs) {
      a.add(row);
    }
    if (!frame.unboundedPreceding()) {
      p.frame.add(row);
      frameRows++;
    }
  }

  private void leave(Partition p) {
    Object[] leaving = p.frame.get(p.head);
    p.frame.set(p.head++, null);
    frameRows--;
    for (FrameAccumulator a : p.accs) {
      a.remove(leaving, p.frame, p.head, p.frame.size() - 1);
    }
    if (p.head > 64 && p.head * 2 > p.frame.size()) {
      p.frame.subList(0, p.head).clear();
      p.head = 0;
    }
  }

  /** RANGE x: removes the rows of {@code p} older than {@code now - x} (no RANGE frame at or after now reaches them). */
  private void evictBefore(Partition p, long now) {
    if (frame.unboundedPreceding()) {
      return;
    }
    while (p.held() > 0 && time(p.frame.get(p.head)) < now - frame.preceding()) {
      leave(p);
    }
  }

  /** RANGE x at the watermark: frees the rows no later row's frame reaches; forgets an emptied partition. */
  private void expire(Row key) {
    Partition p = partitions.get(key);
    if (p == null) {
      return;
    }
    evictBefore(p, watermark);
    if (p.held() == 0) {
      partitions.remove(key);
    } else {
      expiries.add(new Expiry(time(p.frame.get(p.head)) + frame.preceding() + 1, key));
    }
  }

  private long time(Object[] row) {
    return (Long) row[timeColumn];
  }

  private void emit(Partition p, Row row, BatchBuilder output) {
    Object[] v = Arrays.copyOf(row.values(), row.arity() + calls.size());
    for (int c = 0; c < calls.size(); c++) {
      v[row.arity() + c] = p.accs.get(c).result();
    }
    output.addRow(v, 1);
  }

  private void updateSize() {
    stateRows = pendingRows + frameRows + (frame.unboundedPreceding() || frame.rows() ? partitions.size() : 0);
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public StateSize stateSize() {
    long n = stateRows;
    return new StateSize(n, n * (BYTES_PER_ROW + 16L * outputType.size()));
  }

  @Override
  public String stateBound() {
    String held = frame.unboundedPreceding() ? "running values per partition (grows with the partitions)"
        : frame.rows() ? "the last " + frame.preceding() + " rows per partition (grows with the partitions)"
        : "rows within " + frame.preceding() + " of it";
    return "bounded by the watermark: rows until it passes them, then " + held;
  }

  @Override
  public String describe() {
    return "EventTimeOver(partition=" + Arrays.toString(partitionKeys) + ", order=$" + timeColumn + ", " + frame
        + ", " + calls + ")";
  }

  /** Watermark, late count, waiting rows by time, and per partition its frame rows and running values. */
  @Override
  public void snapshot(StateOutput o) {
    o.writeLong(watermark).writeLong(late);
    o.writeInt(pending.size());
    pending.forEach((t, rows) -> {
      o.writeLong(t).writeInt(rows.size());
      rows.forEach(o::writeRow);
    });
    o.writeInt(partitions.size());
    partitions.forEach((key, p) -> {
      o.writeRow(key).writeInt(p.held());
      for (int i = p.head; i < p.frame.size(); i++) {
        o.writeValues(p.frame.get(i));
      }
      p.accs.forEach(a -> a.snapshot(o));
    });
  }

  @Override
  public void restore(StateInput in) {
    pending.clear();
    partitions.clear();
    expiries.clear();
    watermark = in.readLong();
    late = in.readLong();
    pendingRows = 0;
    frameRows = 0;
    for (int n = in.readCount(); n > 0; n--) {
      long t = in.readLong();
      int count = in.readCount();
      List<Row> rows = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        rows.add(in.readRow());
      }
      pending.put(t, rows);
      pendingRows += count;
    }
    for (int n = in.readCount(); n > 0; n--) {
      Row key = in.readRow();
      Partition p = newPartition();
      for (int i = in.readCount(); i > 0; i--) {
        p.frame.add(in.readValues());
      }
      frameRows += p.held();
      p.accs.forEach(a -> a.restore(in));
      partitions.put(key, p);
      if (!frame.rows() && !frame.unboundedPreceding() && p.held() > 0) {
        expiries.add(new Expiry(time(p.frame.get(0)) + frame.preceding() + 1, key));
      }
    }
    updateSize();
  }
}
