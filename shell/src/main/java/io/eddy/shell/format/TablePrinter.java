package io.eddy.shell.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns as psql prints them: a header, a rule, the rows, then "(n rows)". A finite
 * result is buffered to size its columns; a streaming one (SUBSCRIBE) prints every row at once,
 * widening a column when a value does not fit.
 */
final class TablePrinter implements ResultPrinter {
  private final PrintStream out;
  private final boolean streaming;
  private final List<List<String>> buffered = new ArrayList<>();
  private List<String> columns;
  private int[] widths;

  TablePrinter(PrintStream out, boolean streaming) {
    this.out = out;
    this.streaming = streaming;
  }

  @Override
  public void start(List<String> names) {
    this.columns = names;
    this.widths = names.stream().mapToInt(String::length).toArray();
    if (streaming) {
      printHeader();
    }
  }

  @Override
  public void row(List<Object> values) {
    List<String> cells = values.stream().map(Cells::text).toList();
    for (int i = 0; i < cells.size(); i++) {
      widths[i] = Math.max(widths[i], cells.get(i).length());
    }
    if (streaming) {
      printRow(cells);
      out.flush();
    } else {
      buffered.add(cells);
    }
  }

  @Override
  public void end(long rows) {
    if (!streaming) {
      TableLayout.lines(columns, buffered).forEach(out::println);
    }
    out.println(rows == 1 ? "(1 row)" : "(" + rows + " rows)");
    out.flush();
  }

  private void printHeader() {
    out.println(TableLayout.line(columns, widths));
    out.println(TableLayout.rule(widths));
  }

  private void printRow(List<String> cells) {
    out.println(TableLayout.line(cells, widths));
  }
}
