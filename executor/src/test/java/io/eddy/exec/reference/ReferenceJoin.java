package io.eddy.exec.reference;

import io.eddy.exec.batch.Row;
import io.eddy.exec.batch.ZSets;
import io.eddy.exec.operator.JoinType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Nested-loop join of two Z-sets by the SQL definition: a pair matches when every key pair is
 * equal (NULL equals nothing, unless that key is null-safe) and the residual holds; outer sides
 * add their rows without any match, padded with NULLs; SEMI/ANTI keep the left rows with / without
 * a match. Numbers are compared by value whatever their Java type.
 */
public final class ReferenceJoin {
  private ReferenceJoin() {}

  /** The join's condition: keys and residual. */
  public record Condition(int[] leftKeys, int[] rightKeys, boolean[] nullsEqual, BiPredicate<Row, Row> residual) {
    boolean matches(Row l, Row r) {
      for (int i = 0; i < leftKeys.length; i++) {
        Object a = l.get(leftKeys[i]);
        Object b = r.get(rightKeys[i]);
        boolean eq = a == null || b == null ? nullsEqual[i] && a == b : sqlEquals(a, b);
        if (!eq) {
          return false;
        }
      }
      return residual.test(l, r);
    }
  }

  public static Map<Row, Long> join(Map<Row, Long> left, Map<Row, Long> right, int leftArity, int rightArity,
      Condition cond, JoinType type) {
    Map<Row, Long> out = new HashMap<>();
    Map<Row, Boolean> rightMatched = new HashMap<>();
    left.forEach((l, lw) -> {
      boolean any = false;
      for (Map.Entry<Row, Long> re : right.entrySet()) {
        Row r = re.getKey();
        if (cond.matches(l, r)) {
          any = true;
          rightMatched.put(r, true);
          if (type.emitsPairs()) {
            ZSets.addInto(out, concat(l, r), lw * re.getValue());
          }
        }
      }
      if (type == JoinType.SEMI && any || type == JoinType.ANTI && !any) {
        ZSets.addInto(out, l, lw);
      } else if (!any && (type == JoinType.LEFT || type == JoinType.FULL)) {
        ZSets.addInto(out, concat(l, nulls(rightArity)), lw);
      }
    });
    if (type == JoinType.RIGHT || type == JoinType.FULL) {
      right.forEach((r, rw) -> {
        if (!rightMatched.containsKey(r)) {
          ZSets.addInto(out, concat(nulls(leftArity), r), rw);
        }
      });
    }
    return out;
  }

  private static Row nulls(int arity) {
    return new Row(new Object[arity]);
  }

  private static Row concat(Row a, Row b) {
    Object[] v = new Object[a.arity() + b.arity()];
    for (int i = 0; i < a.arity(); i++) {
      v[i] = a.get(i);
    }
    for (int i = 0; i < b.arity(); i++) {
      v[a.arity() + i] = b.get(i);
    }
    return new Row(v);
  }

  private static boolean sqlEquals(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a.equals(b);
  }
}
