package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.state.DueQueue;
import io.eddy.exec.state.IntList;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Incremental hash join of two changelogs (port 0 left, port 1 right), by
 * {@code Δ(A⋈B) = ΔA⋈B + A⋈ΔB + ΔA⋈ΔB}: a batch from one side is consolidated, joined against the
 * other side's index as it is now, then added to its own index. A pair matches when its
 * {@link JoinKeys} are equal and the optional residual condition holds.
 *
 * <p>The residual is a {@link BatchCalc} over {@link #pairType} rows (left columns, right columns,
 * then a BIGINT pair number) that keeps the pairs whose condition is TRUE and outputs only their
 * pair number. Rows on which it raises a runtime error do not match and are counted
 * ({@link #rowErrors()}).
 *
 * <p>Outer, SEMI and ANTI sides ({@link JoinType#tracksMatches}) keep per row the multiplicity of
 * the other side's matching rows. After each batch every row whose count or multiplicity changed is
 * reconciled: its unmatched output (NULL-padded row, or the row itself for SEMI/ANTI) is emitted or
 * retracted so that the output holds it exactly while it should (count 0 -> >0 retracts the padded
 * row, >0 -> 0 emits it). Rows with a NULL key match nothing and are not indexed.
 *
 * <p>With a {@link TimeBound} (interval and window joins) the join frees state by the watermark:
 * a row of either side whose time is below that side's {@link TimeBound#horizon} when it arrives
 * is late: dropped and counted ({@link #lateRows()}), so the output equals the batch join over the
 * accepted rows. On each watermark the rows no later row can match are freed; an outer row's
 * NULL-padded output, emitted when it arrived unmatched (and retracted/re-emitted as matches come
 * and go, exactly as without a bound), is final once the row is freed. The operator reports
 * {@link TimeBound#outputWatermark} as its output's watermark. A row with a NULL time matches
 * nothing.
 *
 * <p>A side whose input is an {@link ArrangeOperator} ({@link #bindInputs}) keeps no index of its
 * own: it reads the shared arrangement as of the batches this side has received, which is what its
 * private index would hold, so the output is the same.
 *
 * <p>Driven by one thread; {@link #stateSize()}, {@link #rowErrors()} and {@link #lateRows()} may
 * be read from any thread.
 */
public final class JoinOperator implements Operator, Checkpointable {
  private final RowType leftType;
  private final RowType rightType;
  private final JoinKeys keys;
  /** Per port, its key columns. */
  private final int[][] keyColumns;
  private final JoinType type;
  private final BatchCalc residual;
  private final String residualText;
  private final RowType outputType;
  private final RowType pairType;
  private final JoinIndex[] index;
  /** A comparison in the residual that probes use to skip stored rows, or null. */
  private final JoinRange range;
  /** Per side, the shared arrangement fed into that port instead of a private index, or null. */
  private final ArrangeOperator[] shared = new ArrangeOperator[2];
  /** Per shared side, the arrangement generation of the last batch this side received. */
  private final long[] seen = new long[2];
  private final IntList[] touched = {new IntList(), new IntList()};
  /** The pair columns the residual reads (besides the pair number), or null for all. */
  private final java.util.BitSet conditionColumns;
  /** Per output column whether it is filled (only what the consumers read, {@link #readOnly}), or null for all. */
  private boolean[] outputFilled;
  /** Per pair column whether pairs fill it: what the residual or the output reads; null for all. */
  private boolean[] pairFilled;
  /** The builders of the output and of the candidate pairs, kept so the columns they leave out are shared. */
  private BatchBuilder outputBuilder;
  private BatchBuilder pairBuilder;
  private final TimeBound bound;
  private final JoinExpiry expiry;
  private long watermark = Long.MIN_VALUE;
  private volatile StateSize size = StateSize.NONE;
  private final RowErrors errors;
  private volatile long late;
  private Emitter out;

  /**
   * @param residual the non-equi part of the condition over {@link #pairType} rows, or null
   * @param residualText how EXPLAIN shows the residual (ignored when there is none)
   * @param outputType left then right columns, or only the left columns for SEMI and ANTI
   */
  public JoinOperator(RowType leftType, RowType rightType, JoinKeys keys, JoinType type, BatchCalc residual,
      String residualText, RowType outputType) {
    this(leftType, rightType, keys, type, residual, residualText, outputType, null);
  }

  /**
   * As the seven-argument constructor, with a time bound the condition implies (or null for
   * none): state is then freed by the watermark and late rows are dropped.
   */
  public JoinOperator(RowType leftType, RowType rightType, JoinKeys keys, JoinType type, BatchCalc residual,
      String residualText, RowType outputType, TimeBound bound) {
    this(leftType, rightType, keys, type, residual, residualText, outputType, bound, null);
  }

  /**
   * As the eight-argument constructor, with a comparison the residual implies (or null for none):
   * a probe then tests it on each stored row of the key first, and pairs (and runs the residual
   * on) only the rows that pass.
   */
  public JoinOperator(RowType leftType, RowType rightType, JoinKeys keys, JoinType type, BatchCalc residual,
      String residualText, RowType outputType, TimeBound bound, JoinRange range) {
    this(leftType, rightType, keys, type, residual, residualText, outputType, bound, range, new boolean[2]);
  }

  /**
   * As the nine-argument constructor; {@code insertOnly[port]} says the planner proved that input
   * never retracts, so its index stores each added row as it comes, without looking it up (a
   * retraction arriving there fails).
   */
  public JoinOperator(RowType leftType, RowType rightType, JoinKeys keys, JoinType type, BatchCalc residual,
      String residualText, RowType outputType, TimeBound bound, JoinRange range, boolean[] insertOnly) {
    this(leftType, rightType, keys, type, residual, residualText, outputType, bound, range, insertOnly, null);
  }

  /**
   * As the ten-argument constructor; {@code conditionColumns} (or null: unknown) are the columns of
   * {@link #pairType} rows the residual reads. With them, and told what its consumers read
   * ({@link #readOnly}), the join fills only those columns of its pairs and output.
   */
  public JoinOperator(RowType leftType, RowType rightType, JoinKeys keys, JoinType type, BatchCalc residual,
      String residualText, RowType outputType, TimeBound bound, JoinRange range, boolean[] insertOnly,
      java.util.BitSet conditionColumns) {
    this.conditionColumns = conditionColumns == null ? null : (java.util.BitSet) conditionColumns.clone();
    if (range != null) {
      range.check(leftType, rightType);
      if (residual == null) {
        throw new IllegalArgumentException("a join range is part of a residual condition");
      }
    }
    this.range = range;
    this.leftType = leftType;
    this.rightType = rightType;
    this.keys = keys;
    this.keyColumns = new int[][] {keys.columns(0), keys.columns(1)};
    this.type = type;
    this.residual = residual;
    this.residualText = residualText;
    this.outputType = outputType;
    this.pairType = pairType(leftType, rightType);
    this.index = new JoinIndex[] {
        new JoinIndex(leftType, keys.left(), type.tracksMatches(0), insertOnly[0], range == null ? -1 : range.column(0)),
        new JoinIndex(rightType, keys.right(), type.tracksMatches(1), insertOnly[1], range == null ? -1 : range.column(1))};
    this.bound = bound;
    this.expiry = bound == null ? null : new JoinExpiry();
    this.errors = new RowErrors(residualText);
    keys.check(leftType, rightType);
    int expected = type.emitsPairs() ? leftType.size() + rightType.size() : leftType.size();
    if (outputType.size() != expected) {
      throw new IllegalArgumentException(type + " join outputs " + expected + " columns, not " + outputType.size());
    }
  }

  /** The rows a residual condition sees: left columns, right columns, then the BIGINT pair number. */
  public static RowType pairType(RowType left, RowType right) {
    List<Column> cols = new ArrayList<>(left.columns());
    cols.addAll(right.columns());
    cols.add(new Column("$pair", SqlType.of(TypeKind.BIGINT).withNullable(false)));
    return new RowType(cols);
  }

  /**
   * A side fed by an {@link ArrangeOperator} reads that shared index instead of keeping its own.
   * Allowed only for a side that tracks no matches (not the preserved side of an outer join, not
   * SEMI/ANTI's left), without a time bound, and when the arrangement indexes the side's key columns.
   */
  @Override
  public void bindInputs(List<Operator> producers) {
    for (int port = 0; port < 2; port++) {
      if (producers.get(port) instanceof ArrangeOperator a) {
        if (bound != null || type.tracksMatches(port) || !a.indexes(keys.columns(port), keys.nullsMatch())) {
          throw new IllegalArgumentException("join input " + port + " cannot read " + a.describe() + " ("
              + describe() + ")");
        }
        a.addReader();
        shared[port] = a;
      }
    }
  }

  /**
   * Fills only the output columns read downstream; and, when the residual's columns are known,
   * only the pair columns it or the output reads (the others are NULL).
   */
  @Override
  public void readOnly(java.util.BitSet columns) {
    outputFilled = new boolean[outputType.size()];
    for (int c = 0; c < outputFilled.length; c++) {
      outputFilled[c] = columns.get(c);
    }
    if (conditionColumns != null) {
      pairFilled = new boolean[pairType.size()];
      for (int c = 0; c < pairFilled.length; c++) {
        // output column c is pair column c (left columns first, for SEMI and ANTI only those)
        pairFilled[c] = conditionColumns.get(c) || c < outputFilled.length && outputFilled[c];
      }
      pairFilled[pairType.size() - 1] = true; // the pair number
    }
  }

  /** Makes the builders, which leave out what {@link #readOnly} (called before) says is not read. */
  @Override
  public void open(Emitter out) {
    this.out = out;
    outputBuilder = new BatchBuilder(outputType, 16, outputFilled);
    pairBuilder = new BatchBuilder(pairType, 16, pairFilled);
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    JoinDelta delta = delta(port, batch);
    int n = delta.size();
    ZBatch in = delta.batch;
    BatchBuilder output = outputBuilder;
    output.expect(n * 2);
    long[] matched = probe(port, delta, output);
    if (shared[port] != null) {
      seen[port] = shared[port].generation();
    }
    boolean tracks = type.tracksMatches(port);
    for (int i = 0; i < n && shared[port] == null; i++) {
      if (!delta.keyed[i]) {
        if (tracks && type.keepsRow(false)) {
          unmatched(output, port, in, delta.row[i], delta.weight[i]);
        }
      } else {
        int e = index[port].add(in, delta.row[i], delta.keyHash[i], delta.weight[i], matched[i]);
        if (expiry != null && bound.frees(port) && index[port].live(e) && !index[port].timed(e)) {
          expiry.added(port, delta.time[i], index[port], e);
        }
        if (tracks) {
          touch(port, e);
        }
      }
    }
    reconcile(0, output);
    reconcile(1, output);
    freeReleased(DueQueue.SLICE);
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  /**
   * The rows of {@code batch} to join, read in place: each distinct row once on a side that
   * tracks matches (which needs a row's whole weight at once; elsewhere the join is linear in each
   * input, so rows go one by one and need no hashing), without rows of weight 0 and, with a time
   * bound, without late rows (counted). A row whose key or time is NULL is kept without a key.
   */
  private JoinDelta delta(int port, ZBatch batch) {
    ZBatch in = type.tracksMatches(port) ? consolidated(batch) : batch;
    JoinDelta delta = new JoinDelta(in, bound != null);
    int[] cols = keyColumns[port];
    long horizon = bound == null ? Long.MIN_VALUE : bound.horizon(port, watermark);
    long[] weights = in.weights();
    for (int r = 0, size = in.size(); r < size; r++) {
      long w = weights[r];
      if (w == 0) {
        continue;
      }
      boolean keyed = keys.matchable(in, r, port);
      long t = 0;
      if (bound != null) {
        if (in.isNull(bound.column(port), r)) {
          keyed = false;
        } else {
          t = bound.timeOf(in, r, port);
          if (t < horizon) {
            late += Math.abs(w);
            continue;
          }
        }
      }
      delta.keep(r, w, keyed, keyed ? JoinIndex.keyHash(in, r, cols) : 0, t);
    }
    return delta;
  }

  /** {@code batch} with each distinct row once, of its total weight (rows whose weights cancel are gone). */
  private static ZBatch consolidated(ZBatch batch) {
    Map<Row, Long> rows = ZSets.consolidate(batch);
    BatchBuilder b = new BatchBuilder(batch.type(), rows.size());
    for (Map.Entry<Row, Long> d : rows.entrySet()) {
      Row row = d.getKey();
      for (int c = 0; c < row.arity(); c++) {
        b.set(c, row.get(c));
      }
      b.endRow(d.getValue());
    }
    return b.build();
  }

  private void updateSize() {
    size = new StateSize(index[0].entries() + index[1].entries(), index[0].bytes() + index[1].bytes());
  }

  /** Frees, with a time bound, every stored row that neither matches a later row nor can be retracted. */
  @Override
  public void onWatermark(long wm) {
    watermark = wm;
    if (bound != null) {
      for (int port = 0; port < 2; port++) {
        expiry.expire(port, Math.min(bound.expiresBefore(port, wm), bound.horizon(port, wm)), index[port]);
      }
      updateSize();
    }
  }

  @Override
  public boolean freeReleased(int budget) {
    if (expiry == null) {
      return false;
    }
    boolean freed = false;
    boolean waiting = false;
    for (int side = 0; side < 2; side++) {
      if (budget > 0 && expiry.pending(side)) {
        expiry.free(side, budget, index[side]);
        freed = true;
      }
      waiting |= expiry.pending(side);
    }
    if (freed) {
      updateSize();
    }
    return waiting;
  }

  @Override
  public long outputWatermark(long wm) {
    return bound == null ? wm : bound.outputWatermark(wm);
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public String stateBound() {
    if (bound == null) {
      return "unbounded: grows with both inputs";
    } else if (bound.frees(0) && bound.frees(1)) {
      return "bounded by the watermark: a row is freed once no later row can match it (" + bound + ")";
    }
    String freed = bound.frees(0) ? "left" : "right";
    String kept = bound.frees(0) ? "right" : "left";
    return "half bounded: " + freed + " rows are freed by the watermark once no later " + kept + " row can match "
        + "them; " + kept + " rows are kept (unbounded, any later " + freed + " row may match them) (" + bound + ")";
  }

  /**
   * Joins the delta rows from {@code port} with the other side's index: emits the matching pairs,
   * updates the other side's match counts, and returns per delta row the multiplicity of its matches.
   */
  private long[] probe(int port, JoinDelta delta, BatchBuilder output) {
    int other = 1 - port;
    int n = delta.size();
    ZBatch in = delta.batch;
    Candidates pairs = new Candidates(n);
    int width = leftType.size() + rightType.size();
    ArrangeOperator arrangement = shared[other];
    boolean includePending = arrangement != null && seen[other] == arrangement.generation();
    JoinIndex stored = index[other];
    for (int i = 0; i < n; i++) {
      if (!delta.keyed[i]) {
        continue;
      }
      int d = i;
      int r = delta.row[i];
      long w = delta.weight[i];
      if (arrangement != null) {
        arrangement.forEach(keys.of(Row.from(in, r), port), includePending,
            (arranged, e, ew) -> pairs.add(port, in, r, w, arranged, e, ew, d));
        continue;
      }
      int head = stored.first(in, r, keyColumns[port], delta.keyHash[i]);
      if (range != null) {
        int at = range.column(port);
        int storedAt = range.column(other);
        IntConsumer pair = e -> pairs.add(port, in, r, w, stored, e, stored.weight(e), d);
        Object col = in.column(at);
        if (in.isNull(at, r)) {
          continue; // NULL compares with nothing
        } else if (stored.isIntegral(storedAt) && (col instanceof long[] || col instanceof int[])) {
          long v = col instanceof long[] a ? a[r] : ((int[]) col)[r];
          stored.forEachInRange(head, storedAt, range.storedOp(other), v, pair);
        } else {
          stored.forEachInRange(head, storedAt, range.storedOp(other), in.get(at, r), pair);
        }
      } else {
        for (int e = head; e >= 0; e = stored.next(e)) {
          pairs.add(port, in, r, w, stored, e, stored.weight(e), i);
        }
      }
    }
    ZBatch candidates = pairs.batch.build();
    ZBatch passing = residual == null || candidates.size() == 0 ? null : residual.apply(candidates);
    if (passing != null) {
      errors.record(residual.errors(), residual.lastError());
    }
    long[] matched = new long[n];
    boolean otherTracks = type.tracksMatches(other);
    int count = passing == null ? candidates.size() : passing.size();
    for (int k = 0; k < count; k++) {
      int p = passing == null ? k : (int) passing.getLong(0, k);
      int i = pairs.deltaRow[p];
      if (type.emitsPairs()) {
        for (int c = 0; c < width; c++) {
          output.copy(candidates, c, p, c);
        }
        output.endRow(candidates.weight(p));
      }
      matched[i] += pairs.otherWeight[p];
      if (otherTracks) {
        index[other].addMatches(pairs.entry[p], delta.weight[i]);
        touch(other, pairs.entry[p]);
      }
    }
    return matched;
  }

  /**
   * The pairs a probe found, numbered in order: pair rows, the stored row's entry (in the other
   * side's index, or in a shared arrangement, whose entries are never touched) and weight.
   */
  private final class Candidates {
    final BatchBuilder batch;
    int[] entry;
    int[] deltaRow;
    long[] otherWeight;
    private int size;

    Candidates(int expected) {
      pairBuilder.expect(expected);
      batch = pairBuilder;
      entry = new int[Math.max(expected, 4)];
      deltaRow = new int[entry.length];
      otherWeight = new long[entry.length];
    }

    /**
     * Row {@code r} of {@code delta} (delta row {@code i}) of side {@code port} paired with entry
     * {@code e} of {@code stored}, of weight {@code storedWeight}.
     */
    void add(int port, ZBatch delta, int r, long deltaWeight, JoinIndex stored, int e, long storedWeight, int i) {
      int deltaAt = port == 0 ? 0 : leftType.size();
      for (int c = 0; c < delta.arity(); c++) {
        batch.copy(delta, c, r, deltaAt + c);
      }
      stored.copyTo(e, batch, port == 0 ? leftType.size() : 0);
      if (size == entry.length) {
        entry = Arrays.copyOf(entry, size * 2);
        deltaRow = Arrays.copyOf(deltaRow, size * 2);
        otherWeight = Arrays.copyOf(otherWeight, size * 2);
      }
      batch.longField(pairType.size() - 1, size);
      batch.endRow(deltaWeight * storedWeight);
      entry[size] = e;
      deltaRow[size] = i;
      otherWeight[size++] = storedWeight;
    }
  }

  private void touch(int port, int e) {
    if (index[port].touch(e)) {
      touched[port].add(e);
    }
  }

  /** Brings the unmatched output of every touched row of side {@code port} up to date. */
  private void reconcile(int port, BatchBuilder output) {
    IntList list = touched[port];
    JoinIndex idx = index[port];
    for (int k = 0; k < list.size(); k++) {
      int e = list.get(k);
      long wanted = type.keepsRow(idx.matches(e) > 0) ? idx.weight(e) : 0;
      if (wanted != idx.emitted(e)) {
        unmatched(output, port, idx, e, wanted - idx.emitted(e));
        idx.setEmitted(e, wanted);
      }
      idx.untouch(e);
    }
    list.clear();
  }

  /** Emits row {@code r} of {@code from}, of side {@code port}, without a partner: alone (SEMI/ANTI) or padded with NULLs. */
  private void unmatched(BatchBuilder output, int port, ZBatch from, int r, long w) {
    int offset = unmatchedOffset(port);
    for (int c = 0; c < outputType.size(); c++) {
      int f = c - offset;
      if (f >= 0 && f < from.arity()) {
        output.copy(from, f, r, c);
      } else {
        output.nullField(c);
      }
    }
    output.endRow(w);
  }

  /** Emits stored entry {@code e} of {@code idx}, of side {@code port}, without a partner (as the other overload). */
  private void unmatched(BatchBuilder output, int port, JoinIndex idx, int e, long w) {
    int offset = unmatchedOffset(port);
    int arity = port == 0 ? leftType.size() : rightType.size();
    for (int c = 0; c < outputType.size(); c++) {
      if (c < offset || c >= offset + arity) {
        output.nullField(c);
      }
    }
    idx.copyTo(e, output, offset);
    output.endRow(w);
  }

  /** Where a side's columns start in an unmatched output row. */
  private int unmatchedOffset(int port) {
    return type.emitsPairs() && port == 1 ? leftType.size() : 0;
  }

  /**
   * Both indexes (with the outer sides' match counts and padded output) and the error count; with
   * a time bound also the watermark and the late-row count. The time index is not written: it is
   * rebuilt from the indexed rows' times on restore.
   */
  @Override
  public void snapshot(StateOutput out) {
    freeReleased(Integer.MAX_VALUE); // expired rows are not state to keep
    index[0].snapshot(out);
    index[1].snapshot(out);
    out.writeLong(errors.count());
    if (bound != null) {
      out.writeLong(watermark).writeLong(late);
    }
  }

  @Override
  public void restore(StateInput in) {
    index[0].restore(in);
    index[1].restore(in);
    errors.restoreCount(in.readLong());
    if (bound != null) {
      watermark = in.readLong();
      late = in.readLong();
      for (int port = 0; port < 2; port++) {
        int side = port;
        // an indexed row always has a time: a row whose time is NULL gets no key and is not indexed
        if (bound.frees(port)) {
          expiry.rebuild(port, index[port], e -> bound.timeOf(index[side].row(e), side));
        }
      }
    }
    updateSize();
  }

  /** Distinct rows indexed on both sides and an estimate of their bytes. */
  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public RowErrors rowErrors() {
    return errors;
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(port == 0 ? keys.left() : keys.right());
  }

  @Override
  public String describe() {
    String sides = shared[0] != null && shared[1] != null ? (shared[0] == shared[1]
        ? ", both inputs read one shared arrangement" : ", both inputs read shared arrangements")
        : shared[0] != null ? ", left input reads a shared arrangement"
        : shared[1] != null ? ", right input reads a shared arrangement" : "";
    return "Join(" + type + ", " + keys + (residual == null ? "" : ", residual=" + residualText)
        + (range == null ? "" : ", range " + range)
        + (bound == null ? "" : ", time bound " + bound) + sides + ")";
  }
}
