package io.eddy.shell;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a live table's status line current while a {@code SUBSCRIBE TO view} runs: a background
 * thread runs {@code SHOW QUERIES} through JDBC every {@link #PERIOD_MILLIS} (on its own statement
 * of the shell's connection, so it works embedded and remote alike) and reports the view's
 * watermark, late rows and skewed rows as text — also while no change arrives, which is when a
 * dropped late row would otherwise go unseen. Subscriptions to an ad-hoc query have no row in
 * SHOW QUERIES and get no poller. A failing poll ends the polling silently (the subscription
 * itself reports its errors). Thread-safe.
 */
final class QueryStatusPoller implements AutoCloseable {
  static final long PERIOD_MILLIS = 500;
  private static final Pattern SUBSCRIBE_VIEW = Pattern.compile(
      "\\s*SUBSCRIBE\\s+(?:TO\\s+)?(`[^`]+`|[A-Za-z_][A-Za-z_0-9]*)\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private final Statement statement;
  private final Ticker ticker;

  private QueryStatusPoller(Statement statement, Ticker ticker) {
    this.statement = statement;
    this.ticker = ticker;
  }

  /** The view {@code sql} subscribes to ({@code SUBSCRIBE [TO] name}), or null. */
  static String subscribedView(String sql) {
    Matcher m = SUBSCRIBE_VIEW.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1);
    return name.startsWith("`") ? name.substring(1, name.length() - 1) : name;
  }

  /** Starts polling for {@code sql}'s view; returns null if it subscribes to no view. */
  static QueryStatusPoller start(Connection connection, String sql, Consumer<String> status)
      throws SQLException {
    String view = subscribedView(sql);
    if (view == null) {
      return null;
    }
    Statement s = connection.createStatement();
    return new QueryStatusPoller(s, Ticker.start("eddy-status-" + view, PERIOD_MILLIS, false, () -> {
      String text = statusOf(s, view);
      if (text != null) {
        status.accept(text);
      }
      return true;
    }));
  }

  /**
   * "watermark 2024-01-01T00:00:05Z, 1 late row" for the view's row of SHOW QUERIES (with the
   * watermark of each source after it when the view reads several), or null.
   */
  static String statusOf(Statement s, String view) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW QUERIES")) {
      while (rs.next()) {
        if (rs.getString("name").equalsIgnoreCase(view)) {
          List<String> parts = new ArrayList<>();
          String watermark = rs.getString("watermark");
          if (watermark != null && !watermark.equals("none")) {
            String perSource = rs.getString("source_watermarks");
            // With several event-time sources, show which one holds time back.
            parts.add("watermark " + watermark + (perSource != null && perSource.contains(", ")
                ? " (" + perSource + ")" : ""));
          }
          parts.add(count(rs.getLong("late_rows"), "late row"));
          long skewed = rs.getLong("skewed_rows");
          if (skewed > 0) {
            parts.add(count(skewed, "skewed row"));
          }
          return String.join(", ", parts);
        }
      }
    }
    return null;
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  @Override
  public void close() {
    ticker.close();
    try {
      statement.close();
    } catch (SQLException e) {
      // the connection is closing: nothing to release
    }
  }
}
