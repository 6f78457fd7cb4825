package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code DROP STREAM|TABLE|VIEW [IF EXISTS] name}. */
public record Drop(ObjectKind kind, Identifier name, boolean ifExists, SourceSpan span, String script)
    implements Statement {}
