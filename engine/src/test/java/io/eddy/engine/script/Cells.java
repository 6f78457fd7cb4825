package io.eddy.engine.script;

import java.util.ArrayList;
import java.util.List;

/** Splits and joins the {@code a | b | c} lines of a result table. */
final class Cells {
  private Cells() {}

  /** The trimmed cells of a table line; a {@code |} inside single quotes does not split. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      if (c == '|' && !quoted) {
        cells.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString().trim());
    return cells;
  }

  /** Lines with columns padded to a common width; the last column is not padded. */
  static List<String> align(List<List<String>> rows) {
    int[] width = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        sb.append(cell);
        if (c < row.size() - 1) {
          sb.append(" ".repeat(width[c] - cell.length())).append(" | ");
        }
      }
      lines.add(sb.toString());
    }
    return lines;
  }
}
