package io.eddy.sql.ast;

import java.util.Objects;

/**
 * The text of a query (or of an expression) inside a statement, with the 1-based line and column
 * at which it starts in the original script. The planner parses it with Calcite
 * ({@code io.eddy.sql.CalciteParsing}) and reports positions relative to the script.
 */
public record QueryText(String sql, int line, int column) {
  public QueryText {
    Objects.requireNonNull(sql, "sql");
  }
}
