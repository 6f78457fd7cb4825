package io.eddy.shell.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SUBSCRIBE result on a terminal: the view's current contents as a table that is redrawn in
 * place after every change (ANSI cursor-up and clear-to-end), with a status line showing how many
 * changes arrived and either the query's {@link #status} (its watermark and late rows) or, until
 * there is one, the logical time of the last change. Input rows are
 * {@code _time, _diff, columns...}; a row is shown once per unit of its integrated weight.
 * Thread-safe: {@link #status} may come from another thread than the rows.
 */
final class LiveTablePrinter implements ResultPrinter {
  private static final String CLEAR_TO_END = "\u001b[J";

  private final PrintStream out;
  private final Map<List<String>, Long> rows = new LinkedHashMap<>();
  private List<String> columns;
  private int drawnLines;
  private long changes;
  private String time = "-";
  private String status;
  private boolean ended;

  LiveTablePrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void start(List<String> names) {
    columns = names.subList(2, names.size());
    redraw();
  }

  @Override
  public synchronized void row(List<Object> values) {
    time = Cells.text(values.get(0));
    long diff = ((Number) values.get(1)).longValue();
    List<String> cells = values.subList(2, values.size()).stream().map(Cells::text).toList();
    rows.merge(cells, diff, (a, b) -> a + b == 0 ? null : a + b);
    changes++;
    redraw();
  }

  @Override
  public synchronized void end(long n) {
    ended = true;
    out.println("(subscription ended after " + changes + " change" + (changes == 1 ? "" : "s") + ")");
    out.flush();
  }

  @Override
  public synchronized void status(String text) {
    if (columns != null && !ended && !text.equals(status)) {
      status = text;
      redraw();
    }
  }

  private void redraw() {
    List<List<String>> shown = new ArrayList<>();
    rows.forEach((row, count) -> {
      for (long i = 0; i < count; i++) {
        shown.add(row);
      }
    });
    List<String> lines = new ArrayList<>(TableLayout.lines(columns, shown));
    lines.add("-- " + shown.size() + " row" + (shown.size() == 1 ? "" : "s") + ", " + changes
        + " change" + (changes == 1 ? "" : "s") + ", " + (status != null ? status : "time " + time)
        + " (Ctrl-C stops)");
    StringBuilder sb = new StringBuilder();
    if (drawnLines > 0) {
      sb.append("\u001b[").append(drawnLines).append('A').append('\r');
    }
    sb.append(CLEAR_TO_END);
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    out.print(sb);
    out.flush();
    drawnLines = lines.size();
  }
}
