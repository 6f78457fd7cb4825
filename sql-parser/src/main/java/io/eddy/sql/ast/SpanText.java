package io.eddy.sql.ast;

import io.eddy.common.error.SourceSpan;

/** Cuts the text covered by a {@link SourceSpan} out of a script. */
public final class SpanText {
  private SpanText() {}

  public static String of(String script, SourceSpan span) {
    int start = offset(script, span.line(), span.column());
    int end = offset(script, span.endLine(), span.endColumn());
    return script.substring(start, Math.min(script.length(), end + 1));
  }

  /** 0-based character offset of a 1-based line/column. */
  public static int offset(String script, int line, int column) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      int nl = script.indexOf('\n', off);
      if (nl < 0) {
        return script.length();
      }
      off = nl + 1;
    }
    return Math.min(script.length(), off + column - 1);
  }
}
