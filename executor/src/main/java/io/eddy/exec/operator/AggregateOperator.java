package io.eddy.exec.operator;

import io.eddy.exec.circuit.Partitioning;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.RowSlab;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Checkpointable;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.RowErrors;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.Accumulator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggFunction;
import io.eddy.exec.operator.agg.AggKind;
import io.eddy.exec.state.DueQueue;
import io.eddy.exec.state.IntList;
import io.eddy.exec.state.StateInput;
import io.eddy.exec.state.StateOutput;
import io.eddy.exec.window.WindowClose;
import java.util.Arrays;
import java.util.List;

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
  /** Bytes assumed per group beyond its accumulators and key: its slots in the map and the arrays. */
  private static final long GROUP_BYTES = 48;
  private static final long ACCUMULATOR_BYTES = 32;
  private static final long ENTRY_BYTES = 64;
  /** Leads the checkpointed state; format 2 added the error count and 128-bit integer sums. */
  private static final int STATE_FORMAT = 0x41470002;
  /** Group flags: on the touched list; holds rows (found by key); has an emitted row; on the close queue. */
  private static final byte TOUCHED = 1;
  private static final byte LIVE = 2;
  private static final byte EMITTED = 4;
  private static final byte QUEUED = 8;

  private final RowType outputType;
  private final int[] groupKeys;
  private final AggFunction[] functions;
  private final int[] args;
  private final int[] filters;
  /** Per call, whether it is a plain BIGINT COUNT(*), whose result is the group's weight (no accumulator). */
  private final boolean[] countsRows;
  /** Group ids by key; null for a global aggregate, whose one group is id 0. */
  private final GroupIndex groups;
  private final IntList touched = new IntList();
  /** Null unless this aggregate groups by a window bound and frees groups as windows close. */
  private final WindowClose closing;
  /** Group ids by the watermark at which their window closes; closed ones are freed a slice at a time. */
  private final DueQueue closeQueue = new DueQueue();
  // Per group id: the sum of its rows' weights, its accumulators (one per call, null for a
  // COUNT(*)), the bytes last accounted for it, flags, and the results last emitted (the key part
  // of an output row is the group's key, which never changes).
  private long[] count = new long[0];
  private Accumulator[] accs = new Accumulator[0];
  private long[] bytes = new long[0];
  private byte[] flags = new byte[0];
  private final RowSlab emitted;
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
    this.countsRows = new boolean[calls.size()];
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
      countsRows[i] = call.kind() == AggKind.COUNT && call.arg() < 0 && call.filterArg() < 0 && !call.distinct()
          && call.outType().kind() == TypeKind.BIGINT;
    }
    this.emitted = new RowSlab(new RowType(outputType.columns().subList(groupKeys.length, outputType.size())), 1);
    this.groups = groupKeys.length == 0 ? null : new GroupIndex(inputType, this.groupKeys);
    if (groups == null) {
      newGroup(0);
    }
  }

  @Override
  public void open(Emitter out) {
    this.out = out;
    if (groups == null) {
      touch(0);
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
      int g = 0;
      if (groups != null) {
        g = groups.find(b, r);
        if (groups.created()) {
          newGroup(g);
        }
      }
      touch(g);
      count[g] += w;
      for (int i = 0, base = g * functions.length; i < functions.length; i++) {
        int f = filters[i];
        Accumulator a = accs[base + i];
        if (a != null && (f < 0 || !b.isNull(f, r) && b.getBoolean(f, r))) {
          a.add(b, args[i], r, w);
        }
      }
    }
    emitChanges();
  }

  private void touch(int g) {
    if ((flags[g] & TOUCHED) == 0) {
      flags[g] |= TOUCHED;
      touched.add(g);
    }
  }

  /** Sets up the state of new group {@code g}, and queues it to close with its window. */
  private void newGroup(int g) {
    int capacity = groups == null ? 1 : groups.capacity();
    if (count.length < capacity) {
      count = Arrays.copyOf(count, capacity);
      bytes = Arrays.copyOf(bytes, capacity);
      flags = Arrays.copyOf(flags, capacity);
      accs = Arrays.copyOf(accs, capacity * functions.length);
      emitted.ensureCapacity(capacity);
    }
    count[g] = 0;
    bytes[g] = 0;
    flags[g] = LIVE;
    for (int i = 0; i < functions.length; i++) {
      accs[g * functions.length + i] = countsRows[i] ? null : functions[i].newAccumulator();
    }
    Object end = closing == null ? null : groups.key(g, closing.keyPosition());
    if (end != null) {
      closeQueue.add(((Number) end).longValue() + closing.addend(), g);
      flags[g] |= QUEUED;
    }
  }

  /**
   * Forgets group {@code g} (emptied, or its window closed); its id is reused once it is off the
   * close queue too.
   */
  private void remove(int g) {
    groups.unmap(g);
    emitted.clear(g);
    Arrays.fill(accs, g * functions.length, (g + 1) * functions.length, null);
    flags[g] = (byte) (flags[g] & QUEUED);
    if (flags[g] == 0) {
      groups.free(g);
    }
  }

  /**
   * Emits (EMIT ON WINDOW CLOSE) the groups whose windows the watermark closed, and frees closed
   * groups paced by event time: on each watermark as many as {@link DueQueue#dueBy} says, so a
   * window's groups are freed evenly until the next window closes (they take no more input), plus
   * whatever the query frees while its input is idle ({@link #freeReleased}). So a window's close
   * does not hold up the rows behind it, however far behind the query is.
   */
  @Override
  public void onWatermark(long watermark) {
    if (closing == null) {
      return;
    }
    BatchBuilder b = new BatchBuilder(outputType, 16);
    closeQueue.advanceThrough(watermark, closing.emitOnClose() ? g -> emitClosed(b, g) : null);
    freeReleased((int) Math.min(Integer.MAX_VALUE, closeQueue.dueBy(watermark)));
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  private void emitClosed(BatchBuilder b, int g) {
    if ((flags[g] & LIVE) != 0 && count[g] > 0) {
      Object[] results = results(g);
      if (results != null) {
        emitRow(b, g, results, 1);
      }
    }
  }

  /** Frees up to {@code budget} groups whose windows closed; returns whether more wait. */
  @Override
  public boolean freeReleased(int budget) {
    if (budget == 0 || closeQueue.backlog() == 0) {
      return closeQueue.backlog() > 0;
    }
    long held = size.bytes();
    long[] freed = {0};
    closeQueue.drain(budget, g -> {
      flags[g] &= ~QUEUED;
      if ((flags[g] & LIVE) == 0) {
        groups.free(g); // emptied before its window closed
        return;
      }
      freed[0] += bytes[g];
      bytes[g] = 0;
      remove(g);
    });
    size = new StateSize(groups.size(), held - freed[0]);
    return closeQueue.backlog() > 0;
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
    long held = size.bytes();
    for (int k = 0; k < touched.size(); k++) {
      int g = touched.get(k);
      flags[g] &= ~TOUCHED;
      Object[] now = count[g] > 0 && !deferred() || groups == null ? results(g) : null;
      boolean had = (flags[g] & EMITTED) != 0;
      if (now == null ? had : !had || !emitted.rowEquals(g, now)) {
        if (had) {
          emitRow(b, g, null, -1);
        }
        if (now != null) {
          emitRow(b, g, now, 1);
          emitted.set(g, now);
          flags[g] |= EMITTED;
        } else {
          flags[g] &= ~EMITTED;
        }
      }
      long before = bytes[g];
      bytes[g] = count[g] == 0 && groups != null ? 0 : estimateBytes(g);
      held += bytes[g] - before;
      if (bytes[g] == 0) {
        remove(g);
      }
    }
    touched.clear();
    size = new StateSize(groups == null ? 1 : groups.size(), held);
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  /** Whether rows wait for their window to close (EMIT ON WINDOW CLOSE). */
  private boolean deferred() {
    return closing != null && closing.emitOnClose();
  }

  /** The group's results, one per call, or null (an error is counted) when one overflows its type. */
  private Object[] results(int g) {
    Object[] results = new Object[functions.length];
    for (int i = 0; i < functions.length; i++) {
      Accumulator a = accs[g * functions.length + i];
      if (a == null) {
        results[i] = count[g];
      } else if (!AggFunction.result(functions[i], a, results, i, errors)) {
        return null;
      }
    }
    return results;
  }

  /** Adds group {@code g}'s output row with weight {@code w}: its key, then {@code results} (null: those last emitted). */
  private void emitRow(BatchBuilder b, int g, Object[] results, long w) {
    if (groups != null) {
      groups.copyKey(g, b);
    }
    if (results == null) {
      emitted.copyTo(g, b, groupKeys.length);
    } else {
      for (int i = 0; i < results.length; i++) {
        b.set(groupKeys.length + i, results[i]);
      }
    }
    b.endRow(w);
  }

  /** Group {@code g}'s last emitted output row (key, then results), as a checkpoint holds it; null if none. */
  private Object[] emittedRow(int g) {
    if ((flags[g] & EMITTED) == 0) {
      return null;
    }
    Object[] row = new Object[groupKeys.length + functions.length];
    for (int k = 0; k < groupKeys.length; k++) {
      row[k] = groups.key(g, k);
    }
    for (int i = 0; i < functions.length; i++) {
      row[groupKeys.length + i] = emitted.get(g, i);
    }
    return row;
  }

  @Override
  public RowErrors rowErrors() {
    return errors;
  }

  private long estimateBytes(int g) {
    long b = GROUP_BYTES + 16L * (groupKeys.length + functions.length);
    for (int i = 0; i < functions.length; i++) {
      Accumulator a = accs[g * functions.length + i];
      b += a == null ? 0 : ACCUMULATOR_BYTES + ENTRY_BYTES * a.entries();
    }
    return b;
  }

  /**
   * Every live group (the global one first, if any): key, weight, the row last emitted and each
   * accumulator's state. Groups whose window closed were freed and are not written.
   */
  @Override
  public void snapshot(StateOutput out) {
    freeReleased(Integer.MAX_VALUE); // closed groups are not state to keep
    out.writeInt(STATE_FORMAT).writeLong(errors.count());
    out.writeBoolean(groups == null);
    if (groups == null) {
      write(0, out);
      out.writeInt(0);
      return;
    }
    IntList all = new IntList();
    groups.forEach(all::add);
    out.writeInt(all.size());
    for (int k = 0; k < all.size(); k++) {
      out.writeRow(groups.key(all.get(k)));
      write(all.get(k), out);
    }
  }

  /** A group's weight, the row last emitted and each call's state (a COUNT(*)'s is the weight). */
  private void write(int g, StateOutput out) {
    out.writeLong(count[g]).writeValues(emittedRow(g));
    for (int i = 0; i < functions.length; i++) {
      Accumulator a = accs[g * functions.length + i];
      if (a == null) {
        out.writeLong(count[g]);
      } else {
        a.snapshot(out);
      }
    }
  }

  @Override
  public void restore(StateInput in) {
    if (in.readInt() != STATE_FORMAT) {
      throw new IllegalStateException("checkpoint of an aggregate in an older state format");
    }
    errors.restoreCount(in.readLong());
    if (in.readBoolean() != (groups == null)) {
      throw new IllegalStateException("checkpoint of a different aggregate (global vs grouped)");
    }
    long held = 0;
    if (groups == null) {
      read(0, in);
      held += bytes[0] = estimateBytes(0);
    }
    for (int i = in.readCount(); i > 0; i--) {
      int g = groups.find(in.readRow());
      if (groups.created()) {
        newGroup(g);
      }
      read(g, in);
      held += bytes[g] = estimateBytes(g);
    }
    size = new StateSize(groups == null ? 1 : groups.size(), held);
  }

  private void read(int g, StateInput in) {
    count[g] = in.readLong();
    Object[] row = in.readValues();
    if (row != null) {
      emitted.set(g, Arrays.copyOfRange(row, groupKeys.length, row.length));
      flags[g] |= EMITTED;
    } else {
      emitted.clear(g);
      flags[g] &= ~EMITTED;
    }
    for (int i = 0; i < functions.length; i++) {
      Accumulator a = accs[g * functions.length + i];
      if (a == null) {
        in.readLong();
      } else {
        a.restore(in);
      }
    }
  }

  /** Groups (the global group counts as one) and an estimate of their bytes. */
  @Override
  public StateSize stateSize() {
    return size;
  }

  @Override
  public Partitioning partitioning(int port) {
    return Partitioning.keyed(groupKeys);
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
