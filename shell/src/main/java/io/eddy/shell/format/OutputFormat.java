package io.eddy.shell.format;

import java.io.PrintStream;
import java.util.Locale;

/** The shell's output formats ({@code --format table|csv|json}). */
public enum OutputFormat {
  TABLE, CSV, JSON;

  /** A printer for one result; {@code streaming} when rows arrive over time (SUBSCRIBE). */
  public ResultPrinter printer(PrintStream out, boolean streaming) {
    return switch (this) {
      case TABLE -> new TablePrinter(out, streaming);
      case CSV -> new CsvPrinter(out);
      case JSON -> new JsonPrinter(out);
    };
  }

  /** A SUBSCRIBE printer for a terminal: the table redrawn in place on every change. */
  public static ResultPrinter liveTable(PrintStream out) {
    return new LiveTablePrinter(out);
  }

  /** Parses a {@code --format} value; throws IllegalArgumentException naming the choices. */
  public static OutputFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "' (use table, csv or json)");
    }
  }
}
