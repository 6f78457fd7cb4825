package io.eddy.sql.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.grammar.EddyLexer;
import io.eddy.grammar.EddyParser.IdentifierContext;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.QueryText;
import java.util.Objects;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The script being parsed and its char stream: turns tokens and parse-tree nodes into source
 * spans, identifiers and query texts cut from the original characters (comments included), and
 * builds syntax errors located in the script.
 *
 * <p>Lines and columns are 1-based. Columns count characters as ANTLR does (code points), which
 * equals Java string columns for text in the Basic Multilingual Plane. Immutable.
 */
public final class SourceText {
  private final String script;
  private final CharStream chars;

  public SourceText(String script, CharStream chars) {
    this.script = Objects.requireNonNull(script, "script");
    this.chars = Objects.requireNonNull(chars, "chars");
  }

  public String script() {
    return script;
  }

  /** The span from the first character of {@code ctx} to its last. */
  public SourceSpan span(ParserRuleContext ctx) {
    Token stop = ctx.getStop() == null || ctx.getStop().getTokenIndex() < ctx.getStart().getTokenIndex()
        ? ctx.getStart() : ctx.getStop();
    return span(ctx.getStart(), stop);
  }

  /** The span of one token. */
  public SourceSpan span(Token token) {
    return span(token, token);
  }

  /** The span from the first character of {@code start} to the last character of {@code stop}. */
  public static SourceSpan span(Token start, Token stop) {
    int endLine = stop.getLine();
    int endColumn = stop.getCharPositionInLine() + 1;
    String text = stop.getType() == Token.EOF ? "" : stop.getText();
    int lastNewline = text.lastIndexOf('\n');
    if (lastNewline >= 0) {
      endLine += (int) text.chars().filter(c -> c == '\n').count();
      endColumn = Math.max(1, text.length() - lastNewline - 1);
    } else {
      endColumn += Math.max(0, text.length() - 1);
    }
    return new SourceSpan(start.getLine(), start.getCharPositionInLine() + 1, endLine, endColumn);
  }

  /** The original text of {@code ctx} with the line and column where it starts. */
  public QueryText queryText(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    String sql = chars.getText(Interval.of(start.getStartIndex(), ctx.getStop().getStopIndex()));
    return new QueryText(sql, start.getLine(), start.getCharPositionInLine() + 1);
  }

  /** The identifier as written, backticks removed, located at its token. */
  public Identifier identifier(IdentifierContext ctx) {
    Token token = ctx.getStart();
    String name = token.getType() == EddyLexer.BACKQUOTED_IDENTIFIER
        ? Literals.unquote(token.getText(), '`') : token.getText();
    if (name.isEmpty()) {
      throw error(ctx, "empty name", "a quoted name needs at least one character");
    }
    return new Identifier(name, span(ctx));
  }

  /** A syntax error located at {@code ctx}. */
  public EddyException error(ParserRuleContext ctx, String reason, String hint) {
    return error(span(ctx), reason, hint);
  }

  /** A syntax error located at {@code token}. */
  public EddyException error(Token token, String reason, String hint) {
    return error(span(token), reason, hint);
  }

  /** A syntax error located at {@code where}. */
  public EddyException error(SourceSpan where, String reason, String hint) {
    return new EddyException(ErrorCode.SYNTAX, reason, where, script, hint, null);
  }
}
