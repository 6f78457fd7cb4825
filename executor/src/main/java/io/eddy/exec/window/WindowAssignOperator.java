package io.eddy.exec.window;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.LateRowSink;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;

/**
 * The TUMBLE / HOP / CUMULATE table functions: each input row becomes one row per window it
 * belongs to, its columns followed by {@code window_start} and {@code window_end} (TIMESTAMP
 * millis). Rows whose time column is NULL belong to no window.
 *
 * <p>When {@code eventTime} is set (the time column carries the sources' watermark), a row is
 * late for a window whose end is at or before the watermark when the row arrives: it is dropped
 * from that window (and kept in the open ones), counted once in {@link #lateRows()}, and sent to
 * the circuit's {@link LateRowSink} once per missed window.
 * Stateless otherwise. Driven by one thread; {@link #lateRows()} may be read from any.
 */
public final class WindowAssignOperator implements Operator, Checkpointable {
  private final RowType inputType;
  private final RowType outputType;
  private final int timeColumn;
  private final WindowSpec spec;
  private final boolean eventTime;
  private final int arity;
  /** The input columns copied to the output (the others are NULL there: nothing reads them). */
  private int[] copied;
  /** Per output column, whether it is written: the copied ones and the window bounds. */
  private boolean[] written;
  /**
   * The builder of every output batch, made at {@link #open} (after {@link #readOnly}): kept so that
   * the batches share its one all-NULL array per column left out.
   */
  private BatchBuilder builder;
  private long watermark = Long.MIN_VALUE;
  private volatile long late;
  private Emitter out;
  private LateRowSink lateSink = LateRowSink.NONE;

  public WindowAssignOperator(RowType inputType, int timeColumn, WindowSpec spec, boolean eventTime,
      RowType outputType) {
    if (outputType.size() != inputType.size() + 2) {
      throw new IllegalArgumentException("window output needs the input's columns + window_start, window_end");
    }
    this.inputType = inputType;
    this.outputType = outputType;
    this.timeColumn = timeColumn;
    this.spec = spec;
    this.eventTime = eventTime;
    this.arity = inputType.size();
    copy(java.util.stream.IntStream.range(0, arity).toArray());
  }

  @Override
  public void readOnly(java.util.BitSet columns) {
    copy(columns.stream().filter(c -> c < arity).toArray());
  }

  private void copy(int[] columns) {
    copied = columns;
    written = new boolean[arity + 2];
    for (int c : columns) {
      written[c] = true;
    }
    written[arity] = true;
    written[arity + 1] = true;
  }

  @Override
  public void routeLateRows(LateRowSink sink) {
    this.lateSink = sink;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
    builder = new BatchBuilder(outputType, 16, written);
  }

  @Override
  public void onBatch(int port, ZBatch in) {
    // room for every window of every row, up to a bound (the builder grows past it if needed)
    builder.expect((int) Math.max(16, Math.min(1 << 22, (long) in.size() * spec.windowsPerRow())));
    Assigner a = new Assigner(in, builder);
    long dropped = 0;
    for (int r = 0, n = in.size(); r < n; r++) {
      long w = in.weight(r);
      if (w == 0 || in.isNull(timeColumn, r)) {
        continue;
      }
      a.row = r;
      a.weight = w;
      a.late = false;
      a.time = in.getLong(timeColumn, r);
      spec.assign(a.time, a);
      if (a.late) {
        dropped++;
      }
    }
    if (dropped > 0) {
      late += dropped;
    }
    if (a.out.size() > 0) {
      out.emit(a.out.build());
    }
  }

  /** Appends one output row per open window of the current input row. */
  private final class Assigner implements WindowSpec.WindowSink {
    final ZBatch in;
    final BatchBuilder out;
    int row;
    long weight;
    long time;
    boolean late;

    /** Appends to {@code out}, which leaves out the columns not copied (NULL, no arrays). */
    Assigner(ZBatch in, BatchBuilder out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public void window(long start, long end) {
      if (end <= watermark) {
        late = true;
        for (long i = 0; i < weight; i++) {
          lateSink.late(inputType, in, row, time, start, end);
        }
        return;
      }
      for (int c : copied) {
        out.copy(in, c, row, c);
      }
      out.longField(arity, start);
      out.longField(arity + 1, end);
      out.endRow(weight);
    }
  }

  @Override
  public void onWatermark(long wm) {
    if (eventTime) {
      watermark = wm;
    }
  }

  @Override
  public long lateRows() {
    return late;
  }

  @Override
  public int passThrough(int column) {
    return column < arity ? column : -1;
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.ANY;
  }

  @Override
  public String describe() {
    return "WindowAssign(" + spec + ", time=$" + timeColumn + (eventTime ? ", event time" : "") + ")";
  }

  /** The watermark windows are closed by, and the late-row count. */
  @Override
  public void snapshot(StateOutput out) {
    out.writeLong(watermark).writeLong(late);
  }

  @Override
  public void restore(StateInput in) {
    watermark = in.readLong();
    late = in.readLong();
  }
}
