package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code CREATE VIEW [IF NOT EXISTS] v AS <query> [EMIT CHANGES | EMIT ON WINDOW CLOSE]}. */
public record CreateView(Identifier name, QueryText query, EmitPolicy emit, boolean ifNotExists,
    SourceSpan span, String script) implements Statement {}
