package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.List;

/**
 * {@code INSERT INTO s [(cols)] VALUES (...), ...} or {@code INSERT INTO s [(cols)] <query>}.
 * {@code source} is the VALUES or query text, which Calcite parses (so {@code ?} parameters work).
 * {@code columns} is empty when the statement names none.
 */
public record Insert(Identifier target, List<Identifier> columns, QueryText source, SourceSpan span,
    String script) implements Statement {
  public Insert {
    columns = List.copyOf(columns);
  }
}
