package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TOP-N per partition: of each partition's rows, sorted by {@link SortKey#totalOrder}, the output
 * holds those at positions {@code offset+1 .. offset+limit} (a row of multiplicity m takes m
 * positions). With a {@link Numbering} each output row gets a trailing BIGINT: its position within
 * the partition (ROW_NUMBER), or its RANK / DENSE_RANK among its peers (rows equal on the ORDER BY
 * keys); then {@code limit} bounds that number, so ties at the limit are all kept (TOP-N with
 * ties) and {@code offset} must be 0. Without, the rows are output as they are (ORDER BY ... LIMIT).
 *
 * <p>State: every row of every partition (a retraction may bring a lower row back into the top),
 * plus the rows currently output. After each batch the output of every touched partition is
 * recomputed (O(offset + limit) per partition) and the difference emitted.
 *
 * <p>Driven by one thread; {@link #stateSize()} may be read from any thread.
 */
public final class TopNOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ROW = 72;

  /** The number appended to each output row. */
  public enum Numbering { NONE, ROW_NUMBER, RANK, DENSE_RANK }

  private static final class Partition {
    final Row key;
    final TreeMap<Row, Long> rows;
    List<Row> emitted = List.of();
    boolean touched;
    int sizeBefore;

    Partition(Row key, Comparator<Row> order) {
      this.key = key;
      rows = new TreeMap<>(order);
    }
  }

  private final RowType outputType;
  private final int[] partitionKeys;
  private final List<SortKey> order;
  private final Comparator<Row> comparator;
  private final long offset;
  private final long limit;
  private final Comparator<Row> peers;
  private final Numbering numbering;
  private final Map<Row, Partition> partitions = new HashMap<>();
  private final List<Partition> touched = new ArrayList<>();
  private volatile long stateRows;
  private Emitter out;

  /** {@code limit} may be {@link Long#MAX_VALUE} (rank every row). */
  public TopNOperator(RowType outputType, int[] partitionKeys, List<SortKey> order, long offset, long limit,
      boolean rowNumber) {
    this(outputType, partitionKeys, order, offset, limit, rowNumber ? Numbering.ROW_NUMBER : Numbering.NONE);
  }

  /** {@code limit} may be {@link Long#MAX_VALUE} (number every row). */
  public TopNOperator(RowType outputType, int[] partitionKeys, List<SortKey> order, long offset, long limit,
      Numbering numbering) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
    }
    if (offset > 0 && (numbering == Numbering.RANK || numbering == Numbering.DENSE_RANK)) {
      throw new IllegalArgumentException("RANK and DENSE_RANK take no offset");
    }
    this.outputType = outputType;
    this.partitionKeys = partitionKeys.clone();
    this.order = List.copyOf(order);
    this.comparator = SortKey.totalOrder(order);
    this.offset = offset;
    this.limit = limit;
    this.peers = SortKey.keyOrder(order);
    this.numbering = numbering;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch b) {
    for (Map.Entry<Row, Long> d : ZSets.consolidate(b).entrySet()) {
      Row row = d.getKey();
      Row key = row.project(partitionKeys);
      Partition p = partitions.computeIfAbsent(key, k -> new Partition(k, comparator));
      if (!p.touched) {
        p.touched = true;
        p.sizeBefore = p.rows.size();
        touched.add(p);
      }
      p.rows.merge(row, d.getValue(), (x, y) -> x + y == 0 ? null : x + y);
    }
    Map<Row, Long> changes = new HashMap<>();
    long held = stateRows;
    for (Partition p : touched) {
      p.touched = false;
      held += p.rows.size() - p.sizeBefore;
      p.emitted.forEach(r -> ZSets.addInto(changes, r, -1));
      p.emitted = top(p);
      p.emitted.forEach(r -> ZSets.addInto(changes, r, 1));
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

  /** The output rows of a partition now. */
  private List<Row> top(Partition p) {
    List<Row> rows = new ArrayList<>();
    if (limit == 0) {
      return rows;
    }
    if (numbering == Numbering.RANK || numbering == Numbering.DENSE_RANK) {
      return ranked(p, rows);
    }
    boolean rowNumber = numbering == Numbering.ROW_NUMBER;
    long position = 0;
    for (Map.Entry<Row, Long> e : p.rows.entrySet()) {
      for (long i = 0; i < e.getValue(); i++) {
        position++;
        if (position > offset) {
          rows.add(rowNumber ? withNumber(e.getKey(), position) : e.getKey());
        }
        if (position - offset >= limit) {
          return rows;
        }
      }
    }
    return rows;
  }

  /** Rows whose RANK (DENSE_RANK) is at most {@code limit}, each with its rank. */
  private List<Row> ranked(Partition p, List<Row> rows) {
    long position = 0;
    long rank = 0;
    long dense = 0;
    Row previous = null;
    for (Map.Entry<Row, Long> e : p.rows.entrySet()) {
      Row row = e.getKey();
      if (previous == null || peers.compare(previous, row) != 0) {
        rank = position + 1;
        dense++;
      }
      long n = numbering == Numbering.RANK ? rank : dense;
      if (n > limit) {
        break;
      }
      Row numbered = withNumber(row, n);
      for (long i = 0; i < e.getValue(); i++) {
        rows.add(numbered);
      }
      position += e.getValue();
      previous = row;
    }
    return rows;
  }

  private static Row withNumber(Row row, long n) {
    Object[] v = Arrays.copyOf(row.values(), row.arity() + 1);
    v[row.arity()] = n;
    return new Row(v);
  }

  @Override
  public StateSize stateSize() {
    long n = stateRows;
    return new StateSize(n, n * (BYTES_PER_ROW + 16L * outputType.size()));
  }

  @Override
  public String stateBound() {
    return "unbounded: every input row of every partition" + (partitionKeys.length == 0 ? ""
        : " (partition " + Arrays.toString(partitionKeys) + ")");
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(partitionKeys);
  }

  @Override
  public String describe() {
    return "TopN(partition=" + Arrays.toString(partitionKeys) + ", order=" + order + ", offset=" + offset
        + ", limit=" + (limit == Long.MAX_VALUE ? "all" : limit) + (numbering == Numbering.NONE ? "" : ", " + numbering) + ")";
  }

  /** Per partition: its rows with multiplicities and the rows it currently outputs. */
  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(partitions.size());
    for (Partition p : partitions.values()) {
      out.writeRow(p.key).writeInt(p.rows.size());
      p.rows.forEach((r, w) -> out.writeRow(r).writeLong(w));
      out.writeInt(p.emitted.size());
      p.emitted.forEach(out::writeRow);
    }
  }

  @Override
  public void restore(StateInput in) {
    partitions.clear();
    long held = 0;
    for (int i = in.readCount(); i > 0; i--) {
      Partition p = new Partition(in.readRow(), comparator);
      for (int j = in.readCount(); j > 0; j--) {
        p.rows.put(in.readRow(), in.readLong());
      }
      List<Row> emitted = new ArrayList<>();
      for (int j = in.readCount(); j > 0; j--) {
        emitted.add(in.readRow());
      }
      p.emitted = emitted;
      held += p.rows.size();
      partitions.put(p.key, p);
    }
    stateRows = held;
  }
}
