package io.eddy.exec.operator.over;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.SortKey;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OVER aggregates ({@code SUM/COUNT/AVG/MIN/MAX(x) OVER (PARTITION BY ... ORDER BY ... frame)}) over
 * a changelog: each output row is an input row followed by the values of the {@link OverCall}s over
 * its {@link OverFrame} within its partition, exactly as a batch database computes them over the
 * rows present now (rows that tie on every column are interchangeable; rows that tie only on the
 * ORDER BY keys are ordered by their other columns, where SQL leaves the order open).
 *
 * <p>Each partition keeps all its rows sorted. After a batch, every touched partition recomputes
 * the output of its rows from the first changed row (from the first of its peers) to the end,
 * retracts what those rows emitted before and emits the new values; rows before it keep their
 * output (their frames end at or before them). An append in time order therefore recomputes only
 * the new rows (plus, for an unbounded frame, a pass over the partition to rebuild the running
 * value); a change early in a long partition recomputes its whole tail. State: every input row,
 * unbounded. (Over an insert-only input ordered by event time the planner uses the bounded
 * {@link EventTimeOverOperator} instead.)
 *
 * <p>Driven by one thread; {@link #stateSize()} may be read from any thread. {@link Checkpointable}:
 * every partition's rows with their weights and the output they emitted.
 */
public final class OverAggregateOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ROW = 96;

  private static final class Entry {
    long weight;
    List<Row> emitted = List.of();
  }

  private static final class Partition {
    final Row key;
    final TreeMap<Row, Entry> rows;
    Row firstChanged;

    Partition(Row key, Comparator<Row> order) {
      this.key = key;
      this.rows = new TreeMap<>(order);
    }
  }

  private final RowType outputType;
  private final int[] partitionKeys;
  private final List<SortKey> order;
  private final OverFrame frame;
  private final List<OverCall> calls;
  private final Comparator<Row> total;
  private final Comparator<Row> peers;
  private final Map<Row, Partition> partitions = new HashMap<>();
  private final List<Partition> touched = new ArrayList<>();
  private volatile long stateRows;
  private Emitter out;

  /**
   * @param outputType the input columns followed by one column per call
   * @param order the ORDER BY keys; a RANGE frame with an offset needs exactly one
   */
  public OverAggregateOperator(RowType outputType, int[] partitionKeys, List<SortKey> order, OverFrame frame,
      List<OverCall> calls) {
    if (!frame.rows() && !frame.unboundedPreceding() && order.size() != 1) {
      throw new IllegalArgumentException("a RANGE frame with an offset needs exactly one ORDER BY key");
    }
    this.outputType = outputType;
    this.partitionKeys = partitionKeys.clone();
    this.order = List.copyOf(order);
    this.frame = frame;
    this.calls = List.copyOf(calls);
    this.total = SortKey.totalOrder(order);
    this.peers = SortKey.keyOrder(order);
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    long held = stateRows;
    for (Map.Entry<Row, Long> d : ZSets.consolidate(batch).entrySet()) {
      Row row = d.getKey();
      Partition p = partitions.computeIfAbsent(row.project(partitionKeys), k -> new Partition(k, total));
      Entry entry = p.rows.get(row);
      if (entry == null) {
        entry = new Entry();
        p.rows.put(row, entry);
        held++;
      }
      entry.weight += d.getValue();
      if (p.firstChanged == null) {
        touched.add(p);
        p.firstChanged = row;
      } else if (total.compare(row, p.firstChanged) < 0) {
        p.firstChanged = row;
      }
    }
    Map<Row, Long> changes = new HashMap<>();
    for (Partition p : touched) {
      held -= p.rows.size();
      recompute(p, changes);
      held += p.rows.size();
      p.firstChanged = null;
      if (p.rows.isEmpty()) {
        partitions.remove(p.key);
      }
    }
    touched.clear();
    stateRows = held;
    if (!changes.isEmpty()) {
      out.emit(ZSets.toBatch(outputType, changes));
    }
  }

  /** Recomputes the output of the partition's rows from its first changed row's first peer on. */
  private void recompute(Partition p, Map<Row, Long> changes) {
    Row start = frame.toEnd() ? p.rows.firstKey() : p.firstChanged;
    for (Row lower = p.rows.lowerKey(start); lower != null && peers.compare(lower, start) == 0;
        lower = p.rows.lowerKey(lower)) {
      start = lower;
    }
    List<Object[]> rows = context(p, start);
    int first = rows.size();
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Entry> it = p.rows.tailMap(start, true).values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      e.emitted.forEach(r -> ZSets.addInto(changes, r, -1));
      e.emitted = List.of();
      if (e.weight < 0) {
        throw new IllegalStateException("OVER aggregate input retracted a row it never had");
      }
      if (e.weight == 0) {
        it.remove();
      }
    }
    for (Map.Entry<Row, Entry> e : p.rows.tailMap(start, true).entrySet()) {
      for (long i = 0; i < e.getValue().weight; i++) {
        rows.add(e.getKey().values());
      }
      entries.add(e.getValue());
    }
    List<Row> results = evaluate(rows, first);
    int k = 0;
    for (Entry e : entries) {
      List<Row> emitted = new ArrayList<>();
      for (long i = 0; i < e.weight; i++) {
        Row r = results.get(k++);
        emitted.add(r);
        ZSets.addInto(changes, r, 1);
      }
      e.emitted = emitted;
    }
  }

  /** The rows before {@code start} that frames of rows from {@code start} on can reach, in order. */
  private List<Object[]> context(Partition p, Row start) {
    List<Object[]> before = new ArrayList<>();
    Object startKey = frame.rows() || order.isEmpty() ? null : start.get(order.get(0).column());
    for (Map.Entry<Row, Entry> e : p.rows.headMap(start, false).descendingMap().entrySet()) {
      if (!frame.unboundedPreceding()) {
        if (frame.rows() ? before.size() >= frame.preceding()
            : !inRange(e.getKey().get(order.get(0).column()), startKey)) {
          break;
        }
      }
      for (long i = 0; i < e.getValue().weight; i++) {
        before.add(e.getKey().values());
      }
    }
    java.util.Collections.reverse(before);
    return before;
  }

  /** Output rows for {@code rows[first..]}: each row with its calls' values over its frame. */
  private List<Row> evaluate(List<Object[]> rows, int first) {
    List<FrameAccumulator> accs = new ArrayList<>();
    for (OverCall c : calls) {
      accs.add(new FrameAccumulator(c));
    }
    int n = rows.size();
    int lo = 0;
    int hi = -1;
    int peerEnd = -1;
    List<Row> results = new ArrayList<>();
    for (int i = first; i < n; i++) {
      int wantHi;
      if (frame.toEnd()) {
        wantHi = n - 1;
      } else if (frame.rows()) {
        wantHi = i;
      } else {
        if (i > peerEnd) {
          peerEnd = i;
          while (peerEnd + 1 < n && peers.compare(new Row(rows.get(peerEnd + 1)), new Row(rows.get(i))) == 0) {
            peerEnd++;
          }
        }
        wantHi = peerEnd;
      }
      while (hi < wantHi) {
        hi++;
        for (FrameAccumulator a : accs) {
          a.add(rows.get(hi));
        }
      }
      int wantLo = frameStart(rows, i, lo);
      while (lo < wantLo) {
        Object[] leaving = rows.get(lo++);
        for (FrameAccumulator a : accs) {
          a.remove(leaving, rows, lo, hi);
        }
      }
      Object[] v = Arrays.copyOf(rows.get(i), rows.get(i).length + calls.size());
      for (int c = 0; c < accs.size(); c++) {
        v[rows.get(i).length + c] = accs.get(c).result();
      }
      results.add(new Row(v));
    }
    return results;
  }

  private int frameStart(List<Object[]> rows, int i, int lo) {
    if (frame.unboundedPreceding()) {
      return 0;
    }
    if (frame.rows()) {
      return (int) Math.max(lo, i - frame.preceding());
    }
    int col = order.get(0).column();
    Object current = rows.get(i)[col];
    while (lo < i && !inRange(rows.get(lo)[col], current)) {
      lo++;
    }
    return lo;
  }

  /** Whether ORDER BY key value {@code x} lies in the RANGE frame of a row whose key is {@code current}. */
  private boolean inRange(Object x, Object current) {
    if (current == null || x == null) {
      return current == x;
    }
    boolean desc = order.get(0).descending();
    Object hi = desc ? x : current;
    Object low = desc ? current : x;
    long off = frame.preceding();
    if (hi instanceof BigDecimal a) {
      return a.subtract((BigDecimal) low).compareTo(BigDecimal.valueOf(off)) <= 0;
    }
    if (hi instanceof Double a) {
      return a - (Double) low <= off;
    }
    long a = ((Number) hi).longValue();
    long b = ((Number) low).longValue();
    return a - b <= off;
  }

  @Override
  public StateSize stateSize() {
    long n = stateRows;
    return new StateSize(n, n * (BYTES_PER_ROW + 16L * outputType.size()));
  }

  @Override
  public String stateBound() {
    return "unbounded: every input row of every partition";
  }

  @Override
  public void snapshot(StateOutput o) {
    o.writeInt(partitions.size());
    partitions.forEach((key, p) -> {
      o.writeRow(key).writeInt(p.rows.size());
      p.rows.forEach((row, e) -> {
        o.writeRow(row).writeLong(e.weight).writeInt(e.emitted.size());
        e.emitted.forEach(o::writeRow);
      });
    });
  }

  @Override
  public void restore(StateInput in) {
    partitions.clear();
    long held = 0;
    for (int n = in.readCount(); n > 0; n--) {
      Partition p = new Partition(in.readRow(), total);
      for (int i = in.readCount(); i > 0; i--) {
        Row row = in.readRow();
        Entry e = new Entry();
        e.weight = in.readLong();
        List<Row> emitted = new ArrayList<>();
        for (int j = in.readCount(); j > 0; j--) {
          emitted.add(in.readRow());
        }
        e.emitted = emitted;
        p.rows.put(row, e);
      }
      held += p.rows.size();
      partitions.put(p.key, p);
    }
    stateRows = held;
  }

  @Override
  public String describe() {
    return "OverAggregate(partition=" + Arrays.toString(partitionKeys) + ", order=" + order + ", " + frame
        + ", " + calls + ")";
  }
}
