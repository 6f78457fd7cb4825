package io.eddy.shell;

import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Highlights keywords (bold blue), string literals (green), numbers (cyan) and comments (faint). */
final class SqlHighlighter implements Highlighter {
  private static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  private static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    int i = 0;
    while (i < buffer.length()) {
      char c = buffer.charAt(i);
      int end;
      AttributedStyle style = AttributedStyle.DEFAULT;
      if (c == '\'') {
        end = closing(buffer, i + 1, '\'');
        style = STRING;
      } else if (c == '`') {
        end = closing(buffer, i + 1, '`');
      } else if (c == '-' && buffer.startsWith("--", i)) {
        int nl = buffer.indexOf('\n', i);
        end = nl < 0 ? buffer.length() : nl;
        style = COMMENT;
      } else if (Character.isLetter(c) || c == '_') {
        end = i;
        while (end < buffer.length() && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_')) {
          end++;
        }
        style = SqlVocabulary.isKeyword(buffer.substring(i, end)) ? KEYWORD : AttributedStyle.DEFAULT;
      } else if (Character.isDigit(c)) {
        end = i;
        while (end < buffer.length() && (Character.isDigit(buffer.charAt(end)) || buffer.charAt(end) == '.')) {
          end++;
        }
        style = NUMBER;
      } else {
        end = i + 1;
      }
      sb.styled(style, buffer.substring(i, end));
      i = end;
    }
    return sb.toAttributedString();
  }

  private static int closing(String s, int from, char quote) {
    int j = s.indexOf(quote, from);
    return j < 0 ? s.length() : j + 1;
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {
  }

  @Override
  public void setErrorIndex(int errorIndex) {
  }
}
