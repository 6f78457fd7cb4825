package io.eddy.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints {@link QueryReport}s as an aligned table, then the reasons of the queries that did not run. */
final class ReportTable {
  private static final String[] HEADER = {"query", "status", "events", "plan ms", "load s", "run s", "events/s",
      "events/cpu-s", "out changes", "out rows", "state rows", "state MB", "peak heap MB", "p50 ms", "p99 ms", "gen cpu s",
      "query cpu s", "jit s"};

  private ReportTable() {}

  static void print(List<QueryReport> reports, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (QueryReport r : reports) {
      rows.add(r.ok() ? cells(r) : failedCells(r));
    }
    int[] width = new int[HEADER.length];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        sb.append(c == 0 ? "" : "  ").append(c <= 1 ? pad(cell, width[c], false) : pad(cell, width[c], true));
      }
      out.println(sb.toString().stripTrailing());
    }
    for (QueryReport r : reports) {
      if (!r.ok()) {
        out.println(r.query() + " " + r.status() + ": " + r.message());
      }
    }
  }

  private static String[] cells(QueryReport r) {
    return new String[] {r.query(), r.status(), Long.toString(r.events()), num(r.planMs(), 0), num(r.loadS(), 2),
        num(r.runS(), 2), num(r.eventsPerSecond(), 0), num(r.eventsPerCpuSecond(), 0),
        Long.toString(r.changesOut()), Long.toString(r.rowsOut()), Long.toString(r.stateRows()),
        num(r.stateBytes() / 1e6, 1), num(r.peakHeapBytes() / 1e6, 0), num(r.p50Ms(), 2), num(r.p99Ms(), 2),
        num(r.genCpuS(), 2), num(r.queryCpuS(), 2), num(r.jitS(), 2)};
  }

  private static String[] failedCells(QueryReport r) {
    String[] cells = new String[HEADER.length];
    java.util.Arrays.fill(cells, "-");
    cells[0] = r.query();
    cells[1] = r.status();
    return cells;
  }

  private static String num(double v, int decimals) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
