package io.eddy.sql.internal;

import io.eddy.grammar.EddyLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/** How tokens are named in error messages. Stateless. */
public final class TokenNames {
  private static final int MAX_TOKEN_CHARS = 40;

  private TokenNames() {}

  /**
   * A user-facing name for a token type: keywords as written ({@code FROM}), punctuation quoted
   * ({@code ')'}), literal classes in words ({@code a name}, {@code a string}).
   */
  public static String describe(Vocabulary vocabulary, int type) {
    switch (type) {
      case Token.EOF:
        return "end of input";
      case EddyLexer.IDENTIFIER:
        return "a name";
      case EddyLexer.STRING_LITERAL:
        return "a string";
      case EddyLexer.INTEGER_VALUE:
      case EddyLexer.DECIMAL_VALUE:
        return "a number";
      default:
        break;
    }
    String literal = vocabulary.getLiteralName(type);
    if (literal == null) {
      return vocabulary.getDisplayName(type);
    }
    String bare = literal.substring(1, literal.length() - 1);
    return isWord(bare) ? bare : literal;
  }

  /** Every keyword of the statement language, as written ({@code CREATE}, {@code STREAM}, ...). */
  public static List<String> keywords(Vocabulary vocabulary) {
    List<String> keywords = new ArrayList<>();
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && isWord(literal.substring(1, literal.length() - 1))) {
        keywords.add(literal.substring(1, literal.length() - 1));
      }
    }
    return List.copyOf(keywords);
  }

  /** {@code 'text'}, shortened when long. */
  public static String quote(String text) {
    String t = text.length() > MAX_TOKEN_CHARS ? text.substring(0, MAX_TOKEN_CHARS) + "..." : text;
    return "'" + t + "'";
  }

  /** True for keyword-like words (letters, digits, underscores, starting with a letter). */
  public static boolean isWord(String text) {
    return !text.isEmpty() && Character.isLetter(text.charAt(0))
        && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }

  /** "A", "A or B", "A, B or C". */
  public static String orList(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
