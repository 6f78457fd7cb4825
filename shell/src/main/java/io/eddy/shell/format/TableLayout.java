package io.eddy.shell.format;

import java.util.ArrayList;
import java.util.List;

/** Lays out cells as aligned columns the way psql does: header, rule, rows. Stateless. */
final class TableLayout {
  private TableLayout() {}

  static List<String> lines(List<String> columns, List<List<String>> rows) {
    int[] widths = columns.stream().mapToInt(String::length).toArray();
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size() + 2);
    lines.add(line(columns, widths));
    lines.add(rule(widths));
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  static String rule(int[] widths) {
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    return rule.toString();
  }

  static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(i == 0 ? "" : " | ");
      line.append(cells.get(i)).append(" ".repeat(Math.max(0, widths[i] - cells.get(i).length())));
    }
    return line.toString().stripTrailing();
  }
}
