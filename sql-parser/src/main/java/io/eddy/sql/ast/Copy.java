package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code COPY s FROM 'path' [WITH (format = 'json' | 'csv', ...)]}. */
public record Copy(Identifier target, String path, Options options, SourceSpan span, String script)
    implements Statement {}
