package io.eddy.planner.window;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * What the translator knows about the columns of circuit nodes: which columns carry event time
 * (a stream's watermarked column, passed through unchanged, or a time column of a time-bounded
 * join's output: every row the node still emits at watermark W has it at or above W, apart from
 * late rows) and which hold window bounds (kept through calcs, window TVFs and as group keys of
 * aggregates). This is how a windowed aggregate learns that a group key is a window bound closed
 * by the watermark, and how a join learns that it can free state by time.
 * Not thread-safe; one per translation.
 */
public final class ColumnFacts {
  /**
   * A window bound column: the window ends at {@code value + addend} (0 for window_end);
   * {@code eventTime} says the window was assigned on event time, so the watermark closes it.
   */
  public record WindowBound(long addend, boolean eventTime) {}

  private final Map<Integer, Set<Integer>> eventTime = new HashMap<>();
  private final Map<Integer, Map<Integer, WindowBound>> bounds = new HashMap<>();

  /** Column {@code column} of {@code node} carries event time. */
  public void eventTime(int node, int column) {
    eventTime.computeIfAbsent(node, n -> new HashSet<>()).add(column);
  }

  /** Whether column {@code column} of {@code node} carries event time. */
  public boolean isEventTime(int node, int column) {
    return eventTime.getOrDefault(node, Set.of()).contains(column);
  }

  /**
   * How far behind the watermark W column {@code column} of {@code node} can be in rows the node
   * still emits (they have it {@code >= W - lag}): 0 for event time, the window length for an
   * event-time window start; -1 when the watermark says nothing about the column.
   */
  public long lag(int node, int column) {
    if (isEventTime(node, column)) {
      return 0;
    }
    WindowBound b = bound(node, column);
    return b != null && b.eventTime() ? b.addend() : -1;
  }

  public void bound(int node, int column, WindowBound bound) {
    bounds.computeIfAbsent(node, n -> new HashMap<>()).put(column, bound);
  }

  /** The window bound held by {@code column} of {@code node}, or null. */
  public WindowBound bound(int node, int column) {
    Map<Integer, WindowBound> m = bounds.get(node);
    return m == null ? null : m.get(column);
  }

  /** Node {@code out} has the first {@code arity} columns of {@code in} unchanged. */
  public void prefix(int in, int out, int arity) {
    for (int t : eventTime.getOrDefault(in, Set.of())) {
      if (t < arity) {
        eventTime(out, t);
      }
    }
    bounds.getOrDefault(in, Map.of()).forEach((c, b) -> {
      if (c < arity) {
        bound(out, c, b);
      }
    });
  }

  /**
   * Node {@code out} aggregates {@code in} grouped by {@code keys} (output column k is key k):
   * event-time window bounds stay bounds, since rows of a window arrive only while it is open.
   */
  public void throughGroupKeys(int in, int out, int[] keys) {
    for (int k = 0; k < keys.length; k++) {
      WindowBound b = bound(in, keys[k]);
      if (b != null && b.eventTime()) {
        bound(out, k, b);
      }
    }
  }

  /** Node {@code out} computes {@code program} over {@code in}: facts follow plain column references. */
  public void throughCalc(int in, int out, RexProgram program) {
    for (int j = 0; j < program.getProjectList().size(); j++) {
      RexNode e = program.expandLocalRef(program.getProjectList().get(j));
      if (e instanceof RexInputRef ref) {
        if (isEventTime(in, ref.getIndex())) {
          eventTime(out, j);
        }
        WindowBound b = bound(in, ref.getIndex());
        if (b != null) {
          bound(out, j, b);
        }
      }
    }
  }
}
