package io.eddy.exec.operator;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.exec.circuit.Operator;
import io.eddy.exec.circuit.StateSize;
import io.eddy.exec.operator.agg.Accumulator;
import io.eddy.exec.operator.agg.AggCall;
import io.eddy.exec.operator.agg.AggFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Driven by one thread; {@link #stateSize()} may be read from any thread.
 */
public final class AggregateOperator implements Operator {
  /** Bytes assumed per group beyond its accumulators: map entry, group, key row. */
  private static final long GROUP_BYTES = 120;
  private static final long ACCUMULATOR_BYTES = 32;
  private static final long ENTRY_BYTES = 64;

  private final RowType outputType;
  private final int[] groupKeys;
  private final AggFunction[] functions;
  private final int[] args;
  private final int[] filters;
  private final Map<Row, Group> groups = new HashMap<>();
  private final List<Group> touched = new ArrayList<>();
  private final Group global;
  private volatile StateSize size = StateSize.NONE;
  private Emitter out;

  public AggregateOperator(RowType inputType, int[] groupKeys, List<AggCall> calls, RowType outputType) {
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
      functions[i] = AggFunction.of(call, inputType);
      args[i] = call.arg();
      filters[i] = call.filterArg();
    }
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
      Group g = global != null ? global : group(Row.project(b, r, groupKeys));
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

  private Group group(Row key) {
    Group g = groups.get(key);
    if (g == null) {
      g = newGroup(key);
      groups.put(key, g);
    }
    return g;
  }

  private Group newGroup(Row key) {
    Accumulator[] accs = new Accumulator[functions.length];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = functions[i].newAccumulator();
    }
    return new Group(key, accs);
  }

  /** Emits the output change of every touched group and frees the groups that emptied. */
  private void emitChanges() {
    BatchBuilder b = new BatchBuilder(outputType, touched.size() * 2);
    long bytes = size.bytes();
    for (Group g : touched) {
      g.touched = false;
      Object[] now = g.count > 0 || g == global ? output(g) : null;
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
        groups.remove(g.key);
      }
    }
    touched.clear();
    size = new StateSize(groups.size() + (global == null ? 0 : 1), bytes);
    if (b.size() > 0) {
      out.emit(b.build());
    }
  }

  private Object[] output(Group g) {
    Object[] row = new Object[groupKeys.length + functions.length];
    for (int k = 0; k < groupKeys.length; k++) {
      row[k] = g.key.get(k);
    }
    for (int i = 0; i < functions.length; i++) {
      row[groupKeys.length + i] = functions[i].result(g.accs[i]);
    }
    return row;
  }

  private static long estimateBytes(Group g) {
    long bytes = GROUP_BYTES + 16L * g.key.arity();
    for (Accumulator a : g.accs) {
      bytes += ACCUMULATOR_BYTES + ENTRY_BYTES * a.entries();
    }
    return bytes;
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
    return sb.append(')').toString();
  }

  /** One group's state: its key, row count, accumulators and the output row last emitted. */
  private static final class Group {
    final Row key;
    final Accumulator[] accs;
    long count;
    Object[] emitted;
    boolean touched;
    long bytes;

    Group(Row key, Accumulator[] accs) {
      this.key = key;
      this.accs = accs;
    }
  }
}
