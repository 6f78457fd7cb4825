package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.SourceSpan;

/**
 * Where a piece of SQL text stands in the file it came from, so a position in the text (1-based
 * line and column, as {@link io.eddy.common.error.EddyException} spans give them) maps back to
 * the file. Three shapes: a whole {@code .sql} file (identity), a YAML block scalar ({@code |} or
 * {@code >}: text line 1 is file line {@code line}, every text column shifted by {@code indent}),
 * and a one-line scalar (text column 1 at file {@code line}:{@code column}). Text that YAML or JSON
 * folded or unescaped cannot be mapped line by line; {@link #map} then returns null.
 *
 * @param source the file
 * @param line file line of the text's first line
 * @param column file column of the text's first character (block scalars: indent + 1)
 * @param block true when every text line is a file line (files and block scalars)
 */
public record TextOrigin(ConfigSource source, int line, int column, boolean block) {

  static TextOrigin wholeFile(ConfigSource source) {
    return new TextOrigin(source, 1, 1, true);
  }

  /** The file span of {@code span} of the text, or null if it cannot be placed exactly. */
  SourceSpan map(SourceSpan span) {
    if (block) {
      int shift = column - 1;
      return new SourceSpan(line + span.line() - 1, span.column() + shift,
          line + span.endLine() - 1, span.endColumn() + shift);
    }
    if (span.line() == 1 && span.endLine() == 1) {
      return new SourceSpan(line, column + span.column() - 1, line, column + span.endColumn() - 1);
    }
    return null;
  }

  /**
   * {@code error}, raised by SQL {@code script} read from here, placed in the file: at the error's
   * own position when it has one in {@code script}, else at {@code fallback}; {@code number} is
   * the statement's position in the config.
   */
  EddyException locate(EddyException error, String script, SourceSpan fallback, int number) {
    SourceSpan span = error.span() != null && script.equals(error.sourceText()) ? error.span()
        : fallback;
    SourceSpan inFile = map(span);
    String context = "statement " + number;
    if (inFile == null) {
      inFile = map(SourceSpan.at(1, 1));
      context += ", line " + span.line() + ", column " + span.column() + " of its text";
    }
    return source.relocate(error, inFile, context);
  }
}
