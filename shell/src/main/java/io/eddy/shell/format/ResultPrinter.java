package io.eddy.shell.format;

import java.util.List;

/**
 * Prints one result: the column names, then rows as they come, then the end. Values are what
 * {@link Cells#read} returns (numbers, booleans, strings; null for SQL NULL). A printer is used
 * for one result only and is not thread-safe, except {@link #status}.
 */
public interface ResultPrinter {

  void start(List<String> columns);

  void row(List<Object> values);

  /** Called after the last row; {@code rows} is how many were printed. */
  void end(long rows);

  /**
   * News about a running subscription's query (its watermark, late rows...), from any thread;
   * a live table shows it in its status line, other printers ignore it.
   */
  default void status(String text) {}
}
