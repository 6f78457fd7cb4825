package io.eddy.shell;

import io.eddy.jdbc.EddyStatementInfo;
import io.eddy.jdbc.StatementProgress;
import java.io.PrintStream;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A progress bar for a long statement (COPY) on an interactive terminal, e.g.
 * {@code COPY bids [########------------]  40%  2.1 MB / 5.3 MB  48000 rows  95000 rows/s}.
 * A background thread polls the running statement's {@link EddyStatementInfo#progress()} (from
 * the driver, which asks the engine) every {@link #PERIOD_MILLIS} and redraws one line in place;
 * {@link #close()} erases it, so the statement's own result prints on a clean line. Statements
 * without progress (remote connections have none) draw nothing. Thread-safe.
 */
final class ProgressBar implements AutoCloseable {
  static final long PERIOD_MILLIS = 100;
  private static final int WIDTH = 20;
  private static final Pattern COPY = Pattern.compile("\\s*COPY\\b", Pattern.CASE_INSENSITIVE);
  private static final String ERASE_LINE = "\r\u001b[K";

  private final PrintStream out;
  private final long start = System.nanoTime();
  private Ticker ticker;
  private boolean drawn;
  private boolean closed;

  private ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** Starts a bar for {@code sql} if it is a COPY; null otherwise. */
  static ProgressBar startFor(String sql, Statement statement, PrintStream out) throws SQLException {
    if (!COPY.matcher(sql).lookingAt() || !statement.isWrapperFor(EddyStatementInfo.class)) {
      return null;
    }
    EddyStatementInfo info = statement.unwrap(EddyStatementInfo.class);
    ProgressBar bar = new ProgressBar(out);
    bar.ticker = Ticker.start("eddy-progress", PERIOD_MILLIS, true, () -> {
      StatementProgress p = info.progress();
      if (p != null) {
        bar.draw(render(p, System.nanoTime() - bar.start));
      }
      return true;
    });
    return bar;
  }

  private synchronized void draw(String line) {
    if (!closed) {
      out.print(ERASE_LINE + line);
      out.flush();
      drawn = true;
    }
  }

  /** The bar's text for {@code p}, {@code elapsedNanos} after the statement started. */
  static String render(StatementProgress p, long elapsedNanos) {
    StringBuilder sb = new StringBuilder(p.operation()).append(' ');
    if (p.bytesTotal() > 0) {
      double done = Math.min(1.0, (double) p.bytesDone() / p.bytesTotal());
      int filled = (int) Math.round(done * WIDTH);
      sb.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%  ", Math.round(done * 100)))
          .append(megabytes(p.bytesDone())).append(" / ").append(megabytes(p.bytesTotal()));
    } else {
      sb.append(megabytes(p.bytesDone()));
    }
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    sb.append("  ").append(p.rows()).append(" rows  ")
        .append(Math.round(p.rows() / seconds)).append(" rows/s");
    return sb.toString();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** Stops polling and erases the bar. */
  @Override
  public void close() {
    ticker.close();
    synchronized (this) {
      closed = true;
      if (drawn) {
        out.print(ERASE_LINE);
        out.flush();
      }
    }
  }
}
