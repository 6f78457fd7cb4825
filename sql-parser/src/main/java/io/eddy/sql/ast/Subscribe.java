package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Optional;

/** {@code SUBSCRIBE [TO] view} or {@code SUBSCRIBE (<query>)}: exactly one is present. */
public record Subscribe(Optional<Identifier> view, Optional<QueryText> query, SourceSpan span,
    String script) implements Statement {
  public Subscribe {
    if (view.isPresent() == query.isPresent()) {
      throw new IllegalArgumentException("SUBSCRIBE needs exactly one of a view name and a query");
    }
  }
}
