package io.eddy.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code eddy demo}: a live Nexmark auction site. In a fresh data directory (a new temporary one
 * unless {@code --data-dir} names one; a directory that already holds the demo is reused) it
 * creates the streams {@code person}, {@code auction}, {@code bid} and three standing views
 * ({@code demo.sql}: a TOP-N, a windowed aggregate, a join), starts a {@link DemoFeed} appending
 * generated events at a steady rate, and then
 * <ul>
 *   <li>opens the interactive shell with a banner saying what to try (the default);
 *   <li>or runs the given {@code -e}/{@code -f} scripts on the live data and exits;
 *   <li>or, with {@code --no-shell}, prints a snapshot of every view each second for
 *       {@code --seconds} seconds and exits (for scripts and tests).
 * </ul>
 * Everything goes through JDBC, as in the shell; the feed uses its own connection.
 */
final class DemoCommand {
  static final String SCRIPT = "demo.sql";
  static final long DEFAULT_RATE = 200;
  static final List<String> SNAPSHOT = List.of(
      "SELECT * FROM top_auctions ORDER BY bids DESC, auction",
      "SELECT * FROM bids_10s ORDER BY window_start DESC LIMIT 3",
      "SELECT COUNT(*) AS auctions_with_sellers FROM auction_sellers");
  static final String BANNER = """
      Eddy demo: a Nexmark auction site. %d events/s (persons, auctions, bids; event time is now)
      flow into the streams person, auction and bid. Standing views, updated as events arrive:
        top_auctions      the 5 auctions with the most bids (TOP-N)
        bids_10s          bids per 10-second tumbling window of event time (windowed aggregate)
        auction_sellers   every auction with its seller's name and city (join)
      Try:
        SUBSCRIBE top_auctions;          a live table (Ctrl-C stops it)
        SUBSCRIBE bids_10s;
        SELECT * FROM auction_sellers LIMIT 10;
        SHOW QUERIES;   \\d top_auctions;   \\help;   \\q quits
      """;

  private final ShellIo io;

  DemoCommand(ShellIo io) {
    this.io = io;
  }

  /** The demo's own options, the rest being the shell's. */
  private record DemoOptions(long rate, boolean noShell, int seconds, List<String> shellArgs) {
    static DemoOptions parse(List<String> args) {
      long rate = DEFAULT_RATE;
      boolean noShell = false;
      int seconds = 5;
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        switch (args.get(i)) {
          case "--rate" -> rate = positive(args, ++i, "--rate", "events per second");
          case "--seconds" -> seconds = (int) positive(args, ++i, "--seconds", "seconds");
          case "--no-shell" -> noShell = true;
          default -> rest.add(args.get(i));
        }
      }
      return new DemoOptions(rate, noShell, seconds, rest);
    }

    private static long positive(List<String> args, int i, String option, String what) {
      if (i < args.size()) {
        try {
          long n = Long.parseLong(args.get(i));
          if (n > 0 && n <= Integer.MAX_VALUE) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw new IllegalArgumentException(option + " needs a positive number of " + what);
    }
  }

  /** Sets up the demo, feeds it and runs the shell or the snapshots; returns the exit status. */
  int run(List<String> args) throws IOException {
    DemoOptions demo = DemoOptions.parse(args);
    List<String> shellArgs = new ArrayList<>(demo.shellArgs());
    if (!shellArgs.contains("--data-dir") && !shellArgs.contains("-d") && !shellArgs.contains("--connect")) {
      shellArgs.addAll(List.of("--data-dir", Files.createTempDirectory("eddy-demo").toString()));
    }
    ShellOptions options = ShellOptions.parse(shellArgs);
    ErrorReporter errors = new ErrorReporter(io.err(), options.verbose());
    DemoFeed feed;
    try {
      feed = DemoFeed.start(setUp(options), demo.rate());
    } catch (SQLException e) {
      errors.report("", e);
      return 1;
    }
    try (feed) {
      int status;
      if (demo.noShell()) {
        status = snapshots(options, feed, demo.seconds());
      } else {
        if (!options.scripted()) {
          io.out().printf(BANNER, demo.rate());
          io.out().flush();
        }
        status = new ShellCommand(io).run(options);
      }
      if (feed.failure() != null) {
        errors.report("demo feed stopped: ", feed.failure());
        return 1;
      }
      return status;
    } catch (SQLException e) {
      errors.report("", e);
      return 1;
    }
  }

  /** Creates the demo's streams and views unless they exist; returns the open connection. */
  private Connection setUp(ShellOptions options) throws SQLException, IOException {
    Connection c = io.connections().open(options.url());
    try (Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet rs = c.getMetaData().getTables(null, null, "top_auctions", null)) {
        exists = rs.next();
      }
      if (!exists) {
        for (ScriptSplitter.Piece piece : ScriptSplitter.split(script())) {
          s.execute(piece.text());
        }
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Prints every view once a second, {@code seconds} times. */
  private int snapshots(ShellOptions options, DemoFeed feed, int seconds)
      throws SQLException {
    PrintStream out = io.out();
    try (Connection c = io.connections().open(options.url())) {
      StatementRunner runner = new StatementRunner(c, options.format(), out, -1);
      for (int s = 1; s <= seconds; s++) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
        out.println("-- after " + s + " s: " + feed.appended() + " events");
        for (String sql : SNAPSHOT) {
          runner.run(sql);
        }
        out.flush();
      }
      return 0;
    }
  }

  private static String script() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SCRIPT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
