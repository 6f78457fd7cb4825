package io.eddy.exec.reference;

import io.eddy.common.type.SqlType;
import io.eddy.exec.batch.Row;
import io.eddy.exec.operator.agg.AggCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Batch GROUP BY over a whole multiset of rows, written as plainly as possible: expand the rows
 * by their weights, group, collect each call's argument list and fold it. No incremental state,
 * so it is the oracle the incremental {@code AggregateOperator} is checked against.
 */
public final class ReferenceAggregate {
  private ReferenceAggregate() {}

  /** Marks a result that does not fit its integer type: the group has no row. */
  private static final Object OVERFLOW = new Object();

  /**
   * The output multiset (each row weight 1; a group whose integer SUM does not fit its type has
   * none, as the operator withholds it) of {@code SELECT keys, calls FROM input GROUP BY keys}. */
  public static Map<Row, Long> groupBy(Map<Row, Long> input, int[] keys, List<AggCall> calls) {
    Map<List<Object>, List<Row>> groups = new HashMap<>();
    if (keys.length == 0) {
      groups.put(List.of(), new ArrayList<>());
    }
    input.forEach((row, weight) -> {
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight in batch input: " + row + " x" + weight);
      }
      List<Object> key = new ArrayList<>();
      for (int k : keys) {
        key.add(row.get(k));
      }
      List<Row> members = groups.computeIfAbsent(key, x -> new ArrayList<>());
      for (long i = 0; i < weight; i++) {
        members.add(row);
      }
    });
    Map<Row, Long> out = new HashMap<>();
    groups.forEach((key, rows) -> {
      List<Object> result = new ArrayList<>(key);
      for (AggCall call : calls) {
        result.add(evaluate(call, rows));
      }
      if (!result.contains(OVERFLOW)) {
        out.put(new Row(result.toArray()), 1L);
      }
    });
    return out;
  }

  private static Object evaluate(AggCall call, List<Row> rows) {
    List<Object> args = new ArrayList<>();
    for (Row row : rows) {
      boolean passes = call.filterArg() < 0 || Boolean.TRUE.equals(row.get(call.filterArg()));
      if (passes && call.arg() < 0) {
        args.add("*");
      } else if (passes && row.get(call.arg()) != null) {
        args.add(row.get(call.arg()));
      }
    }
    if (call.distinct()) {
      args = new ArrayList<>(new LinkedHashSet<>(args));
    }
    Comparator<Object> natural = (a, b) -> compare(a, b);
    Object result = switch (call.kind()) {
      case COUNT -> (long) args.size();
      case SUM -> args.isEmpty() ? null : sum(args);
      case SUM0 -> sum(args);
      case MIN, ANY_VALUE -> args.isEmpty() ? null : Collections.min(args, natural);
      case MAX -> args.isEmpty() ? null : Collections.max(args, natural);
      case BOOL_AND -> args.isEmpty() ? null : !args.contains(false);
      case BOOL_OR -> args.isEmpty() ? null : args.contains(true);
    };
    return as(call.outType(), result);
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  private static BigDecimal sum(List<Object> args) {
    BigDecimal s = BigDecimal.ZERO;
    for (Object a : args) {
      s = s.add(a instanceof Double d ? new BigDecimal(d) : new BigDecimal(a.toString()));
    }
    return s;
  }

  private static boolean fits(BigDecimal d, long min, long max) {
    return d.compareTo(BigDecimal.valueOf(min)) >= 0 && d.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  /** The value in {@code t}'s Java representation, or {@link #OVERFLOW} for an integer out of its range. */
  private static Object as(SqlType t, Object v) {
    if (!(v instanceof Number n)) {
      return v;
    }
    BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    return switch (t.kind()) {
      case BIGINT, TIMESTAMP -> fits(d, Long.MIN_VALUE, Long.MAX_VALUE) ? d.longValue() : OVERFLOW;
      case INT, DATE -> fits(d, Integer.MIN_VALUE, Integer.MAX_VALUE) ? d.intValue() : OVERFLOW;
      case DOUBLE -> d.doubleValue();
      case DECIMAL -> d.setScale(t.scale(), RoundingMode.HALF_UP);
      default -> throw new IllegalArgumentException("number for " + t);
    };
  }
}
