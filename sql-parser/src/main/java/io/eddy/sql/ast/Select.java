package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** A snapshot query ({@code SELECT ...}, {@code VALUES ...}, {@code WITH ...}). */
public record Select(QueryText query, SourceSpan span, String script) implements Statement {}
