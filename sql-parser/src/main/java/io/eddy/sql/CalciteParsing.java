package io.eddy.sql;

import io.eddy.common.error.EddyException;
import io.eddy.sql.ast.QueryText;
import io.eddy.sql.internal.CalciteErrors;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The one place that configures Calcite's {@link SqlParser} for Eddy.
 *
 * <p>Lexical rules are MySQL's ({@link Lex#MYSQL}): names quoted with backticks, case-insensitive,
 * casing preserved (quoted or not). The conformance is {@link SqlConformanceEnum#LENIENT}, which
 * accepts the Flink-style text users bring: {@code LIMIT}, window table functions
 * ({@code TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))}),
 * {@code FILTER (WHERE ...)}, {@code ?} parameters.
 *
 * <p>Errors are {@link EddyException}s with code SYNTAX located in the script the text came from:
 * Calcite's positions (relative to the query text) are shifted by the query's start, and Calcite's
 * raw "Encountered ... Was expecting one of ..." text is condensed to the unexpected token, a short
 * expected list and a hint. Stateless and thread-safe; every call returns a fresh tree.
 */
public final class CalciteParsing {
  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withLex(Lex.MYSQL)
      .withConformance(SqlConformanceEnum.LENIENT);

  private CalciteParsing() {}

  /** The parser settings, for the planner's validator to use the same lexical rules. */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /** Parses a query ({@code SELECT}, {@code WITH}, {@code VALUES}, set operations, ORDER BY/LIMIT). */
  public static SqlNode parseQuery(QueryText query, String script) {
    try {
      return SqlParser.create(query.sql(), CONFIG).parseQuery();
    } catch (SqlParseException e) {
      throw CalciteErrors.toEddy(e, query, script);
    }
  }

  /**
   * Like {@link #parseQuery(QueryText, String)} without the script: error excerpts then show the
   * query's own lines (positions are still script positions).
   */
  public static SqlNode parseQuery(QueryText query) {
    return parseQuery(query, CalciteErrors.standIn(query));
  }

  /** Parses a scalar expression, such as the condition of {@code DELETE ... WHERE}. */
  public static SqlNode parseExpression(QueryText expression, String script) {
    try {
      return SqlParser.create(expression.sql(), CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw CalciteErrors.toEddy(e, expression, script);
    }
  }

  /** Parses a whole statement, such as an {@code UPDATE}, that Calcite's parser knows. */
  public static SqlNode parseStatement(QueryText statement, String script) {
    try {
      return SqlParser.create(statement.sql(), CONFIG).parseStmt();
    } catch (SqlParseException e) {
      throw CalciteErrors.toEddy(e, statement, script);
    }
  }

  /** Like {@link #parseExpression(QueryText, String)} without the script. */
  public static SqlNode parseExpression(QueryText expression) {
    return parseExpression(expression, CalciteErrors.standIn(expression));
  }
}
