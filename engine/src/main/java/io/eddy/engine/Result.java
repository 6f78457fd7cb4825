package io.eddy.engine;

import io.eddy.common.type.RowType;
import java.util.List;

/** What executing one statement returns. */
public sealed interface Result permits Result.Rows, Result.Status, Subscription {

  /**
   * A finite result: a snapshot SELECT, SHOW, DESCRIBE, EXPLAIN. Values use the Java
   * representation of {@link io.eddy.common.type.TypeKind}.
   */
  record Rows(RowType columns, List<Object[]> rows) implements Result {
    public Rows {
      rows = List.copyOf(rows);
    }
  }

  /** A statement with no rows: DDL, DML ({@code updateCount} rows affected, else -1), SET. */
  record Status(String message, long updateCount) implements Result {}
}
