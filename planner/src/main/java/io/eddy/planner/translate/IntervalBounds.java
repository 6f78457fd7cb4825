package io.eddy.planner.translate;

import io.eddy.exec.operator.TimeBound;
import io.eddy.planner.window.ColumnFacts;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Finds the {@link TimeBound} a join condition implies, if any: a pair of TIMESTAMP columns, one
 * per input, that both carry event time ({@link ColumnFacts#lag} >= 0), related either by an
 * equi-key (a window join: {@code L.window_end = R.window_end}) or by top-level conjuncts
 * {@code l + c1 (<|<=|>=|>|=) r + c2} (c1, c2 day-time interval literals, e.g. {@code r.ts
 * BETWEEN l.ts AND l.ts + INTERVAL '1' HOUR}) that bound {@code r - l}. A pair bounded from both
 * sides is preferred; one bounded from one side only ({@code r.ts >= l.ts}) gives a half-open
 * bound, which frees one input's state ({@link TimeBound#frees}). The condition itself stays the
 * join's residual; the bound only lets the join free state. Stateless.
 */
final class IntervalBounds {
  private IntervalBounds() {}

  /** A column plus a constant offset in millis. */
  private record Term(int column, long offset) {}

  /** The bound found (closed if any pair is bounded both ways), or null when no event-time pair is bounded. */
  static TimeBound of(JoinInfo info, RexNode remaining, int leftArity, int leftNode, int rightNode,
      ColumnFacts facts, List<SqlTypeName> columnTypes) {
    TimeBound best = null;
    for (int i = 0; i < info.leftKeys.size(); i++) {
      int l = info.leftKeys.get(i);
      int r = info.rightKeys.get(i);
      long ll = facts.lag(leftNode, l);
      long rl = facts.lag(rightNode, r);
      boolean timestamps = isTimestamp(columnTypes.get(l)) && isTimestamp(columnTypes.get(leftArity + r));
      // prefer window_end (no lag) to window_start: state is freed sooner
      if (ll >= 0 && rl >= 0 && timestamps && (best == null || ll + rl < best.leftLag() + best.rightLag())) {
        best = new TimeBound(l, r, 0, 0, ll, rl);
      }
    }
    if (best != null) {
      return best;
    }
    Map<Long, long[]> ranges = new LinkedHashMap<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(remaining)) {
      if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
        continue;
      }
      Term a = term(call.getOperands().get(0));
      Term b = term(call.getOperands().get(1));
      if (a == null || b == null || (a.column < leftArity) == (b.column < leftArity)) {
        continue;
      }
      SqlKind kind = call.getKind();
      if (a.column >= leftArity) {
        Term t = a;
        a = b;
        b = t;
        kind = kind.reverse();
      }
      // a = l + c1, b = r + c2: "a op b" bounds d = r - l against c1 - c2
      long c = a.offset - b.offset;
      long key = (long) a.column << 32 | (b.column - leftArity);
      long[] range = ranges.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
      switch (kind) {
        case LESS_THAN -> range[0] = Math.max(range[0], c + 1);
        case LESS_THAN_OR_EQUAL -> range[0] = Math.max(range[0], c);
        case GREATER_THAN -> range[1] = Math.min(range[1], c - 1);
        case GREATER_THAN_OR_EQUAL -> range[1] = Math.min(range[1], c);
        case EQUALS -> {
          range[0] = Math.max(range[0], c);
          range[1] = Math.min(range[1], c);
        }
        default -> { }
      }
    }
    TimeBound half = null;
    for (Map.Entry<Long, long[]> e : ranges.entrySet()) {
      int l = (int) (e.getKey() >>> 32);
      int r = (int) (e.getKey() & 0xffffffffL);
      long[] range = e.getValue();
      long ll = facts.lag(leftNode, l);
      long rl = facts.lag(rightNode, r);
      if (range[0] > range[1] || ll < 0 || rl < 0) {
        continue;
      }
      if (range[0] != Long.MIN_VALUE && range[1] != Long.MAX_VALUE) {
        return new TimeBound(l, r, range[0], range[1], ll, rl);
      }
      if (half == null) {
        half = new TimeBound(l, r, range[0], range[1], ll, rl);
      }
    }
    return half;
  }

  /** {@code $i}, {@code $i + interval} or {@code $i - interval} over a TIMESTAMP column; else null. */
  private static Term term(RexNode n) {
    if (n instanceof RexInputRef ref) {
      return isTimestamp(ref.getType().getSqlTypeName()) ? new Term(ref.getIndex(), 0) : null;
    }
    if (n instanceof RexCall call && call.getOperands().size() == 2
        && (call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS)) {
      Term base = term(call.getOperands().get(0));
      Long millis = intervalMillis(call.getOperands().get(1));
      if (base == null || millis == null) {
        return null;
      }
      return new Term(base.column, base.offset + (call.getKind() == SqlKind.PLUS ? millis : -millis));
    }
    return null;
  }

  private static Long intervalMillis(RexNode n) {
    if (n instanceof RexLiteral lit && lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
      BigDecimal v = lit.getValueAs(BigDecimal.class);
      return v == null ? null : v.longValueExact();
    }
    return null;
  }

  private static boolean isTimestamp(SqlTypeName t) {
    return t == SqlTypeName.TIMESTAMP;
  }
}
