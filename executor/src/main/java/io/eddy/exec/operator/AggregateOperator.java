package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.Accumulator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggFunction;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.window.WindowClose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * GROUP BY with retractions. The output row of a group is its key columns (in {@code groupKeys}
 * order) followed by one column per {@link AggCall}, with weight 1 while the group holds rows
 * (weights summing to more than 0). With no calls this is DISTINCT.
 *
 * <p>Each input batch is applied to the groups it touches; then, per touched group, the change of
 * its output row is emitted: (old, -1) and (new, +1) when it changed, only (old, -1) when the
 * group emptied (its state is freed), only (new, +1) for a new group, nothing when unchanged. So
 * rows within a batch may come in any order; the input as a whole must never retract more than
 * it inserted. A global aggregate (no keys) always has exactly one row, emitted by {@link #open}
 * with the empty-input values (COUNT 0, SUM NULL, SUM0 0, MIN NULL ...), as in SQL.
 *
 * <p>Integer SUM is kept exactly; while a group's sum does not fit the output type (BIGINT) its
 * row cannot be computed: it is withheld (its previous row retracted, nothing emitted; also for the
 * global row) and each such update counts one runtime error ({@link #rowErrors()}). The state keeps
 * every row, so the row reappears with the exact value once retractions bring the sum back.
 *
 * <p>Driven by one thread; {@link #stateSize()} and {@link #rowErrors()} may be read from any thread.
 */
public final class AggregateOperator implements Operator, Checkpointable {
  /** Bytes assumed per group beyond its accumulators: map entry, group, key row. */
  private static final long GROUP_BYTES = 120;
  private static final long ACCUMULATOR_BYTES = 32;
  private static final long ENTRY_BYTES = 64;
  /** Leads the checkpointed state; format 2 added the error count and 128-bit integer sums. */
  private static final int STATE_FORMAT = 0x41470002;

  private final RowType outputType;
  private final int[] groupKeys;
  private final AggFunction[] functions;
  private final int[] args;
  private final int[] filters;
  private final GroupIndex groups;
  private final List<AggregateGroup> touched = new ArrayList<>();
  private final AggregateGroup global;
  /** Null unless this aggregate groups by a window bound and frees groups as windows close. */
  private final WindowClose closing;
  /** Groups by the watermark at which their window closes. */
  private final TreeMap<Long, List<AggregateGroup>> closeQueue = new TreeMap<>();
  private volatile StateSize size = StateSize.NONE;
  /** Groups whose row could not be computed (integer SUM overflow): withheld, counted here. */
  private final RowErrors errors = new RowErrors(null);
  private Emitter out;

  public AggregateOperator(RowType inputType, int[] groupKeys, List<AggCall> calls, RowType outputType) {
    this(inputType, groupKeys, calls, outputType, false);
  }

  /**
   * As the four-argument constructor; {@code insertOnly} says the planner proved the input never
   * retracts, which lets MIN/MAX keep O(1) state per group.
   */
  public AggregateOperator(RowType inputType, int[] groupKeys, List<AggCall> calls, RowType outputType,
      boolean insertOnly) {
    this(inputType, groupKeys, calls, outputType, insertOnly, null);
  }

  /**
   * A windowed aggregate: as the five-argument constructor, and when the watermark passes a
   * group's window (see {@link WindowClose}) the group is final: its state is freed, and with
   * {@link WindowClose#emitOnClose()} its row is emitted only then. Input rows for closed windows
   * must have been dropped upstream (the window operator does so with the same watermark).
   */
  public AggregateOperator(RowType inputType, int[] groupKeys, List<AggCall> calls, RowType outputType,
      boolean insertOnly, WindowClose closing) {
    if (closing != null && (closing.keyPosition() < 0 || closing.keyPosition() >= groupKeys.length)) {
      throw new IllegalArgumentException("window key position " + closing.keyPosition() + " is not a group key");
    }
    this.closing = closing;
    this.outputType = outputType;
    this.groupKeys = groupKeys.clone();
    this.functions = new AggFunction[calls.size()];
    this.args = new int[calls.size()];
    this.filters = new int[calls.size()];
    if (outputType.size() != groupKeys.length + calls.size()) {
      throw new IllegalArgumentException("output has " + outputType.size() + " columns, expected "
          + groupKeys.length + " keys + " + calls.size() + " calls");
    }
    for (int k = 0; k < groupKeys.length; k++) {
      TypeKind in = inputType.type(groupKeys[k]).kind();
      if (in != outputType.type(k).kind()) {
        throw new IllegalArgumentException("key $" + groupKeys[k] + " is " + in + " but output column " + k
            + " is " + outputType.type(k).kind());
      }
    }
    for (int i = 0; i < functions.length; i++) {
      AggCall call = calls.get(i);
      if (call.outType().kind() != outputType.type(groupKeys.length + i).kind()) {
        throw new IllegalArgumentException(call + " yields " + call.outType() + " but output column "
            + (groupKeys.length + i) + " is " + outputType.type(groupKeys.length + i));
      }
      functions[i] = AggFunction.of(call, inputType, insertOnly);
      args[i] = call.arg();
      filters[i] = call.filterArg();
    }
    this.groups = new GroupIndex(inputType, this.groupKeys, this::newGroup);
    this.global = groupKeys.length == 0 ? newGroup(Row.of()) : null;
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
    if (global != null) {
      touched.add(global);
      emitChanges();
    }
  }

  @Override
  public void onBatch(int port, ZBatch b) {
    long[] weights = b.weights();
    for (int r = 0, n = b.size(); r < n; r++) {
      long w = weights[r];
      if (w == 0) {
        continue;
      }
      AggregateGroup g = global != null ? global : groups.find(b, r);
      if (!g.touched) {
        g.touched = true;
        touched.add(g);
      }
      g.count += w;
      for (int i = 0; i < g.accs.length; i++) {
        int f = filters[i];
        if (f < 0 || !b.isNull(f, r) && b.getBoolean(f, r)) {
          g.accs[i].add(b, args[i], r, w);
        }
      }
    }
    emitChanges();
  }

  private AggregateGroup newGroup(Row key) {
    Accumulator[] accs = new Accumulator[functions.length];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = functions[i].newAccumulator();
    }
    AggregateGroup g = new AggregateGroup(key, accs);
    if (closing != null && key.get(closing.keyPosition()) != null) {
      long closeAt = ((Number) key.get(closing.keyPosition())).longValue() + closing.addend();
      closeQueue.computeIfAbsent(closeAt, t -> new ArrayList<>()).add(g);
    }
    return g;
  }

  /** Emits (EMIT ON WINDOW CLOSE) and frees the groups whose windows the watermark closed. */
  @Override
  public void onWatermark(long watermark) {
    if (closing == null) {
      return;
    }
    BatchBuilder b = new BatchBuilder(outputType, 16);
    long bytes = size.bytes();
    while (!closeQueue.isEmpty() && closeQueue.firstKey() <= watermark) {
      for (AggregateGroup g : closeQueue.pollFirstEntry().getValue()) {
        if (g.removed) {
          continue;
        }
        Object[] row = closing.emitOnClose() && g.count > 0 ? output(g) : null;
        if (row != null) {
          b.addRow(row, 1);
        }
        bytes -= g.bytes;
        g.bytes = 0;
        g.removed = true;
        groups.remove(g);
      }
    }
    size = new StateSize(groups.size(), bytes);
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  @Override
  public String stateBound() {
    if (closing != null) {
      return "bounded by the watermark: a group is freed when its window (key " + closing.keyPosition()
          + ") closes";
    }
    return groupKeys.length == 0 ? "bounded: one group"
        : "unbounded: grows with the distinct keys " + Arrays.toString(groupKeys);
  }

  /** Emits the output change of every touched group and frees the groups that emptied. */
  private void emitChanges() {
    BatchBuilder b = new BatchBuilder(outputType, touched.size() * 2);
    long bytes = size.bytes();
    for (AggregateGroup g : touched) {
      g.touched = false;
      Object[] now = g.count > 0 && !deferred() || g == global ? output(g) : null;
      if (!Arrays.equals(now, g.emitted)) {
        if (g.emitted != null) {
          b.addRow(g.emitted, -1);
        }
        if (now != null) {
          b.addRow(now, 1);
        }
        g.emitted = now;
      }
      long before = g.bytes;
      g.bytes = g.count == 0 && g != global ? 0 : estimateBytes(g);
      bytes += g.bytes - before;
      if (g.bytes == 0) {
        g.removed = true;
        groups.remove(g);
      }
    }
    touched.clear();
    size = new StateSize(groups.size() + (global == null ? 0 : 1), bytes);
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  /** Whether rows wait for their window to close (EMIT ON WINDOW CLOSE). */
  private boolean deferred() {
    return closing != null && closing.emitOnClose();
  }

  /** The group's output row, or null (an error is counted) when a result overflows its type. */
  private Object[] output(AggregateGroup g) {
    Object[] row = new Object[groupKeys.length + functions.length];
    for (int k = 0; k < groupKeys.length; k++) {
      row[k] = g.key.get(k);
    }
    return AggFunction.results(functions, g.accs, row, groupKeys.length, errors) ? row : null;
  }

  @Override
  public RowErrors rowErrors() {
    return errors;
  }

  private static long estimateBytes(AggregateGroup g) {
    long bytes = GROUP_BYTES + 16L * g.key.arity();
    for (Accumulator a : g.accs) {
      bytes += ACCUMULATOR_BYTES + ENTRY_BYTES * a.entries();
    }
    return bytes;
  }

  /**
   * Every live group (the global one first, if any): key, weight, the row last emitted and each
   * accumulator's state. Groups whose window closed were freed and are not written.
   */
  @Override
  public void snapshot(StateOutput out) {
    out.writeInt(STATE_FORMAT).writeLong(errors.count());
    List<AggregateGroup> all = groups.all();
    out.writeBoolean(global != null);
    if (global != null) {
      write(global, out);
    }
    out.writeInt(all.size());
    for (AggregateGroup g : all) {
      out.writeRow(g.key);
      write(g, out);
    }
  }

  private static void write(AggregateGroup g, StateOutput out) {
    out.writeLong(g.count).writeValues(g.emitted);
    for (Accumulator a : g.accs) {
      a.snapshot(out);
    }
  }

  @Override
  public void restore(StateInput in) {
    if (in.readInt() != STATE_FORMAT) {
      throw new IllegalStateException("checkpoint of an aggregate in an older state format");
    }
    errors.restoreCount(in.readLong());
    if (in.readBoolean() != (global != null)) {
      throw new IllegalStateException("checkpoint of a different aggregate (global vs grouped)");
    }
    long bytes = 0;
    if (global != null) {
      read(global, in);
      global.bytes = estimateBytes(global);
      bytes += global.bytes;
    }
    for (int i = in.readCount(); i > 0; i--) {
      AggregateGroup g = groups.find(in.readRow());
      read(g, in);
      g.bytes = estimateBytes(g);
      bytes += g.bytes;
    }
    size = new StateSize(groups.size() + (global == null ? 0 : 1), bytes);
  }

  private static void read(AggregateGroup g, StateInput in) {
    g.count = in.readLong();
    g.emitted = in.readValues();
    for (Accumulator a : g.accs) {
      a.restore(in);
    }
  }

  /** Groups (the global group counts as one) and an estimate of their bytes. */
  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Aggregate(keys=").append(Arrays.toString(groupKeys));
    for (AggFunction f : functions) {
      sb.append(", ").append(f.call());
    }
    if (closing != null) {
      sb.append(closing.emitOnClose() ? ", emit on close of window key " : ", frees closed windows of key ")
          .append(closing.keyPosition());
    }
    return sb.append(')').toString();
  }
}
