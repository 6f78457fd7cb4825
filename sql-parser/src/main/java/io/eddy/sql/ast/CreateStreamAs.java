package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code CREATE STREAM s [WITH (...)] AS <query>}: a standing query writing to the log. */
public record CreateStreamAs(Identifier name, Options options, QueryText query, boolean ifNotExists,
    SourceSpan span, String script) implements Statement {}
