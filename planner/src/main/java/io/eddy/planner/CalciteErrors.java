package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.sql.Suggestions;
import io.eddy.sql.ast.QueryText;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * Turns Calcite's validation errors into {@link EddyException}s positioned in the user's script,
 * with Calcite's wording tidied and a did-you-mean hint for unknown names.
 */
final class CalciteErrors {
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']+)' not found in (.*)");
  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']+)' not found.*");

  private CalciteErrors() {}

  static EddyException of(CalciteContextException e, QueryText q, String script, Collection<String> names) {
    String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
        : e.getMessage();
    SourceSpan span = null;
    if (e.getPosLine() > 0) {
      span = new SourceSpan(
          line(q, e.getPosLine()), column(q, e.getPosLine(), e.getPosColumn()),
          line(q, e.getEndPosLine()), column(q, e.getEndPosLine(), e.getEndPosColumn()));
    }
    ErrorCode code = ErrorCode.VALIDATION;
    String hint = null;
    Matcher m = COLUMN_NOT_FOUND.matcher(msg);
    Matcher o = OBJECT_NOT_FOUND.matcher(msg);
    if (m.matches()) {
      code = ErrorCode.NOT_FOUND;
      String where = m.group(2).startsWith("table '") ? " in " + m.group(2).replace("table '", "'") : "";
      String suggestion = didYouMean(m.group(1), names);
      msg = "column '" + m.group(1) + "' not found" + where + (suggestion == null ? "" : " (" + suggestion + ")");
    } else if (o.matches()) {
      code = ErrorCode.NOT_FOUND;
      String suggestion = didYouMean(o.group(1), names);
      msg = "stream, table or view '" + o.group(1) + "' not found" + (suggestion == null ? "" : " (" + suggestion + ")");
    } else if (msg.contains("does not allow NULLs")) {
      code = ErrorCode.DATA;
    } else if (msg.startsWith("No match found for function signature")) {
      code = ErrorCode.NOT_FOUND;
      msg = "no function " + msg.substring("No match found for function signature ".length());
    }
    return new EddyException(code, msg, span, script, hint, null);
  }

  private static int line(QueryText q, int l) {
    return q.line() + l - 1;
  }

  private static int column(QueryText q, int l, int c) {
    return l == 1 ? q.column() + c - 1 : c;
  }

  /** "did you mean 'x'?" for the closest plausible name, else null. */
  static String didYouMean(String wrong, Collection<String> names) {
    return Suggestions.closest(wrong, names).map(n -> "did you mean '" + n + "'?").orElse(null);
  }
}
