package io.eddy.planner.window;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * What the translator knows about the columns of circuit nodes: which column carries event time
 * (a stream's watermarked column, passed through unchanged) and which hold window bounds. This is
 * how a windowed aggregate learns that a group key is a window bound closed by the watermark.
 * Not thread-safe; one per translation.
 */
public final class ColumnFacts {
  /**
   * A window bound column: the window ends at {@code value + addend} (0 for window_end);
   * {@code eventTime} says the window was assigned on event time, so the watermark closes it.
   */
  public record WindowBound(long addend, boolean eventTime) {}

  private final Map<Integer, Integer> eventTime = new HashMap<>();
  private final Map<Integer, Map<Integer, WindowBound>> bounds = new HashMap<>();

  /** Column {@code column} of {@code node} is a stream's watermarked event-time column. */
  public void eventTime(int node, int column) {
    eventTime.put(node, column);
  }

  /** The event-time column of {@code node}, or -1. */
  public int eventTimeColumn(int node) {
    return eventTime.getOrDefault(node, -1);
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
    int t = eventTimeColumn(in);
    if (t >= 0 && t < arity) {
      eventTime(out, t);
    }
    bounds.getOrDefault(in, Map.of()).forEach((c, b) -> {
      if (c < arity) {
        bound(out, c, b);
      }
    });
  }

  /** Node {@code out} computes {@code program} over {@code in}: facts follow plain column references. */
  public void throughCalc(int in, int out, RexProgram program) {
    for (int j = 0; j < program.getProjectList().size(); j++) {
      RexNode e = program.expandLocalRef(program.getProjectList().get(j));
      if (e instanceof RexInputRef ref) {
        if (ref.getIndex() == eventTimeColumn(in)) {
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
