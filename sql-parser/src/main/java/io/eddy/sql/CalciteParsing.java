package io.eddy.sql;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.sql.ast.QueryText;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/** Temporary minimal Calcite parsing (replaced by the parser branch). */
public final class CalciteParsing {
  private CalciteParsing() {}

  public static SqlParser.Config config() {
    return SqlParser.config()
        .withQuoting(Quoting.BACK_TICK)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false)
        .withConformance(SqlConformanceEnum.LENIENT);
  }

  public static SqlNode parseQuery(QueryText q) {
    try {
      return SqlParser.create(q.sql(), config()).parseQuery();
    } catch (SqlParseException e) {
      int line = e.getPos() == null ? 1 : e.getPos().getLineNum();
      int col = e.getPos() == null ? 1 : e.getPos().getColumnNum();
      SourceSpan span = SourceSpan.at(q.line() + line - 1, line == 1 ? q.column() + col - 1 : col);
      throw new EddyException(ErrorCode.SYNTAX, "syntax error", span, null, null, null);
    }
  }

  public static SqlNode parseExpression(QueryText q) {
    try {
      return SqlParser.create(q.sql(), config()).parseExpression();
    } catch (SqlParseException e) {
      throw new EddyException(ErrorCode.SYNTAX, "syntax error");
    }
  }
}
