package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** {@code SET key = value}; key lower-cased, value as written without quotes. */
public record SetOption(String key, String value, SourceSpan span, String script) implements Statement {}
