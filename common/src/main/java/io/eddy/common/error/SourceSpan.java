package io.eddy.common.error;

/**
 * A region of statement text, 1-based lines and columns, inclusive. {@code endLine}/{@code endColumn}
 * may equal the start for a single point.
 */
public record SourceSpan(int line, int column, int endLine, int endColumn) {
  public SourceSpan {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("span starts at line " + line + ", column " + column);
    }
    if (endLine < line || (endLine == line && endColumn < column)) {
      endLine = line;
      endColumn = column;
    }
  }

  public static SourceSpan at(int line, int column) {
    return new SourceSpan(line, column, line, column);
  }

  /**
   * Renders the line of {@code text} this span starts on, with a caret line underneath:
   * <pre>
   *   SELECT prize FROM bids
   *          ^^^^^
   * </pre>
   */
  public String excerpt(String text) {
    String[] lines = text.split("\r?\n", -1);
    if (line > lines.length) {
      return "";
    }
    String src = lines[line - 1].replace('\t', ' ');
    int width = endLine == line ? Math.max(1, endColumn - column + 1) : Math.max(1, src.length() - column + 1);
    StringBuilder sb = new StringBuilder(src).append('\n');
    sb.append(" ".repeat(Math.max(0, column - 1))).append("^".repeat(Math.min(width, Math.max(1, src.length() - column + 2))));
    return sb.toString();
  }
}
