package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/**
 * One parsed statement of Eddy's statement language. Every statement is an immutable record that
 * knows its own source text and where it stood in the script it came from.
 */
public sealed interface Statement
    permits CreateStream, CreateTable, CreateView, CreateStreamAs, Insert, Delete, Update, Drop, Show,
        Describe, Explain, Select, Subscribe, SetOption, Copy {

  /** Where the statement stands in the script (line/column of its first and last character). */
  SourceSpan span();

  /** The whole script the statement came from (for error excerpts). */
  String script();

  /** This statement's own text, without the terminating semicolon. */
  default String text() {
    return SpanText.of(script(), span());
  }
}
