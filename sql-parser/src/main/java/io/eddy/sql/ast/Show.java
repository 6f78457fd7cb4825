package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code SHOW STREAMS | TABLES | VIEWS | QUERIES}. */
public record Show(What what, SourceSpan span, String script) implements Statement {
  public enum What {
    STREAMS,
    TABLES,
    VIEWS,
    QUERIES
  }
}
