package io.eddy.engine.diff;

import io.eddy.engine.diff.SourceDef.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a {@link Workload} from a seed: one to three sources (at least one stream; tables with
 * a small key domain so that upserts happen), insert steps with NULLs and duplicates, deletes on
 * tables, and queries from {@link QueryGenerator}. The same seed always gives the same workload.
 */
final class WorkloadGenerator {
  private static final DiffType[] KEY_TYPES = {DiffType.INT, DiffType.BIGINT, DiffType.VARCHAR};

  private WorkloadGenerator() {}

  static Workload generate(long seed, int queryCount) {
    return generate(seed, queryCount, false);
  }

  /** With {@code windowFunctions}, every query is a TOP-N, OVER aggregate or [NOT] IN sub-query. */
  static Workload generate(long seed, int queryCount, boolean windowFunctions) {
    return generate(seed, queryCount, windowFunctions ? Kind.WINDOW_FUNCTIONS : Kind.MIXED);
  }

  /** The queries of a workload. */
  enum Kind {
    /** Every kind {@link QueryGenerator#query} makes. */
    MIXED,
    /** TOP-N, OVER aggregates and [NOT] IN sub-queries. */
    WINDOW_FUNCTIONS,
    /** Self-joins ({@link RelationalQueries#selfJoin}); two or three sources, every one after the first a table. */
    SELF_JOINS
  }

  static Workload generate(long seed, int queryCount, Kind kind) {
    Random r = new Random(seed);
    List<SourceDef> sources = new ArrayList<>();
    int n = kind == Kind.SELF_JOINS ? 2 + r.nextInt(2) : 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      sources.add(source(r, "s" + i, i > 0 && (kind == Kind.SELF_JOINS || r.nextBoolean())));
    }
    List<Op> ops = new ArrayList<>();
    int steps = 6 + r.nextInt(8);
    for (int i = 0; i < steps; i++) {
      SourceDef s = sources.get(r.nextInt(sources.size()));
      if (s.table() && i > 0 && r.nextInt(3) == 0) {
        ops.add(new Op.Delete(s, new QueryGenerator(r).predicate(s)));
      } else {
        ops.add(new Op.Insert(s, rows(r, s, 1 + r.nextInt(20))));
      }
    }
    QueryGenerator queries = new QueryGenerator(r);
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < queryCount; i++) {
      qs.add(switch (kind) {
        case MIXED -> queries.query(sources);
        case WINDOW_FUNCTIONS -> queries.windowQuery(sources);
        case SELF_JOINS -> new RelationalQueries(r, queries).selfJoin(sources.get(r.nextInt(sources.size())));
      });
    }
    return new Workload(seed, sources, ops, qs);
  }

  private static SourceDef source(Random r, String name, boolean table) {
    List<ColumnDef> cols = new ArrayList<>();
    if (table) {
      cols.add(new ColumnDef("k", KEY_TYPES[r.nextInt(KEY_TYPES.length)]));
    }
    int n = 2 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      cols.add(new ColumnDef("x" + i, DiffType.values()[r.nextInt(DiffType.values().length)]));
    }
    return new SourceDef(name, table, cols);
  }

  private static List<Object[]> rows(Random r, SourceDef s, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object[] row = new Object[s.columns().size()];
      for (int c = 0; c < row.length; c++) {
        DiffType t = s.columns().get(c).type();
        boolean key = s.table() && c == 0;
        row[c] = !key && r.nextInt(7) == 0 ? null : key ? keyValue(r, t) : t.value(r);
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object keyValue(Random r, DiffType t) {
    int k = r.nextInt(25);
    return switch (t) {
      case BIGINT -> (long) k;
      case VARCHAR -> "k" + k;
      default -> k;
    };
  }
}
