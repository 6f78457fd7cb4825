package io.eddy.shell;

import io.eddy.jdbc.EddyStatementInfo;
import io.eddy.shell.format.Cells;
import io.eddy.shell.format.OutputFormat;
import io.eddy.shell.format.ResultPrinter;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one statement through JDBC and prints what it returned: rows through the output format,
 * or a one-line status ("CREATE STREAM", "INSERT 3"). A SUBSCRIBE result (its first columns are
 * {@code _time} and {@code _diff}) is printed change by change as the changes arrive, until it
 * ends, {@code limit} changes were printed, or {@link #cancel()} is called from another thread.
 * On a terminal a subscription to a view is a live table whose status line shows the view's
 * watermark and late rows ({@link QueryStatusPoller}).
 */
final class StatementRunner {
  private static final String CANCELLED = "57014";

  private final Connection connection;
  private final OutputFormat format;
  private final PrintStream out;
  private final long limit;
  private final AtomicReference<Statement> running = new AtomicReference<>();
  private volatile boolean liveTables;

  StatementRunner(Connection connection, OutputFormat format, PrintStream out, long limit) {
    this.connection = connection;
    this.format = format;
    this.out = out;
    this.limit = limit;
  }

  /** Executes {@code sql} and prints its result; user errors surface as SQLException. */
  void run(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running.set(statement);
      boolean rows;
      try (ProgressBar bar = liveTables ? ProgressBar.startFor(sql, statement, out) : null) {
        rows = statement.execute(sql);
      }
      if (rows) {
        try (ResultSet rs = statement.getResultSet()) {
          print(rs, sql);
        }
      } else {
        out.println(status(statement));
        out.flush();
      }
    } finally {
      running.set(null);
    }
  }

  /**
   * On a terminal, subscriptions in table format are shown as a table redrawn in place instead of
   * a list of changes, and COPY shows a {@link ProgressBar} while it runs.
   */
  void useLiveTables() {
    liveTables = true;
  }

  /** Cancels the running statement, if any (ends a SUBSCRIBE). Any thread. */
  void cancel() {
    Statement statement = running.get();
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // the statement has just finished; nothing to cancel
      }
    }
  }

  private void print(ResultSet rs, String sql) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(md.getColumnLabel(i));
    }
    boolean subscription = columns.size() >= 2 && columns.get(0).equalsIgnoreCase("_time")
        && columns.get(1).equalsIgnoreCase("_diff");
    long max = subscription && limit >= 0 ? limit : Long.MAX_VALUE;
    boolean live = subscription && liveTables && format == OutputFormat.TABLE;
    ResultPrinter printer = live ? OutputFormat.liveTable(out) : format.printer(out, subscription);
    printer.start(columns);
    long rows = 0;
    try (QueryStatusPoller status = live ? QueryStatusPoller.start(connection, sql, printer::status)
        : null) {
      while (rows < max && rs.next()) {
        printer.row(Cells.read(rs, columns.size()));
        rows++;
      }
    } catch (SQLException e) {
      if (!subscription || !CANCELLED.equals(e.getSQLState())) {
        throw e;
      }
      // Ctrl-C / cancel() ends a subscription: the normal way out, not an error
    }
    printer.end(rows);
  }

  private static String status(Statement statement) throws SQLException {
    String message = statement.isWrapperFor(EddyStatementInfo.class)
        ? statement.unwrap(EddyStatementInfo.class).statusMessage() : null;
    if (message != null && !message.isBlank()) {
      return message;
    }
    long count = statement.getLargeUpdateCount();
    return count > 0 ? "OK " + count : "OK";
  }
}
