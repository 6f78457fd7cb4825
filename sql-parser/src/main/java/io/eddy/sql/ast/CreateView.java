package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Optional;

/**
 * {@code CREATE VIEW [IF NOT EXISTS] v AS <query> [EMIT CHANGES | EMIT ON WINDOW CLOSE [LATE INTO s]]}.
 * {@code lateInto} names the stream that receives the rows the view's window operators drop as late.
 */
public record CreateView(Identifier name, QueryText query, EmitPolicy emit, Optional<Identifier> lateInto,
    boolean ifNotExists, SourceSpan span, String script) implements Statement {}
