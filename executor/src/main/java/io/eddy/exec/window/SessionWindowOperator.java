package io.eddy.exec.window;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The SESSION table function: each row's window is the session of its key it falls into. A row
 * at {@code ts} opens the window {@code [ts, ts + gap)}; windows of one key that overlap merge
 * (as in Calcite: touching windows stay apart). Output rows are the input's columns followed by
 * {@code window_start} and {@code window_end}; when sessions merge, their rows are retracted
 * with the old bounds and inserted with the new ones.
 *
 * <p>The input must be insert-only (a stream). With {@code eventTime}, a row whose own window
 * {@code [ts, ts + gap)} has closed (end at or before the watermark) is late: dropped and
 * counted, and sent to the circuit's {@link LateRowSink} with that window. A session whose end is at or before the watermark is final: its rows are freed (a
 * later row close to it starts a new session, as in Flink). Without event time every session
 * stays open. Driven by one thread; {@link #stateSize()} and {@link #lateRows()} from any.
 */
public final class SessionWindowOperator implements Operator, Checkpointable {
  private static final long ROW_BYTES = 48;

  /** One open session of a key: its bounds and rows (input values, with weights). */
  private static final class Session {
    final Row key;
    long start;
    long end;
    final List<Object[]> rows = new ArrayList<>();
    final List<Long> weights = new ArrayList<>();
    boolean dead;

    Session(Row key, long start, long end) {
      this.key = key;
      this.start = start;
      this.end = end;
    }
  }

  private final RowType inputType;
  private final RowType outputType;
  private final int timeColumn;
  private final int[] keyColumns;
  private final long gap;
  private final boolean eventTime;
  private final Map<Row, NavigableMap<Long, Session>> sessions = new HashMap<>();
  private final PriorityQueue<Session> byEnd = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
  private long watermark = Long.MIN_VALUE;
  private long rowCount;
  private volatile StateSize size = StateSize.NONE;
  private volatile long late;
  private Emitter out;
  private LateRowSink lateSink = LateRowSink.NONE;

  public SessionWindowOperator(RowType inputType, int timeColumn, int[] keyColumns, long gap,
      boolean eventTime, RowType outputType) {
    if (gap <= 0) {
      throw new IllegalArgumentException("session gap must be positive: " + gap);
    }
    if (outputType.size() != inputType.size() + 2) {
      throw new IllegalArgumentException("session output needs the input's columns + window_start, window_end");
    }
    this.inputType = inputType;
    this.outputType = outputType;
    this.timeColumn = timeColumn;
    this.keyColumns = keyColumns.clone();
    this.gap = gap;
    this.eventTime = eventTime;
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
  public void onBatch(int port, ZBatch in) {
    BatchBuilder b = new BatchBuilder(outputType, in.size() + 16);
    long dropped = 0;
    for (int r = 0, n = in.size(); r < n; r++) {
      long ts = SessionRows.time(in, r, timeColumn, gap, watermark, inputType, lateSink);
      if (ts == SessionRows.LATE) {
        dropped++;
      } else if (ts != SessionRows.NONE) {
        add(Row.project(in, r, keyColumns), in.row(r), in.weight(r), ts, b);
      }
    }
    if (dropped > 0) {
      late += dropped;
    }
    updateSize();
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  private void add(Row key, Object[] values, long w, long ts, BatchBuilder b) {
    NavigableMap<Long, Session> mine = sessions.computeIfAbsent(key, k -> new TreeMap<>());
    List<Session> overlapping = new ArrayList<>();
    for (Session s : mine.headMap(ts + gap, false).descendingMap().values()) {
      if (s.end <= ts) {
        break;
      }
      overlapping.add(s);
    }
    Session target;
    if (overlapping.size() == 1 && overlapping.get(0).start <= ts && overlapping.get(0).end >= ts + gap) {
      target = overlapping.get(0);
    } else {
      long start = ts;
      long end = ts + gap;
      for (Session s : overlapping) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
      target = new Session(key, start, end);
      for (Session s : overlapping) {
        mine.remove(s.start);
        s.dead = true;
        for (int i = 0; i < s.rows.size(); i++) {
          emit(b, s.rows.get(i), s.start, s.end, -s.weights.get(i));
          emit(b, s.rows.get(i), start, end, s.weights.get(i));
          target.rows.add(s.rows.get(i));
          target.weights.add(s.weights.get(i));
        }
      }
      mine.put(start, target);
      if (eventTime) {
        byEnd.add(target);
      }
    }
    target.rows.add(values);
    target.weights.add(w);
    rowCount++;
    emit(b, values, target.start, target.end, w);
  }

  private static void emit(BatchBuilder b, Object[] values, long start, long end, long w) {
    Object[] row = Arrays.copyOf(values, values.length + 2);
    row[values.length] = start;
    row[values.length + 1] = end;
    b.addRow(row, w);
  }

  @Override
  public void onWatermark(long wm) {
    if (!eventTime) {
      return;
    }
    watermark = wm;
    while (!byEnd.isEmpty() && byEnd.peek().end <= wm) {
      Session s = byEnd.poll();
      if (s.dead) {
        continue;
      }
      NavigableMap<Long, Session> mine = sessions.get(s.key);
      mine.remove(s.start);
      if (mine.isEmpty()) {
        sessions.remove(s.key);
      }
      rowCount -= s.rows.size();
    }
    updateSize();
  }

  private void updateSize() {
    size = new StateSize(rowCount, rowCount * (ROW_BYTES + 16L * (outputType.size() - 2)));
  }

  /** The watermark, counters and every open session of every key with its rows. */
  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(watermark).writeLong(rowCount).writeLong(late).writeInt(sessions.size());
    sessions.forEach((key, mine) -> {
      out.writeRow(key).writeInt(mine.size());
      for (Session s : mine.values()) {
        out.writeLong(s.start).writeLong(s.end).writeInt(s.rows.size());
        for (int i = 0; i < s.rows.size(); i++) {
          out.writeValues(s.rows.get(i)).writeLong(s.weights.get(i));
        }
      }
    });
  }

  @Override
  public void restore(StateInput in) {
    sessions.clear();
    byEnd.clear();
    watermark = in.readLong();
    rowCount = in.readLong();
    late = in.readLong();
    for (int k = in.readCount(); k > 0; k--) {
      Row key = in.readRow();
      NavigableMap<Long, Session> mine = new TreeMap<>();
      for (int i = in.readCount(); i > 0; i--) {
        Session s = new Session(key, in.readLong(), in.readLong());
        for (int r = in.readCount(); r > 0; r--) {
          s.rows.add(in.readValues());
          s.weights.add(in.readLong());
        }
        mine.put(s.start, s);
        if (eventTime) {
          byEnd.add(s);
        }
      }
      sessions.put(key, mine);
    }
    updateSize();
  }

  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public String stateBound() {
    return eventTime ? "bounded by the watermark: a session is freed when it ends"
        : "unbounded: keeps every row of every session (no watermark on the time column)";
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(keyColumns);
  }

  @Override
  public String describe() {
    return "SessionWindow(gap=" + gap + ", time=$" + timeColumn + ", keys=" + Arrays.toString(keyColumns)
        + (eventTime ? ", event time" : "") + ")";
  }
}
