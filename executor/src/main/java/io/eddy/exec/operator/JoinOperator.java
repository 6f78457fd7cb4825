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
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * <p>Driven by one thread; {@link #stateSize()}, {@link #rowErrors()} and {@link #lateRows()} may
 * be read from any thread.
 */
public final class JoinOperator implements Operator, Checkpointable {
  private static final long BYTES_PER_ENTRY = 96;

  private final RowType leftType;
  private final RowType rightType;
  private final JoinKeys keys;
  private final JoinType type;
  private final BatchCalc residual;
  private final String residualText;
  private final RowType outputType;
  private final RowType pairType;
  private final JoinIndex[] index = {new JoinIndex(), new JoinIndex()};
  private final List<List<JoinIndex.Entry>> touched = List.of(new ArrayList<>(), new ArrayList<>());
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
    this.leftType = leftType;
    this.rightType = rightType;
    this.keys = keys;
    this.type = type;
    this.residual = residual;
    this.residualText = residualText;
    this.outputType = outputType;
    this.pairType = pairType(leftType, rightType);
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

  @Override
  public void open(Emitter out) {
    this.out = out;
  }

  @Override
  public void onBatch(int port, ZBatch batch) {
    Map<Row, Long> delta = ZSets.consolidate(batch);
    int n = delta.size();
    Row[] rows = new Row[n];
    Row[] rowKeys = new Row[n];
    long[] times = bound == null ? null : new long[n];
    long[] weights = new long[n];
    int i = 0;
    for (Map.Entry<Row, Long> d : delta.entrySet()) {
      Row row = d.getKey();
      Row key = keys.of(row, port);
      if (bound != null) {
        Long t = bound.timeOf(row, port);
        if (t != null && t < bound.horizon(port, watermark)) {
          late += Math.abs(d.getValue());
          continue;
        }
        key = t == null ? null : key;
        times[i] = t == null ? 0 : t;
      }
      rows[i] = row;
      rowKeys[i] = key;
      weights[i++] = d.getValue();
    }
    n = i;
    BatchBuilder output = new BatchBuilder(outputType, n * 2);
    long[] matched = probe(port, rows, rowKeys, weights, output);
    boolean tracks = type.tracksMatches(port);
    for (i = 0; i < n; i++) {
      if (rowKeys[i] == null) {
        if (tracks && type.keepsRow(false)) {
          unmatched(output, port, rows[i], weights[i]);
        }
      } else {
        JoinIndex.Entry e = index[port].add(rowKeys[i], rows[i], weights[i], matched[i]);
        if (expiry != null && !e.timed && e.weight != 0) {
          expiry.added(port, times[i], e);
        }
        if (tracks) {
          touch(port, e);
        }
      }
    }
    reconcile(0, output);
    reconcile(1, output);
    updateSize();
    if (output.size() > 0) {
      out.emit(output.build());
    }
  }

  private void updateSize() {
    long entries = index[0].entries() + index[1].entries();
    size = new StateSize(entries, entries * (BYTES_PER_ENTRY + 16L * (leftType.size() + rightType.size()) / 2));
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
  public long outputWatermark(long wm) {
    return bound == null ? wm : bound.outputWatermark(wm);
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public String stateBound() {
    return bound == null ? "unbounded: grows with both inputs"
        : "bounded by the watermark: a row is freed once no later row can match it (" + bound + ")";
  }

  /**
   * Joins the delta rows from {@code port} with the other side's index: emits the matching pairs,
   * updates the other side's match counts, and returns per delta row the multiplicity of its matches.
   */
  private long[] probe(int port, Row[] rows, Row[] rowKeys, long[] weights, BatchBuilder output) {
    int other = 1 - port;
    BatchBuilder pairs = new BatchBuilder(pairType, rows.length);
    List<JoinIndex.Entry> pairEntry = new ArrayList<>();
    List<Integer> pairRow = new ArrayList<>();
    int width = leftType.size() + rightType.size();
    for (int i = 0; i < rows.length; i++) {
      if (rowKeys[i] == null) {
        continue;
      }
      for (JoinIndex.Entry e : index[other].bucket(rowKeys[i])) {
        Row l = port == 0 ? rows[i] : e.row;
        Row r = port == 0 ? e.row : rows[i];
        for (int c = 0; c < l.arity(); c++) {
          pairs.set(c, l.get(c));
        }
        for (int c = 0; c < r.arity(); c++) {
          pairs.set(l.arity() + c, r.get(c));
        }
        pairs.longField(width, pairEntry.size());
        pairs.endRow(weights[i] * e.weight);
        pairEntry.add(e);
        pairRow.add(i);
      }
    }
    ZBatch candidates = pairs.build();
    ZBatch passing = residual == null || candidates.size() == 0 ? null : residual.apply(candidates);
    if (passing != null) {
      errors.record(residual.errors(), residual.lastError());
    }
    long[] matched = new long[rows.length];
    boolean otherTracks = type.tracksMatches(other);
    int count = passing == null ? candidates.size() : passing.size();
    for (int k = 0; k < count; k++) {
      int p = passing == null ? k : (int) passing.getLong(0, k);
      JoinIndex.Entry e = pairEntry.get(p);
      int i = pairRow.get(p);
      if (type.emitsPairs()) {
        for (int c = 0; c < width; c++) {
          output.copy(candidates, c, p, c);
        }
        output.endRow(candidates.weight(p));
      }
      matched[i] += e.weight;
      if (otherTracks) {
        e.matches += weights[i];
        touch(other, e);
      }
    }
    return matched;
  }

  private void touch(int port, JoinIndex.Entry e) {
    if (!e.touched) {
      e.touched = true;
      touched.get(port).add(e);
    }
  }

  /** Brings the unmatched output of every touched row of side {@code port} up to date. */
  private void reconcile(int port, BatchBuilder output) {
    List<JoinIndex.Entry> list = touched.get(port);
    for (JoinIndex.Entry e : list) {
      e.touched = false;
      long wanted = type.keepsRow(e.matches > 0) ? e.weight : 0;
      if (wanted != e.emitted) {
        unmatched(output, port, e.row, wanted - e.emitted);
        e.emitted = wanted;
      }
    }
    list.clear();
  }

  /** Emits a row of side {@code port} without a partner: alone (SEMI/ANTI) or padded with NULLs. */
  private void unmatched(BatchBuilder output, int port, Row row, long w) {
    int offset = type.emitsPairs() && port == 1 ? leftType.size() : 0;
    for (int c = 0; c < outputType.size(); c++) {
      int from = c - offset;
      output.set(c, from >= 0 && from < row.arity() ? row.get(from) : null);
    }
    output.endRow(w);
  }

  /** Both indexes (with the outer sides' match counts and padded output) and the error count. */
  @Override
  public void snapshot(StateOutput out) {
    index[0].snapshot(out);
    index[1].snapshot(out);
    out.writeLong(errors.count());
  }

  /** A time-bounded join's expiry state is not saved yet: such a query recomputes on restart. */
  @Override
  public boolean canCheckpoint() {
    return bound == null;
  }

  @Override
  public void restore(StateInput in) {
    index[0].restore(in);
    index[1].restore(in);
    errors.restoreCount(in.readLong());
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
    return "Join(" + type + ", " + keys + (residual == null ? "" : ", residual=" + residualText)
        + (bound == null ? "" : ", time bound " + bound) + ")";
  }
}
