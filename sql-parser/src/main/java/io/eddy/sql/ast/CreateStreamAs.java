package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Optional;

/**
 * {@code CREATE STREAM s [WITH (...)] AS <query> [EMIT CHANGES | EMIT ON WINDOW CLOSE [LATE INTO l]]}:
 * a standing query writing to the log. {@code lateInto} names the stream that receives the rows
 * the query's window operators drop as late.
 */
public record CreateStreamAs(Identifier name, Options options, QueryText query, EmitPolicy emit,
    Optional<Identifier> lateInto, boolean ifNotExists, SourceSpan span, String script) implements Statement {}
