package io.eddy.planner.translate;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.exec.operator.SortKey;
import io.eddy.exec.operator.over.EventTimeOverOperator;
import io.eddy.exec.operator.over.OverAggregateOperator;
import io.eddy.exec.operator.over.OverCall;
import io.eddy.exec.operator.over.OverFrame;
import io.eddy.planner.TypeMapping;
import io.eddy.planner.window.ColumnFacts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;

/**
 * Translates a {@link Window} of aggregate calls ({@code SUM/COUNT/AVG/MIN/MAX(x) OVER (PARTITION BY
 * ... ORDER BY ... ROWS|RANGE BETWEEN ... PRECEDING AND CURRENT ROW)}) into one operator per window
 * group, chained: each appends its group's columns, so the last one's output is the Window's row
 * type. Over an insert-only input ordered by one event-time column ascending, with a frame ending
 * at the current row, it is an {@link EventTimeOverOperator} (rows emitted once the watermark
 * passes them, insert-only, bounded state; the ORDER BY column stays event time); otherwise the
 * general {@link OverAggregateOperator} (any changelog, every row kept).
 */
final class OverTranslator {
  private final CircuitPlan.Builder b;
  private final ToIntFunction<RelNode> visitor;
  private final BitSet insertOnly;
  private final ColumnFacts facts;

  OverTranslator(CircuitPlan.Builder b, ToIntFunction<RelNode> visitor, BitSet insertOnly, ColumnFacts facts) {
    this.b = b;
    this.visitor = visitor;
    this.insertOnly = insertOnly;
    this.facts = facts;
  }

  int window(Window window) {
    int node = visitor.applyAsInt(window.getInput());
    int inputCount = window.getInput().getRowType().getFieldCount();
    List<Column> all = TypeMapping.toEddyRow(window.getRowType()).columns();
    int width = inputCount;
    for (Window.Group group : window.groups) {
      OverFrame frame = frame(window, group, inputCount);
      List<SortKey> order = TopNTranslator.sortKeys(group.orderKeys);
      if (!frame.rows() && !frame.unboundedPreceding() && order.size() != 1) {
        throw new EddyException(ErrorCode.VALIDATION, "a RANGE frame with an offset needs exactly one ORDER BY key");
      }
      List<OverCall> calls = new ArrayList<>();
      for (Window.RexWinAggCall call : group.aggCalls) {
        calls.add(call(call, all.get(width + calls.size()), inputCount));
      }
      width += calls.size();
      RowType out = new RowType(all.subList(0, width));
      int[] partition = group.keys.toArray();
      int input = node;
      if (eventTimeOrdered(input, order, frame)) {
        RowType in = b.typeOf(input);
        int time = order.get(0).column();
        node = b.add(ctx -> new EventTimeOverOperator(in, out, partition, time, frame, calls), out, input);
        insertOnly.set(node);
        facts.eventTime(node, time);
      } else {
        node = b.add(ctx -> new OverAggregateOperator(out, partition, order, frame, calls), out, input);
      }
    }
    return node;
  }

  /** Whether the group can be computed on event time: insert-only input, ORDER BY its event time ascending. */
  private boolean eventTimeOrdered(int input, List<SortKey> order, OverFrame frame) {
    return insertOnly.get(input) && order.size() == 1 && !order.get(0).descending() && !frame.toEnd()
        && facts.lag(input, order.get(0).column()) == 0;
  }

  private static OverCall call(Window.RexWinAggCall call, Column result, int inputCount) {
    if (call.distinct) {
      throw unsupported("DISTINCT in an OVER aggregate");
    }
    OverCall.Kind kind = switch (call.getOperator().getKind()) {
      case COUNT -> OverCall.Kind.COUNT;
      case SUM -> OverCall.Kind.SUM;
      case SUM0 -> OverCall.Kind.SUM0;
      case AVG -> OverCall.Kind.AVG;
      case MIN -> OverCall.Kind.MIN;
      case MAX -> OverCall.Kind.MAX;
      default -> throw unsupported(call.getOperator().getName() + " OVER (...)");
    };
    int arg = -1;
    if (call.getOperands().size() > 1) {
      throw unsupported(call.getOperator().getName() + " with several arguments OVER (...)");
    } else if (call.getOperands().size() == 1) {
      if (!(call.getOperands().get(0) instanceof RexInputRef ref) || ref.getIndex() >= inputCount) {
        throw unsupported("an OVER aggregate of a constant");
      }
      arg = ref.getIndex();
    }
    return new OverCall(kind, arg, result.type().kind());
  }

  private static OverFrame frame(Window window, Window.Group group, int inputCount) {
    RexWindowBound upper = group.upperBound;
    boolean toEnd;
    if (upper.isCurrentRow()) {
      toEnd = false;
    } else if (upper.isUnbounded() && upper.isFollowing()) {
      toEnd = true;
    } else {
      throw unsupported("an OVER frame that ends after the current row (other than UNBOUNDED FOLLOWING)");
    }
    RexWindowBound lower = group.lowerBound;
    long preceding;
    if (lower.isUnbounded() && lower.isPreceding()) {
      preceding = OverFrame.UNBOUNDED;
    } else if (lower.isCurrentRow()) {
      preceding = 0;
    } else if (lower.isPreceding()) {
      preceding = offset(window, lower.getOffset(), inputCount);
    } else {
      throw unsupported("an OVER frame that starts after the current row");
    }
    return new OverFrame(group.isRows, preceding, toEnd);
  }

  /** A frame offset: rows, a number, or an interval's milliseconds. */
  private static long offset(Window window, RexNode offset, int inputCount) {
    RexNode n = offset;
    if (n instanceof RexInputRef ref && ref.getIndex() >= inputCount) {
      n = window.constants.get(ref.getIndex() - inputCount);
    }
    if (n instanceof RexLiteral lit) {
      java.math.BigDecimal v = lit.getValueAs(java.math.BigDecimal.class);
      if (v != null && v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0) {
        return v.longValueExact();
      }
    }
    throw unsupported("an OVER frame offset that is not a non-negative whole constant: " + offset);
  }

  private static EddyException unsupported(String what) {
    return new EddyException(ErrorCode.UNSUPPORTED, what + " is not supported yet");
  }
}
