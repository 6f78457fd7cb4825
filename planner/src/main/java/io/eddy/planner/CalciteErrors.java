package io.eddy.planner;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
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
      msg = "column '" + m.group(1) + "' not found in " + m.group(2).replace("table '", "'");
      hint = didYouMean(m.group(1), names);
    } else if (o.matches()) {
      code = ErrorCode.NOT_FOUND;
      msg = "stream, table or view '" + o.group(1) + "' not found";
      hint = didYouMean(o.group(1), names);
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

  /** "did you mean 'x'?" for the closest name within edit distance 2, else null. */
  static String didYouMean(String wrong, Collection<String> names) {
    String best = null;
    int bestD = 3;
    for (String n : names) {
      int d = distance(wrong.toLowerCase(), n.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return best == null ? null : "did you mean '" + best + "'?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
