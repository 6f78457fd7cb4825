package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Optional;

/**
 * {@code EXPLAIN [PLAN | STATE] <query>} or {@code EXPLAIN [PLAN | STATE] name}: exactly one of
 * {@code view} and {@code query} is present.
 */
public record Explain(Kind kind, Optional<Identifier> view, Optional<QueryText> query, SourceSpan span,
    String script) implements Statement {
  public enum Kind {
    PLAN,
    STATE
  }

  public Explain {
    if (view.isPresent() == query.isPresent()) {
      throw new IllegalArgumentException("EXPLAIN needs exactly one of a view name and a query");
    }
  }
}
