package io.eddy.engine.diff;

import io.eddy.engine.diff.SourceDef.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random queries over several relations that Eddy and DuckDB read alike: INNER/LEFT/RIGHT/FULL
 * joins on a pair of same-typed columns (self-joins included), sometimes with a residual condition
 * or an aggregate on top; INTERSECT/EXCEPT [ALL] of same-typed columns; TOP-N ({@link #topN});
 * OVER aggregates ({@link #over}); [NOT] IN sub-queries ({@link #in}). Output columns are c0, c1...
 */
final class RelationalQueries {
  private static final String[] JOINS = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"};

  private final Random r;
  private final QueryGenerator scalar;

  RelationalQueries(Random r, QueryGenerator scalar) {
    this.r = r;
    this.scalar = scalar;
  }

  String join(SourceDef s, List<SourceDef> sources) {
    SourceDef other = sources.get(r.nextInt(sources.size()));
    ColumnDef lk = scalar.pick(s);
    Optional<ColumnDef> rk = sameType(other, lk);
    if (rk.isEmpty()) {
      other = s;
      rk = Optional.of(lk);
    }
    String on = "a." + lk.name() + " = b." + rk.get().name();
    if (r.nextInt(3) == 0) {
      on += " AND " + (r.nextBoolean() ? scalar.predicate(s, "a.") : scalar.predicate(other, "b."));
    }
    String from = " FROM " + s.name() + " a " + JOINS[r.nextInt(JOINS.length)] + " " + other.name() + " b ON " + on;
    if (r.nextInt(4) == 0) {
      return "SELECT a." + lk.name() + " AS c0, COUNT(*) AS c1, COUNT(b." + rk.get().name() + ") AS c2" + from
          + " GROUP BY a." + lk.name();
    }
    List<String> items = new ArrayList<>();
    items.add("a." + scalar.pick(s).name() + " AS c0");
    items.add("b." + scalar.pick(other).name() + " AS c1");
    if (r.nextBoolean()) {
      items.add("b." + rk.get().name() + " AS c2");
    }
    String where = r.nextInt(4) == 0 ? " WHERE " + scalar.predicate(s, "a.") : "";
    return "SELECT " + String.join(", ", items) + from + where;
  }

  /**
   * A query joining {@code s} with itself, so that joins share one arrangement: a self-join of any
   * type on one column (sometimes with a residual, an aggregate on top, or with both inputs the same
   * filtered sub-query), or a three-way self-join on one column (three inputs reading one index).
   */
  String selfJoin(SourceDef s) {
    ColumnDef k = scalar.pick(s);
    String join = JOINS[r.nextInt(JOINS.length)];
    switch (r.nextInt(5)) {
      case 0 -> {
        return "SELECT a." + scalar.pick(s).name() + " AS c0, b." + scalar.pick(s).name() + " AS c1, c."
            + scalar.pick(s).name() + " AS c2 FROM " + s.name() + " a JOIN " + s.name() + " b ON a." + k.name()
            + " = b." + k.name() + " " + join + " " + s.name() + " c ON b." + k.name() + " = c." + k.name();
      }
      case 1 -> {
        return "SELECT a." + k.name() + " AS c0, COUNT(*) AS c1, COUNT(b." + k.name() + ") AS c2 FROM " + s.name()
            + " a " + join + " " + s.name() + " b ON a." + k.name() + " = b." + k.name() + " GROUP BY a." + k.name();
      }
      case 2 -> {
        String sub = "(SELECT * FROM " + s.name() + where(s) + ")";
        return "SELECT a." + scalar.pick(s).name() + " AS c0, b." + scalar.pick(s).name() + " AS c1 FROM " + sub
            + " a " + join + " " + sub + " b ON a." + k.name() + " = b." + k.name();
      }
      default -> {
        String on = "a." + k.name() + " = b." + k.name();
        if (r.nextInt(3) == 0) {
          on += " AND " + (r.nextBoolean() ? scalar.predicate(s, "a.") : scalar.predicate(s, "b."));
        }
        return "SELECT a." + scalar.pick(s).name() + " AS c0, b." + scalar.pick(s).name() + " AS c1 FROM "
            + s.name() + " a " + join + " " + s.name() + " b ON " + on;
      }
    }
  }

  String setOperation(SourceDef s, List<SourceDef> sources) {
    ColumnDef a = scalar.pick(s);
    SourceDef other = sources.get(r.nextInt(sources.size()));
    Optional<ColumnDef> b = sameType(other, a);
    if (b.isEmpty()) {
      other = s;
      b = Optional.of(a);
    }
    String op = (r.nextBoolean() ? " INTERSECT" : " EXCEPT") + (r.nextBoolean() ? " ALL " : " ");
    return "SELECT " + a.name() + " AS c0 FROM " + s.name() + where(s) + op
        + "SELECT " + b.get().name() + " AS c0 FROM " + other.name() + where(other);
  }

  /**
   * ROW_NUMBER per partition filtered by rn <= N, or ORDER BY ... LIMIT N: the order is every
   * column of the source with explicit NULL placement, so only identical rows tie, and they give
   * the same output rows whichever comes first. Or RANK / DENSE_RANK by one or two of those keys
   * filtered by <= N (ties are kept, so the result is deterministic).
   */
  String topN(SourceDef s) {
    List<String> items = new ArrayList<>();
    List<String> order = new ArrayList<>();
    everyColumn(s, items, order);
    int n = 1 + r.nextInt(3);
    if (r.nextInt(3) == 0) {
      return "SELECT " + String.join(", ", items) + " FROM " + s.name() + where(s) + " ORDER BY "
          + String.join(", ", order) + " LIMIT " + n;
    }
    int kind = r.nextInt(3);
    List<String> keys = kind == 0 ? order : order.subList(0, Math.min(order.size(), 1 + r.nextInt(2)));
    String rn = (kind == 0 ? "ROW_NUMBER()" : kind == 1 ? "RANK()" : "DENSE_RANK()") + " OVER (PARTITION BY "
        + scalar.pick(s).name() + " ORDER BY " + String.join(", ", keys) + ") AS rn";
    return "SELECT * FROM (SELECT " + String.join(", ", items) + ", " + rn + " FROM " + s.name() + where(s)
        + ") t WHERE rn " + (n == 1 && r.nextBoolean() ? "= 1" : "<= " + n);
  }

  /**
   * An OVER aggregate per partition: a ROWS frame of n preceding rows, the default frame (RANGE
   * UNBOUNDED PRECEDING), or a RANGE frame of n preceding values of one INT/BIGINT key. ROWS and
   * the default frame order by every column, so only identical rows tie. No SUM/AVG over DOUBLE
   * (rounding depends on the summation order).
   */
  String over(SourceDef s) {
    List<String> items = new ArrayList<>();
    List<String> order = new ArrayList<>();
    everyColumn(s, items, order);
    ColumnDef arg = scalar.pick(s);
    String agg = switch (r.nextInt(4)) {
      case 0 -> "COUNT(*)";
      case 1 -> "COUNT(" + arg.name() + ")";
      case 2 -> arg.type().numeric() && arg.type() != DiffType.DOUBLE ? "SUM(" + arg.name() + ")"
          : "COUNT(" + arg.name() + ")";
      default -> arg.type().ordered() ? (r.nextBoolean() ? "MIN(" : "MAX(") + arg.name() + ")" : "COUNT(*)";
    };
    String window = "PARTITION BY " + scalar.pick(s).name() + " ORDER BY ";
    Optional<ColumnDef> integral = s.columns().stream()
        .filter(c -> c.type() == DiffType.INT || c.type() == DiffType.BIGINT).findFirst();
    int frame = r.nextInt(3);
    if (frame == 2 && integral.isPresent()) {
      window += integral.get().name() + (r.nextBoolean() ? " DESC" : "") + " RANGE BETWEEN " + r.nextInt(4)
          + " PRECEDING AND CURRENT ROW";
    } else {
      window += String.join(", ", order) + (frame == 0 ? " ROWS BETWEEN " + r.nextInt(3)
          + " PRECEDING AND CURRENT ROW" : "");
    }
    return "SELECT " + String.join(", ", items) + ", " + agg + " OVER (" + window + ") AS c" + items.size()
        + " FROM " + s.name() + where(s);
  }

  /** {@code x [NOT] IN (SELECT y FROM other [WHERE ...])}, NULLs in play on both sides. */
  String in(SourceDef s, List<SourceDef> sources) {
    ColumnDef a = scalar.pick(s);
    SourceDef other = sources.get(r.nextInt(sources.size()));
    Optional<ColumnDef> b = sameType(other, a);
    if (b.isEmpty()) {
      other = s;
      b = Optional.of(a);
    }
    return "SELECT " + scalar.pick(s).name() + " AS c0, " + a.name() + " AS c1 FROM " + s.name() + " WHERE "
        + a.name() + (r.nextInt(3) == 0 ? " IN" : " NOT IN") + " (SELECT " + b.get().name() + " FROM "
        + other.name() + where(other) + ")";
  }

  /** Adds each column as {@code name AS c<i>} to {@code items} and, in random order and directions, to {@code order}. */
  private void everyColumn(SourceDef s, List<String> items, List<String> order) {
    for (int i = 0; i < s.columns().size(); i++) {
      String name = s.columns().get(i).name();
      items.add(name + " AS c" + i);
      order.add(name + (r.nextBoolean() ? " DESC" : "") + (r.nextBoolean() ? " NULLS FIRST" : " NULLS LAST"));
    }
    java.util.Collections.shuffle(order, r);
  }

  private String where(SourceDef s) {
    return r.nextBoolean() ? " WHERE " + scalar.predicate(s) : "";
  }

  private Optional<ColumnDef> sameType(SourceDef s, ColumnDef like) {
    List<ColumnDef> same = s.columns().stream().filter(c -> c.type() == like.type()).toList();
    return same.isEmpty() ? Optional.empty() : Optional.of(same.get(r.nextInt(same.size())));
  }
}
