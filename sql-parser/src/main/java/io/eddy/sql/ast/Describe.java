package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code DESCRIBE name}. */
public record Describe(Identifier name, SourceSpan span, String script) implements Statement {}
