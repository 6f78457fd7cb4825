package io.eddy.sql.internal;

import io.eddy.sql.Suggestions;
import io.eddy.common.error.EddyException;
import io.eddy.common.error.SourceSpan;
import io.eddy.grammar.EddyLexer;
import io.eddy.sql.ast.QueryText;
import io.eddy.sql.ast.SpanText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import io.eddy.sql.CalciteParsing;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's {@link SqlParseException} into a SYNTAX {@link EddyException} at the script's
 * line and column: on the query's first line Calcite's column is shifted by the query's start
 * column, on later lines its line by the query's start line. Calcite's message is condensed to
 * "unexpected 'X'" with at most a short expected list or a "did you mean" hint. Stateless.
 */
public final class CalciteErrors {
  private static final int MAX_LISTED = 5;
  private static final Pattern POSITION = Pattern.compile("\\s*at line \\d+, column \\d+\\.?");
  private static final Pattern QUOTED_KEYWORD = Pattern.compile("\"([A-Z_]+)\"");
  private static final Set<String> SQL_CLAUSES = Set.of(
      "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "BY", "LIMIT", "JOIN", "ON", "AS", "AND", "OR",
      "NOT", "UNION", "EXCEPT", "INTERSECT", "WITH", "VALUES", "CASE", "WHEN", "THEN", "ELSE", "END",
      "DISTINCT", "ALL", "IN", "IS", "NULL", "BETWEEN", "LIKE", "OVER", "PARTITION", "WINDOW");
  private static final Set<String> NEVER_IN_QUERIES = Set.of(
      "CREATE", "INSERT", "DELETE", "DROP", "SHOW", "DESCRIBE", "EXPLAIN", "SUBSCRIBE", "SET", "COPY");

  private CalciteErrors() {}

  /** The error {@code e} raised for {@code query}, located in {@code script}. */
  public static EddyException toEddy(SqlParseException e, QueryText query, String script) {
    SqlParserPos pos = e.getPos();
    if (pos == null || pos.getLineNum() < 1) {
      return syntax(firstLine(e.getMessage()), SourceSpan.at(query.line(), query.column()), script, null);
    }
    SourceSpan where = new SourceSpan(line(query, pos.getLineNum()), column(query, pos.getLineNum(), pos.getColumnNum()),
        line(query, pos.getEndLineNum()), column(query, pos.getEndLineNum(), pos.getEndColumnNum()));
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (!message.startsWith("Encountered") && !message.startsWith("Incorrect syntax near")) {
      return syntax(firstLine(message), where, script, null);
    }
    Token token = tokenAt(query.sql(), pos.getLineNum(), pos.getColumnNum());
    List<String> expected = expectedKeywords(e.getExpectedTokenNames());
    if (token.getType() == Token.EOF || message.startsWith("Encountered \"<EOF>\"")) {
      boolean canClose = e.getExpectedTokenNames() != null && e.getExpectedTokenNames().contains("\")\"");
      return syntax(canClose ? "missing ')'" : "unexpected end of input", afterToken(where, token, query, pos),
          script, canClose ? null : listHint(expected));
    }
    String hint = reservedWordHint(query.sql(), pos)
        .orElseGet(() -> hint(token, expected, query.sql(), pos));
    return syntax("unexpected " + TokenNames.quote(token.getText()), where, script, hint);
  }

  /**
   * A stand-in script for a query whose script is unknown: blank lines and spaces before the
   * query text, so that script positions still point into it.
   */
  public static String standIn(QueryText query) {
    return "\n".repeat(query.line() - 1) + " ".repeat(query.column() - 1) + query.sql();
  }

  /**
   * A name that is a reserved word in Calcite (such as {@code dateTime}) fails where it stands, or
   * at the '.' before it: suggest quoting it.
   */
  private static Optional<String> reservedWordHint(String sql, SqlParserPos pos) {
    List<Token> tokens = tokensAt(sql, pos.getLineNum(), pos.getColumnNum(), 2);
    Token word = tokens.get(0).getText().equals(".") && tokens.size() > 1 ? tokens.get(1) : tokens.get(0);
    if (word.getType() == Token.EOF || !TokenNames.isWord(word.getText())
        || SQL_CLAUSES.contains(word.getText().toUpperCase(Locale.ROOT))
        || NEVER_IN_QUERIES.contains(word.getText().toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    SqlAbstractParserImpl.Metadata metadata = SqlParser.create("", CalciteParsing.config()).getMetadata();
    return metadata.isReservedWord(word.getText().toUpperCase(Locale.ROOT))
        ? Optional.of("'" + word.getText() + "' is a reserved word; quote it as `" + word.getText() + "` to use it as a name")
        : Optional.empty();
  }

  private static String hint(Token token, List<String> expected, String sql, SqlParserPos pos) {
    String text = token.getText();
    if (TokenNames.isWord(text)) {
      Optional<String> typo = Suggestions.closest(text, expected);
      if (typo.isPresent()) {
        return "did you mean " + typo.get() + "?";
      }
      String upper = text.toUpperCase(Locale.ROOT);
      if (NEVER_IN_QUERIES.contains(upper) || (upper.equals("SELECT") && startsLine(sql, pos))) {
        return "statements end with ';'";
      }
    }
    String previous = previousWord(sql, pos);
    if (previous != null) {
      Optional<String> typo = Suggestions.closest(previous, expected);
      if (typo.isPresent()) {
        return "'" + previous + "' looks like a misspelt " + typo.get();
      }
    }
    if (token.getType() == EddyLexer.DOUBLEQUOTED_IDENTIFIER) {
      return "quote names with backticks and strings with single quotes";
    }
    return listHint(expected);
  }

  /** For an error at the end of input: the point just after the last token Calcite read. */
  private static SourceSpan afterToken(SourceSpan where, Token token, QueryText query, SqlParserPos pos) {
    if (token.getType() == Token.EOF || token.getText().contains("\n")) {
      return where;
    }
    int line = pos.getLineNum();
    return SourceSpan.at(line(query, line), column(query, line, pos.getColumnNum() + token.getText().length()));
  }

  private static String listHint(List<String> expected) {
    return expected.isEmpty() || expected.size() > MAX_LISTED ? null : "expected " + TokenNames.orList(expected);
  }

  private static List<String> expectedKeywords(Collection<String> names) {
    List<String> keywords = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      Matcher m = QUOTED_KEYWORD.matcher(name.trim());
      if (m.matches() && !keywords.contains(m.group(1))) {
        keywords.add(m.group(1));
      }
    }
    keywords.sort(null);
    return keywords;
  }

  /** The token of {@code sql} starting at Calcite's 1-based line and column. */
  private static Token tokenAt(String sql, int line, int column) {
    return tokensAt(sql, line, column, 1).get(0);
  }

  /** Up to {@code count} visible tokens from Calcite's 1-based line and column (EOF ends the list). */
  private static List<Token> tokensAt(String sql, int line, int column, int count) {
    int offset = SpanText.offset(sql, line, column);
    EddyLexer lexer = new EddyLexer(CharStreams.fromString(sql.substring(offset)));
    lexer.removeErrorListeners();
    List<Token> tokens = new ArrayList<>();
    while (tokens.size() < count) {
      Token token = lexer.nextToken();
      if (token.getType() == Token.EOF) {
        tokens.add(token);
        break;
      }
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static boolean startsLine(String sql, SqlParserPos pos) {
    int offset = SpanText.offset(sql, pos.getLineNum(), pos.getColumnNum());
    int lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
    return sql.substring(lineStart, offset).isBlank();
  }

  /** The word just before the error position, if the preceding token is a word. */
  private static String previousWord(String sql, SqlParserPos pos) {
    int end = SpanText.offset(sql, pos.getLineNum(), pos.getColumnNum());
    while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && (Character.isLetterOrDigit(sql.charAt(start - 1)) || sql.charAt(start - 1) == '_')) {
      start--;
    }
    String word = sql.substring(start, end);
    return TokenNames.isWord(word) ? word : null;
  }

  private static int line(QueryText query, int calciteLine) {
    return query.line() + Math.max(1, calciteLine) - 1;
  }

  private static int column(QueryText query, int calciteLine, int calciteColumn) {
    int column = Math.max(1, calciteColumn);
    return calciteLine <= 1 ? query.column() + column - 1 : column;
  }

  private static String firstLine(String message) {
    String text = message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
    return POSITION.matcher(text).replaceAll("");
  }

  private static EddyException syntax(String reason, SourceSpan where, String script, String hint) {
    return new EddyException(io.eddy.common.error.ErrorCode.SYNTAX, reason, where, script, hint, null);
  }
}
