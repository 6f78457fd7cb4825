package io.eddy.sql;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.grammar.EddyLexer;
import io.eddy.grammar.EddyParser;
import io.eddy.sql.ast.Statement;
import io.eddy.sql.internal.AstBuilder;
import io.eddy.sql.internal.SourceText;
import io.eddy.sql.internal.SyntaxErrorListener;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Entry point of the statement language: text in, {@link Statement} records out.
 *
 * <p>A script is statements separated by {@code ;}; empty statements are allowed and the last
 * {@code ;} is optional. Keywords are case-insensitive. Query bodies are checked by Calcite
 * ({@link CalciteParsing}) while parsing. Every statement records its span (1-based line and
 * column of its first and last character) and the whole script.
 *
 * <p>Errors: an {@link EddyException} with code {@link ErrorCode#SYNTAX} at the line and column of
 * the first mistake in the original text, with the script as its source text (so its message shows
 * the line with a caret) and a hint where one can be guessed. Stateless and thread-safe.
 */
public final class StatementParser {
  private StatementParser() {}

  /** All statements of {@code script}, in order; empty for a script of only blanks and comments. */
  public static List<Statement> parseScript(String script) {
    Objects.requireNonNull(script, "script");
    CharStream chars = CharStreams.fromString(script);
    SourceText source = new SourceText(script, chars);
    EddyLexer lexer = new EddyLexer(chars);
    lexer.removeErrorListeners();
    EddyParser parser = new EddyParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(new SyntaxErrorListener(source, parser.getVocabulary()));
    return new AstBuilder(source).script(parser.script());
  }

  /** The one statement of {@code text} (a trailing {@code ;} is allowed); anything else is an error. */
  public static Statement parseOne(String text) {
    List<Statement> statements = parseScript(text);
    if (statements.isEmpty()) {
      throw new EddyException(ErrorCode.SYNTAX, "no statement to run", SourceSpan.at(1, 1), text,
          "write a statement such as SELECT or CREATE STREAM", null);
    }
    if (statements.size() > 1) {
      throw new EddyException(ErrorCode.SYNTAX, "expected one statement, found " + statements.size(),
          statements.get(1).span(), text, "run one statement at a time", null);
    }
    return statements.get(0);
  }
}
