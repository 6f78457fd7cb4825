package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;
import java.util.Optional;

/** {@code DELETE FROM t [WHERE condition]}; the condition is expression text for Calcite. */
public record Delete(Identifier target, Optional<QueryText> condition, SourceSpan span, String script)
    implements Statement {}
