package io.eddy.sql.internal;

import io.eddy.sql.Suggestions;
import io.eddy.common.error.SourceSpan;
import io.eddy.grammar.EddyLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Replaces ANTLR's console listener: the first syntax error of the statement frame becomes an
 * {@link io.eddy.common.error.EddyException} (code SYNTAX) at the offending token, with a readable
 * reason ("unexpected 'FORM'", "missing ')'") and a hint where one can be guessed. ANTLR's own
 * message text is never shown. One instance per parse; it holds no state of its own.
 */
public final class SyntaxErrorListener extends BaseErrorListener {
  private static final int MAX_LISTED = 6;

  private final SourceText source;
  private final List<String> keywords;

  /** A listener reporting against {@code source}; {@code vocabulary} names the keywords for hints. */
  public SyntaxErrorListener(SourceText source, Vocabulary vocabulary) {
    this.source = source;
    this.keywords = TokenNames.keywords(vocabulary);
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
      String msg, RecognitionException e) {
    if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token offending)) {
      throw source.error(SourceSpan.at(line, column + 1), "unreadable input", null);
    }
    Token token = e != null && e.getOffendingToken() != null ? e.getOffendingToken() : offending;
    List<String> expected = e instanceof NoViableAltException ? List.of() : expectedNames(parser, e);
    SourceSpan where = where(parser.getInputStream(), token);
    if (msg != null && msg.startsWith("missing ")) {
      int at = msg.lastIndexOf(" at ");
      throw source.error(where, at > 0 ? msg.substring(0, at) : msg, listHint(expected));
    }
    String reason = token.getType() == Token.EOF && expected.contains("')'") ? "missing ')'" : reason(token);
    throw source.error(where, reason, hint(token, expected));
  }

  private static SourceSpan where(TokenStream tokens, Token token) {
    if (token.getType() != Token.EOF || token.getTokenIndex() == 0) {
      return SourceText.span(token, token);
    }
    Token previous = tokens.get(token.getTokenIndex() - 1);
    for (int i = token.getTokenIndex() - 1; i > 0 && previous.getChannel() != Token.DEFAULT_CHANNEL; i--) {
      previous = tokens.get(i - 1);
    }
    SourceSpan last = SourceText.span(previous, previous);
    return SourceSpan.at(last.endLine(), last.endColumn() + 1);
  }

  private static String reason(Token token) {
    return switch (token.getType()) {
      case Token.EOF -> "unexpected end of input";
      case EddyLexer.UNCLOSED_STRING -> "unterminated string literal";
      case EddyLexer.UNCLOSED_BACKQUOTE -> "unterminated quoted name";
      case EddyLexer.UNCLOSED_COMMENT -> "unterminated comment";
      default -> "unexpected " + TokenNames.quote(token.getText());
    };
  }

  private String hint(Token token, List<String> expected) {
    switch (token.getType()) {
      case EddyLexer.UNCLOSED_STRING:
        return "end the string with ' (write '' for a quote inside it)";
      case EddyLexer.UNCLOSED_BACKQUOTE:
        return "end the name with ` (write `` for a backtick inside it)";
      case EddyLexer.UNCLOSED_COMMENT:
        return "end the comment with */";
      case EddyLexer.DOUBLEQUOTED_IDENTIFIER:
        return "quote names with backticks, as in `"
            + token.getText().substring(1, token.getText().length() - 1) + "`";
      default:
        break;
    }
    Optional<String> typo = token.getType() == EddyLexer.IDENTIFIER
        ? Suggestions.closest(token.getText(), expected).or(() -> Suggestions.closest(token.getText(), keywords))
        : Optional.empty();
    if (typo.isPresent()) {
      return "did you mean " + typo.get() + "?";
    }
    if (expected.contains("BIGINT")) {
      return "expected a column type such as BIGINT, VARCHAR, TIMESTAMP(3)";
    }
    if (token.getType() == EddyLexer.EMIT) {
      return "EMIT CHANGES / EMIT ON WINDOW CLOSE end a CREATE VIEW statement";
    }
    if (expected.contains("';'") && token.getType() != Token.EOF) {
      return "statements end with ';'";
    }
    return listHint(expected);
  }

  private static String listHint(List<String> expected) {
    if (expected.isEmpty() || expected.size() > MAX_LISTED) {
      return null;
    }
    return "expected " + TokenNames.orList(expected);
  }

  private static List<String> expectedNames(Parser parser, RecognitionException e) {
    IntervalSet set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
        : parser.getExpectedTokens();
    List<String> names = new ArrayList<>();
    for (int type : set.toList()) {
      String name = TokenNames.describe(parser.getVocabulary(), type);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return names;
  }
}
