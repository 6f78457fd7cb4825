package io.eddy.engine.slt;

import java.util.List;
import java.util.Objects;

/** One record of a sqllogictest file, positioned by the line of its first keyword. Immutable. */
public sealed interface SltRecord permits SltRecord.Statement, SltRecord.Query {

  int line();

  String sql();

  /** {@code statement ok} ({@code expectError} false) or {@code statement error}. */
  record Statement(int line, boolean expectError, String sql) implements SltRecord {
    public Statement {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * {@code query <types> <sort> [label]}: {@code types} has one letter (I, R or T) per column.
   */
  record Query(int line, String types, SortMode sort, String label, String sql, Expected expected)
      implements SltRecord {
    public Query {
      Objects.requireNonNull(types, "types");
      Objects.requireNonNull(sort, "sort");
      Objects.requireNonNull(sql, "sql");
      Objects.requireNonNull(expected, "expected");
    }
  }

  /** How SLT orders the rendered result before comparing it. */
  enum SortMode {
    NOSORT, ROWSORT, VALUESORT
  }

  /** The expected result: either the rendered values, or their count and md5. */
  sealed interface Expected permits Values, Hash {}

  /** Rendered values, one per list element, row-major. */
  record Values(List<String> values) implements Expected {
    public Values {
      values = List.copyOf(values);
    }
  }

  /** {@code N values hashing to <md5>}. */
  record Hash(int count, String md5) implements Expected {}
}
