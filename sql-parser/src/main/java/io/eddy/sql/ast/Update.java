package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code UPDATE t SET col = value, ... [WHERE condition]}; values and condition are expression
 * text for Calcite, each positioned where it stands in the script. {@code statement} is the whole
 * statement's text (Calcite parses and validates it as one {@code SqlUpdate}).
 */
public record Update(Identifier target, List<Assignment> assignments, Optional<QueryText> condition,
    QueryText statement, SourceSpan span, String script) implements Statement {

  public Update {
    assignments = List.copyOf(assignments);
  }

  /** {@code column = value}. */
  public record Assignment(Identifier column, QueryText value) {}
}
