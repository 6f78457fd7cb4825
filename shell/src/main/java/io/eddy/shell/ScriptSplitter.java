package io.eddy.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons that stand outside string literals
 * ({@code '...'} with {@code ''} escapes), quoted identifiers ({@code `...`}, {@code "..."}) and
 * comments ({@code -- ...} and {@code /* ... *}{@code /}), the lexical rules of Eddy's SQL.
 * Each statement keeps its own text (without the semicolon) and the line it starts on, so error
 * positions can be reported against the script. Blank statements are dropped. Stateless.
 */
final class ScriptSplitter {

  /** One statement of a script: its text and the 1-based line of the script it starts on. */
  record Piece(String text, int line) {}

  private ScriptSplitter() {}

  /** The statements of {@code script}; a last statement without semicolon is included. */
  static List<Piece> split(String script) {
    List<Piece> pieces = new ArrayList<>();
    Scanner scanner = new Scanner(script);
    int start = 0;
    int line = 1;
    while (scanner.pos < script.length()) {
      if (scanner.step()) {
        add(pieces, script.substring(start, scanner.pos - 1), line);
        start = scanner.pos;
        line = scanner.line;
      }
    }
    add(pieces, script.substring(start), line);
    return pieces;
  }

  /**
   * True when {@code text} holds at least one statement and nothing but blanks and comments
   * follows its last terminating semicolon (interactive input is complete).
   */
  static boolean isComplete(String text) {
    Scanner scanner = new Scanner(text);
    int afterLast = -1;
    while (scanner.pos < text.length()) {
      if (scanner.step()) {
        afterLast = scanner.pos;
      }
    }
    if (afterLast < 0 || scanner.inside()) {
      return false;
    }
    String rest = text.substring(afterLast);
    return rest.isBlank() || onlyComments(rest);
  }

  private static void add(List<Piece> pieces, String text, int line) {
    if (!text.isBlank() && !onlyComments(text)) {
      int leading = 0;
      while (leading < text.length() && Character.isWhitespace(text.charAt(leading))) {
        if (text.charAt(leading) == '\n') {
          line++;
        }
        leading++;
      }
      pieces.add(new Piece(text.substring(leading).stripTrailing(), line));
    }
  }

  private static boolean onlyComments(String text) {
    Scanner scanner = new Scanner(text);
    while (scanner.pos < text.length()) {
      boolean wasInside = scanner.inComment();
      char c = text.charAt(scanner.pos);
      scanner.step();
      if (!wasInside && !scanner.inComment() && !Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** A one-character-at-a-time lexer that knows whether it is inside a literal or comment. */
  private static final class Scanner {
    private final String s;
    int pos;
    int line = 1;
    private char quote; // 0, '\'', '`', '"'
    private boolean lineComment;
    private boolean blockComment;

    Scanner(String s) {
      this.s = s;
    }

    boolean inside() {
      return quote != 0 || blockComment;
    }

    boolean inComment() {
      return lineComment || blockComment;
    }

    /** Consumes one character (two for comment delimiters); true if it was a terminating ';'. */
    boolean step() {
      char c = s.charAt(pos++);
      char next = pos < s.length() ? s.charAt(pos) : 0;
      if (c == '\n') {
        line++;
        lineComment = false;
      } else if (lineComment) {
        return false;
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          pos++;
        }
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '`' || c == '"') {
        quote = c;
      } else if (c == '-' && next == '-') {
        lineComment = true;
        pos++;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        pos++;
      } else {
        return c == ';';
      }
      return false;
    }
  }
}
