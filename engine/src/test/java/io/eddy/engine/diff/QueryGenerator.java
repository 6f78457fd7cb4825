package io.eddy.engine.diff;

import io.eddy.engine.diff.SourceDef.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Random queries both Eddy (Calcite) and DuckDB read with the same meaning: filter/project with
 * arithmetic, CASE, COALESCE and string functions; GROUP BY and global aggregates (COUNT(*), COUNT,
 * COUNT(DISTINCT), SUM, MIN, MAX, AVG over DOUBLE only, FILTER (WHERE)), HAVING; DISTINCT; UNION
 * ALL and UNION; joins and set operations ({@link RelationalQueries}). Avoided on purpose: {@code /} (integer division differs), AVG over exact types
 * (result type differs), MIN/MAX of BOOLEAN, casts of DOUBLE to text. Output columns are named
 * c0, c1, ...
 */
final class QueryGenerator {
  private final Random r;

  QueryGenerator(Random r) {
    this.r = r;
  }

  String query(List<SourceDef> sources) {
    SourceDef s = sources.get(r.nextInt(sources.size()));
    RelationalQueries relational = new RelationalQueries(r, this);
    return switch (r.nextInt(12)) {
      case 0 -> project(s);
      case 1, 2 -> groupBy(s);
      case 3 -> global(s);
      case 4 -> distinct(s);
      case 5 -> union(s, sources);
      case 6 -> relational.setOperation(s, sources);
      case 7 -> relational.topN(s);
      case 8 -> relational.over(s);
      case 9 -> relational.in(s, sources);
      default -> relational.join(s, sources);
    };
  }

  /** A TOP-N (ROW_NUMBER, RANK, DENSE_RANK, LIMIT), OVER aggregate or [NOT] IN query. */
  String windowQuery(List<SourceDef> sources) {
    SourceDef s = sources.get(r.nextInt(sources.size()));
    RelationalQueries relational = new RelationalQueries(r, this);
    return switch (r.nextInt(3)) {
      case 0 -> relational.topN(s);
      case 1 -> relational.over(s);
      default -> relational.in(s, sources);
    };
  }

  private String where(SourceDef s) {
    return r.nextBoolean() ? " WHERE " + predicate(s) : "";
  }

  private String project(SourceDef s) {
    int n = 1 + r.nextInt(3);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(expression(s, pick(s)) + " AS c" + i);
    }
    return "SELECT " + String.join(", ", items) + " FROM " + s.name() + where(s);
  }

  private String groupBy(SourceDef s) {
    ColumnDef key = pick(s);
    List<String> items = new ArrayList<>(List.of(key.name() + " AS c0"));
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      items.add(aggregate(s) + " AS c" + (i + 1));
    }
    String having = r.nextInt(3) == 0 ? " HAVING COUNT(*) > " + r.nextInt(3) : "";
    return "SELECT " + String.join(", ", items) + " FROM " + s.name() + where(s) + " GROUP BY "
        + key.name() + having;
  }

  private String global(SourceDef s) {
    List<String> items = new ArrayList<>(List.of("COUNT(*) AS c0"));
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      items.add(aggregate(s) + " AS c" + (i + 1));
    }
    return "SELECT " + String.join(", ", items) + " FROM " + s.name() + where(s);
  }

  private String distinct(SourceDef s) {
    ColumnDef a = pick(s);
    ColumnDef b = pick(s);
    String cols = a == b ? a.name() + " AS c0" : a.name() + " AS c0, " + b.name() + " AS c1";
    return "SELECT DISTINCT " + cols + " FROM " + s.name() + where(s);
  }

  private String union(SourceDef s, List<SourceDef> sources) {
    ColumnDef a = pick(s);
    SourceDef other = sources.get(r.nextInt(sources.size()));
    Optional<ColumnDef> same = other.columns().stream().filter(c -> c.type() == a.type()).findAny();
    String right = same.isPresent()
        ? "SELECT " + same.get().name() + " AS c0 FROM " + other.name() + where(other)
        : "SELECT " + a.name() + " AS c0 FROM " + s.name() + where(s);
    return "SELECT " + a.name() + " AS c0 FROM " + s.name() + where(s)
        + (r.nextBoolean() ? " UNION ALL " : " UNION ") + right;
  }

  private String aggregate(SourceDef s) {
    ColumnDef c = pick(s);
    String agg = switch (r.nextInt(7)) {
      case 0 -> "COUNT(*)";
      case 1 -> "COUNT(" + c.name() + ")";
      case 2 -> "COUNT(DISTINCT " + c.name() + ")";
      case 3 -> c.type().numeric() ? "SUM(" + c.name() + ")" : "COUNT(" + c.name() + ")";
      case 4 -> c.type().ordered() ? "MIN(" + c.name() + ")" : "COUNT(DISTINCT " + c.name() + ")";
      case 5 -> c.type().ordered() ? "MAX(" + c.name() + ")" : "COUNT(*)";
      default -> c.type() == DiffType.DOUBLE ? "AVG(" + c.name() + ")" : "COUNT(" + c.name() + ")";
    };
    return r.nextInt(5) == 0 ? agg + " FILTER (WHERE " + predicate(s) + ")" : agg;
  }

  /** A scalar expression over column {@code c} with the type of {@code c}. */
  private String expression(SourceDef s, ColumnDef c) {
    DiffType t = c.type();
    String lit = t.literal(t.value(r));
    return switch (r.nextInt(5)) {
      case 0 -> c.name();
      case 1 -> t == DiffType.VARCHAR ? "UPPER(" + c.name() + ")"
          : t.numeric() ? c.name() + " + " + lit : "NOT " + c.name();
      case 2 -> t == DiffType.VARCHAR ? c.name() + " || 'x'" : t.numeric() ? "-" + c.name() : c.name();
      case 3 -> "COALESCE(" + c.name() + ", " + lit + ")";
      default -> "CASE WHEN " + predicate(s) + " THEN " + c.name() + " ELSE " + lit + " END";
    };
  }

  /** A boolean condition over the columns of {@code s}, with NULLs in play. */
  String predicate(SourceDef s) {
    return predicate(s, "");
  }

  /** As {@link #predicate(SourceDef)}, with every column written {@code qualifier + name}. */
  String predicate(SourceDef s, String qualifier) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return "(" + predicate(s, qualifier) + (r.nextBoolean() ? " AND " : " OR ") + predicate(s, qualifier) + ")";
    }
    if (kind == 1) {
      return "NOT (" + predicate(s, qualifier) + ")";
    }
    ColumnDef c = pick(s);
    DiffType t = c.type();
    String name = qualifier + c.name();
    if (kind == 2) {
      return name + (r.nextBoolean() ? " IS NULL" : " IS NOT NULL");
    }
    if (t == DiffType.BOOLEAN) {
      return r.nextBoolean() ? name : "NOT " + name;
    }
    if (t == DiffType.VARCHAR && kind == 3) {
      return name + " LIKE '" + (r.nextBoolean() ? "a%" : "%b") + "'";
    }
    String[] ops = {"=", "<>", "<", "<=", ">", ">="};
    return name + " " + ops[r.nextInt(ops.length)] + " " + t.literal(t.value(r));
  }

  ColumnDef pick(SourceDef s) {
    return s.columns().get(r.nextInt(s.columns().size()));
  }
}
