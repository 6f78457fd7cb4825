package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Event-time temporal join ({@code s JOIN v FOR SYSTEM_TIME AS OF s.ts ON s.k = v.k}), as Flink's
 * event-time versioned join: port 0 is the probing stream (insert-only), port 1 the versions of
 * the join key. A probe row at time {@code t} joins the version of its key valid at {@code t}: the
 * one with the greatest time {@code <= t}. INNER drops a probe without a version, LEFT pads it.
 *
 * <p>The versions come in one of two {@link Versions} forms. {@code STREAM}: an insert-only
 * stream, each row a version of its key from its time on (several rows of one key and time are
 * one version of several rows). {@code TABLE}: a table's changelog (primary key = join key): a
 * positive weight upserts the key's row from the row's time on (replacing a version of the same
 * time: the later change wins), a negative weight deletes the key from the row's time on (its
 * validity ends; probes at or after it find no version).
 *
 * <p>Output is insert-only and final: a probe is emitted when the watermark W (the minimum over
 * both inputs) passes its time ({@code t < W}), when no version at or before {@code t} can still
 * arrive. A row of either input whose time is below W when it arrives is late: dropped and
 * counted. A probe with a NULL key or time can never match and is emitted (padded) at once. After
 * the emission, of each key's versions only the one valid at W and later ones are kept (a key
 * whose version at W is a delete is forgotten). The work of a watermark is proportional to what
 * it makes ready: probes wait in a time-ordered map, and every version change queues its (time,
 * key) in a heap, so only keys with a change at or before W are visited.
 *
 * <p>State is in plain fields; driven by one thread; {@link #stateSize()} and {@link #lateRows()}
 * may be read from any thread. A retraction on the probe input (or on STREAM versions) is a bug
 * and fails loudly. {@link Checkpointable}: a restored instance behaves as the original.
 */
public final class TemporalJoinOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ROW = 96;

  /** What the versioned input is. */
  public enum Versions {
    /** An insert-only stream: every row is (part of) a version of its key. */
    STREAM,
    /** A table's changelog: +1 upserts the key's row, -1 deletes the key, at the row's time. */
    TABLE
  }

  private record Expiry(long time, Row key) {}

  private final RowType leftType;
  private final RowType rightType;
  private final JoinKeys keys;
  private final int leftTime;
  private final int rightTime;
  private final boolean leftOuter;
  private final Versions kind;
  private final RowType outputType;
  /** key -> version time -> the version's rows (empty: the key is deleted from that time on). */
  private final Map<Row, TreeMap<Long, List<Row>>> versions = new HashMap<>();
  /** time -> probe rows at that time, waiting for the watermark to pass it. */
  private final TreeMap<Long, List<Row>> pending = new TreeMap<>();
  /** A (time, key) per version change: once W >= time the key's older versions may be freed. */
  private final PriorityQueue<Expiry> expiries = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));
  private long watermark = Long.MIN_VALUE;
  private long rows;
  private volatile StateSize size = StateSize.NONE;
  private volatile long late;
  private Emitter out;

  /** A join against STREAM versions. */
  public TemporalJoinOperator(RowType leftType, RowType rightType, JoinKeys keys, int leftTime, int rightTime,
      boolean leftOuter, RowType outputType) {
    this(leftType, rightType, keys, leftTime, rightTime, leftOuter, Versions.STREAM, outputType);
  }

  /**
   * @param leftTime the left (probing) row's event-time column, the AS OF time
   * @param rightTime the right row's event-time column, the time its version (or delete) starts
   * @param outputType left then right columns
   */
  public TemporalJoinOperator(RowType leftType, RowType rightType, JoinKeys keys, int leftTime, int rightTime,
      boolean leftOuter, Versions kind, RowType outputType) {
    this.leftType = leftType;
    this.rightType = rightType;
    this.keys = keys;
    this.leftTime = leftTime;
    this.rightTime = rightTime;
    this.leftOuter = leftOuter;
    this.kind = kind;
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
    BatchBuilder output = new BatchBuilder(outputType, port == 0 ? batch.size() : 0);
    for (int r = 0; r < batch.size(); r++) {
      long w = batch.weight(r);
      if (w < 0 && (port == 0 || kind == Versions.STREAM)) {
        throw new IllegalStateException("a temporal join's " + (port == 0 ? "probe input" : "versioned stream")
            + " must be insert-only, got a retraction");
      }
      if (w == 0) {
        continue;
      }
      Row row = Row.from(batch, r);
      Long t = (Long) row.get(port == 0 ? leftTime : rightTime);
      if (t != null && t < watermark) {
        late += Math.abs(w);
        continue;
      }
      Row key = keys.of(row, port);
      if (port == 0) {
        probe(row, key, t, w, output);
      } else if (key != null && t != null) {
        version(row, key, t, w);
      }
    }
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  private void probe(Row row, Row key, Long t, long w, BatchBuilder output) {
    if (key == null || t == null) {
      emit(output, row, null, w);
      return;
    }
    List<Row> waiting = pending.computeIfAbsent(t, x -> new ArrayList<>());
    for (long i = 0; i < w; i++) {
      waiting.add(row);
    }
    rows += w;
  }

  private void version(Row row, Row key, long t, long w) {
    TreeMap<Long, List<Row>> vs = versions.computeIfAbsent(key, k -> new TreeMap<>());
    if (kind == Versions.TABLE) {
      List<Row> old = vs.put(t, w > 0 ? List.of(row) : List.of());
      rows += 1 - (old == null ? 0 : 1);
    } else {
      List<Row> v = vs.computeIfAbsent(t, x -> new ArrayList<>());
      for (long i = 0; i < w; i++) {
        v.add(row);
      }
      rows += w;
    }
    expiries.add(new Expiry(t, key));
  }

  /** The rows of {@code key}'s version valid at {@code t}, or null if none. */
  private List<Row> versionAt(Row key, long t) {
    TreeMap<Long, List<Row>> vs = versions.get(key);
    Map.Entry<Long, List<Row>> e = vs == null ? null : vs.floorEntry(t);
    return e == null || e.getValue().isEmpty() ? null : e.getValue();
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

  /**
   * Emits the probes below the watermark with their versions, then frees, for every key with a
   * version change at or before it, the versions no later probe can reach.
   */
  @Override
  public void onWatermark(long wm) {
    watermark = wm;
    BatchBuilder output = new BatchBuilder(outputType);
    while (!pending.isEmpty() && pending.firstKey() < wm) {
      Map.Entry<Long, List<Row>> e = pending.pollFirstEntry();
      for (Row probe : e.getValue()) {
        emit(output, probe, versionAt(keys.of(probe, 0), e.getKey()), 1);
      }
      rows -= e.getValue().size();
    }
    while (!expiries.isEmpty() && expiries.peek().time <= wm) {
      expire(expiries.poll().key, wm);
    }
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  /** Keeps of {@code key}'s versions the one valid at {@code wm} (unless a delete) and later ones. */
  private void expire(Row key, long wm) {
    TreeMap<Long, List<Row>> vs = versions.get(key);
    if (vs == null) {
      return;
    }
    Long current = vs.floorKey(wm);
    while (current != null && vs.firstKey() < current) {
      rows -= Math.max(1, vs.pollFirstEntry().getValue().size());
    }
    if (current != null && vs.get(current).isEmpty()) {
      vs.remove(current);
      rows--;
    }
    if (vs.isEmpty()) {
      versions.remove(key);
    }
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
    return "bounded by the watermark: probes until it passes them, per key the version valid at it and later "
        + "ones; grows with the keys";
  }

  @Override
  public String describe() {
    return "TemporalJoin(" + (leftOuter ? "LEFT" : "INNER") + ", " + keys + ", $" + leftTime + " AS OF "
        + (kind == Versions.TABLE ? "table" : "stream") + " version time $" + rightTime + ")";
  }

  /** Watermark, late count, waiting probes by time, and every key's versions (empty = delete). */
  @Override
  public void snapshot(StateOutput o) {
    o.writeLong(watermark).writeLong(late);
    writeTimes(o, pending);
    o.writeInt(versions.size());
    versions.forEach((k, vs) -> {
      o.writeRow(k);
      writeTimes(o, vs);
    });
  }

  private static void writeTimes(StateOutput o, TreeMap<Long, List<Row>> byTime) {
    o.writeInt(byTime.size());
    byTime.forEach((t, rs) -> {
      o.writeLong(t).writeInt(rs.size());
      rs.forEach(o::writeRow);
    });
  }

  /** Reads the state back; the expiry heap is rebuilt (one entry per version after each key's first). */
  @Override
  public void restore(StateInput in) {
    versions.clear();
    pending.clear();
    expiries.clear();
    watermark = in.readLong();
    late = in.readLong();
    rows = readTimes(in, pending);
    for (int n = in.readCount(); n > 0; n--) {
      Row key = in.readRow();
      TreeMap<Long, List<Row>> vs = new TreeMap<>();
      rows += readTimes(in, vs);
      versions.put(key, vs);
      boolean first = true;
      for (Map.Entry<Long, List<Row>> e : vs.entrySet()) {
        if (!first || e.getValue().isEmpty()) {
          expiries.add(new Expiry(e.getKey(), key));
        }
        first = false;
      }
    }
    updateSize();
  }

  /** Fills {@code into}; returns the rows read, counting an empty list (a delete) as one. */
  private static long readTimes(StateInput in, TreeMap<Long, List<Row>> into) {
    long n = 0;
    for (int times = in.readCount(); times > 0; times--) {
      long t = in.readLong();
      int count = in.readCount();
      List<Row> rs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        rs.add(in.readRow());
      }
      into.put(t, count == 0 ? List.of() : rs);
      n += Math.max(1, count);
    }
    return n;
  }
}
