package io.eddy.exec.window;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.Accumulator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggFunction;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A SESSION window and the aggregate grouped by it, fused: per partition key the open sessions
 * (by start), each with its bounds and one accumulator per aggregate call, so a row costs
 * O(log sessions of its key) instead of re-emitting its session's rows. When a row bridges
 * sessions they merge: the smaller sessions' accumulator states are folded into the largest
 * ({@link Accumulator#merge}; MIN/MAX multisets and DISTINCT sets move value by value).
 *
 * <p>Its output equals a {@link SessionWindowOperator} over the same keys followed by an
 * aggregate grouped by those keys and the window bounds: one row per session, its columns given
 * by {@code outKeys} (an input column that is a partition key, {@link #WINDOW_START} or
 * {@link #WINDOW_END}) followed by the calls' results; each batch emits the net change of every
 * session it touched (a merged-away session's row is retracted). The input must be insert-only.
 * With {@code eventTime}, late rows (own window {@code [ts, ts + gap)} closed) are dropped,
 * counted and sent to the circuit's {@link LateRowSink}, and a session whose end is at or
 * before the watermark is final: freed, and with {@code emitOnClose} emitted only then.
 * Without event time every session stays open.
 *
 * <p>State lives in plain fields (sessions by key, a queue of session ends). A checkpoint
 * ({@link Checkpointable}) saves the watermark, the late count, every open session with its
 * accumulators and emitted row, and the queue in its heap order, stale entries included (they
 * count in {@link #stateSize()} until the watermark passes them), so a restored operator polls
 * the same sessions in the same order. Driven by one thread; {@link #stateSize()} and
 * {@link #lateRows()} may be read from any.
 */
public final class SessionAggregateOperator implements Operator, Checkpointable {
  /** An {@code outKeys} entry: the session's start. */
  public static final int WINDOW_START = -1;
  /** An {@code outKeys} entry: the session's end. */
  public static final int WINDOW_END = -2;
  private static final long SESSION_BYTES = 160;
  private static final long ACCUMULATOR_BYTES = 32;
  private static final long ENTRY_BYTES = 64;

  /** One open session of a partition key. */
  private static final class Session {
    final Row key;
    final Accumulator[] accs;
    long start;
    long end;
    long count;
    Object[] emitted;
    boolean touched;
    boolean dead;

    Session(Row key, Accumulator[] accs, long start, long end) {
      this.key = key;
      this.accs = accs;
      this.start = start;
      this.end = end;
    }
  }

  /** A queue entry: valid while the session lives and still ends at {@code end}. */
  private record Closing(long end, Session session) {
    boolean stale() {
      return session.dead || session.end != end;
    }
  }


  private final RowType inputType;
  private final RowType outputType;
  private final int timeColumn;
  private final int[] partitionKeys;
  private final long gap;
  private final boolean eventTime;
  private final boolean emitOnClose;
  /** Per output key: position in the partition key, or WINDOW_START / WINDOW_END. */
  private final int[] outKeys;
  private final AggFunction[] functions;
  private final int[] args;
  private final int[] filters;
  private final Map<Row, TreeMap<Long, Session>> sessions = new HashMap<>();
  private final PriorityQueue<Closing> byEnd = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
  private final List<Session> touched = new ArrayList<>();
  private final List<Session> overlapping = new ArrayList<>();
  private long watermark = Long.MIN_VALUE;
  private long open;
  private volatile StateSize size = StateSize.NONE;
  private volatile long late;
  private Emitter out;
  private final RowErrors errors = new RowErrors(null);
  private LateRowSink lateSink = LateRowSink.NONE;

  /**
   * @param partitionKeys input columns whose values partition the sessions
   * @param outKeys per leading output column: an input column (one of {@code partitionKeys}),
   *     {@link #WINDOW_START} or {@link #WINDOW_END}
   * @param calls aggregate calls over input columns; the output has one column per call after the keys
   */
  public SessionAggregateOperator(RowType inputType, int timeColumn, int[] partitionKeys, long gap,
      boolean eventTime, int[] outKeys, List<AggCall> calls, RowType outputType, boolean emitOnClose) {
    if (gap <= 0) {
      throw new IllegalArgumentException("session gap must be positive: " + gap);
    }
    if (outputType.size() != outKeys.length + calls.size()) {
      throw new IllegalArgumentException("output has " + outputType.size() + " columns, expected "
          + outKeys.length + " keys + " + calls.size() + " calls");
    }
    this.inputType = inputType;
    this.outputType = outputType;
    this.timeColumn = timeColumn;
    this.partitionKeys = partitionKeys.clone();
    this.gap = gap;
    this.eventTime = eventTime;
    this.emitOnClose = emitOnClose;
    this.outKeys = new int[outKeys.length];
    for (int k = 0; k < outKeys.length; k++) {
      int c = outKeys[k];
      int pos = c < 0 ? c : indexOf(this.partitionKeys, c);
      if (c < WINDOW_END || c >= 0 && pos < 0) {
        throw new IllegalArgumentException("output key " + c + " is neither a partition key nor a window bound");
      }
      this.outKeys[k] = pos;
    }
    this.functions = new AggFunction[calls.size()];
    this.args = new int[calls.size()];
    this.filters = new int[calls.size()];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = AggFunction.of(calls.get(i), inputType, true);
      args[i] = calls.get(i).arg();
      filters[i] = calls.get(i).filterArg();
    }
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
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
    long dropped = 0;
    for (int r = 0, n = in.size(); r < n; r++) {
      long ts = SessionRows.time(in, r, timeColumn, gap, watermark, inputType, lateSink);
      if (ts == SessionRows.LATE) {
        dropped++;
        continue;
      } else if (ts == SessionRows.NONE) {
        continue;
      }
      long w = in.weight(r);
      Session s = sessionFor(Row.project(in, r, partitionKeys), ts);
      s.count += w;
      for (int i = 0; i < functions.length; i++) {
        int f = filters[i];
        if (f < 0 || !in.isNull(f, r) && in.getBoolean(f, r)) {
          s.accs[i].add(in, args[i], r, w);
        }
      }
    }
    if (dropped > 0) {
      late += dropped;
    }
    emitChanges();
  }

  /** The session of {@code key} that a row at {@code ts} belongs to, merging what it bridges. */
  private Session sessionFor(Row key, long ts) {
    TreeMap<Long, Session> mine = sessions.computeIfAbsent(key, k -> new TreeMap<>());
    overlapping.clear();
    for (Session s : mine.headMap(ts + gap, false).descendingMap().values()) {
      if (s.end <= ts) {
        break;
      }
      overlapping.add(s);
    }
    long start = ts;
    long end = ts + gap;
    Session target = null;
    for (Session s : overlapping) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
      if (target == null || s.count > target.count) {
        target = s;
      }
    }
    if (target == null) {
      target = new Session(key, newAccumulators(), start, end);
      open++;
    } else if (overlapping.size() == 1 && target.start == start && target.end == end) {
      touch(target);
      return target;
    }
    for (Session s : overlapping) {
      mine.remove(s.start);
      if (s != target) {
        for (int i = 0; i < s.accs.length; i++) {
          target.accs[i].merge(s.accs[i]);
        }
        target.count += s.count;
        s.dead = true;
        open--;
        touch(s);
      }
    }
    boolean moved = target.end != end || target.count == 0;
    target.start = start;
    target.end = end;
    mine.put(start, target);
    if (eventTime && moved) {
      byEnd.add(new Closing(end, target));
    }
    touch(target);
    return target;
  }

  private void touch(Session s) {
    if (!s.touched) {
      s.touched = true;
      touched.add(s);
    }
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] accs = new Accumulator[functions.length];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = functions[i].newAccumulator();
    }
    return accs;
  }

  /** Emits the net change of every touched session: merged-away ones retract their row. */
  private void emitChanges() {
    BatchBuilder b = new BatchBuilder(outputType, touched.size() * 2);
    for (Session s : touched) {
      s.touched = false;
      Object[] now = s.dead || emitOnClose ? null : output(s);
      if (!Arrays.equals(now, s.emitted)) {
        if (s.emitted != null) {
          b.addRow(s.emitted, -1);
        }
        if (now != null) {
          b.addRow(now, 1);
        }
        s.emitted = now;
      }
    }
    touched.clear();
    updateSize();
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  private Object[] output(Session s) {
    Object[] row = new Object[outKeys.length + functions.length];
    for (int k = 0; k < outKeys.length; k++) {
      int p = outKeys[k];
      row[k] = p == WINDOW_START ? (Object) s.start : p == WINDOW_END ? (Object) s.end : s.key.get(p);
    }
    return AggFunction.results(functions, s.accs, row, outKeys.length, errors) ? row : null;
  }

  /** Sessions whose row could not be computed (integer SUM overflow): withheld and counted. */
  @Override
  public RowErrors rowErrors() {
    return errors;
  }

  /** Frees the sessions the watermark closed; with {@code emitOnClose} emits their rows now. */
  @Override
  public void onWatermark(long wm) {
    if (!eventTime) {
      return;
    }
    watermark = wm;
    BatchBuilder b = new BatchBuilder(outputType, 16);
    while (!byEnd.isEmpty() && byEnd.peek().end() <= wm) {
      Closing c = byEnd.poll();
      Session s = c.session();
      if (c.stale()) {
        continue;
      }
      s.dead = true;
      open--;
      TreeMap<Long, Session> mine = sessions.get(s.key);
      mine.remove(s.start);
      if (mine.isEmpty()) {
        sessions.remove(s.key);
      }
      if (emitOnClose && s.count > 0) {
        Object[] row = output(s);
        if (row != null) {
          b.addRow(row, 1);
        }
      }
    }
    updateSize();
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  private void updateSize() {
    long perSession = SESSION_BYTES + 16L * partitionKeys.length + ACCUMULATOR_BYTES * functions.length;
    size = new StateSize(open, open * perSession + ENTRY_BYTES * byEnd.size());
  }

  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public long lateRows() {
    return late;
  }

  /**
   * Watermark, late count, the sessions by key (bounds, row count, emitted row, accumulators),
   * then the queue of ends in heap order, each entry with its session's number or -1 when stale.
   */
  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(watermark).writeLong(late).writeInt(sessions.size());
    Map<Session, Integer> numbers = new IdentityHashMap<>();
    sessions.forEach((key, mine) -> {
      out.writeRow(key).writeInt(mine.size());
      for (Session s : mine.values()) {
        numbers.put(s, numbers.size());
        out.writeLong(s.start).writeLong(s.end).writeLong(s.count).writeValues(s.emitted);
        for (Accumulator a : s.accs) {
          a.snapshot(out);
        }
      }
    });
    // A PriorityQueue iterates its heap array; re-adding in that order rebuilds the same array.
    out.writeInt(byEnd.size());
    for (Closing c : byEnd) {
      out.writeLong(c.end()).writeInt(c.stale() ? -1 : numbers.get(c.session()));
    }
  }

  @Override
  public void restore(StateInput in) {
    sessions.clear();
    byEnd.clear();
    watermark = in.readLong();
    late = in.readLong();
    List<Session> numbered = new ArrayList<>();
    for (int k = in.readCount(); k > 0; k--) {
      Row key = in.readRow();
      TreeMap<Long, Session> mine = new TreeMap<>();
      for (int i = in.readCount(); i > 0; i--) {
        Session s = new Session(key, newAccumulators(), in.readLong(), in.readLong());
        s.count = in.readLong();
        s.emitted = in.readValues();
        for (Accumulator a : s.accs) {
          a.restore(in);
        }
        mine.put(s.start, s);
        numbered.add(s);
      }
      sessions.put(key, mine);
    }
    open = numbered.size();
    // what a restored stale queue entry points to: a session that is no more
    Session gone = new Session(null, new Accumulator[0], 0, 0);
    gone.dead = true;
    for (int i = in.readCount(); i > 0; i--) {
      long end = in.readLong();
      int n = in.readInt();
      byEnd.add(new Closing(end, n < 0 ? gone : numbered.get(n)));
    }
    updateSize();
  }

  @Override
  public String stateBound() {
    return eventTime ? "bounded by the watermark: a session and its aggregates are freed when it ends"
        : "unbounded: keeps every session's aggregates (no watermark on the time column)";
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("SessionAggregate(gap=").append(gap).append(", time=$").append(timeColumn)
        .append(", keys=").append(Arrays.toString(partitionKeys));
    for (AggFunction f : functions) {
      sb.append(", ").append(f.call());
    }
    if (eventTime) {
      sb.append(emitOnClose ? ", event time, emit on close" : ", event time");
    }
    return sb.append(')').toString();
  }
}
