package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;

/**
 * A file a configuration was read from (the config file or a {@code .sql} file it names), kept
 * whole so errors can quote the offending line.
 *
 * @param name the file as the user wrote it (shown in messages)
 * @param text the file's contents
 */
public record ConfigSource(String name, String text) {

  /** A {@code CONFIG} error at {@code line}:{@code column} of this file, quoting that line. */
  public EddyException error(int line, int column, String reason, String hint) {
    return new EddyException(ErrorCode.CONFIG, reason + " in " + name,
        SourceSpan.at(Math.max(1, line), Math.max(1, column)), text, hint, null);
  }

  /** {@code error} re-located to {@code span} of this file, keeping its code and hint. */
  public EddyException relocate(EddyException error, SourceSpan span, String context) {
    return new EddyException(error.code(), error.reason() + " (" + context + ") in " + name, span,
        text, error.hint(), error.getCause());
  }
}
