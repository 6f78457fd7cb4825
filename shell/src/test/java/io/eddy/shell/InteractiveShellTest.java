package io.eddy.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.jdbc.EddyDriver;
import io.eddy.jdbc.EngineOpener;
import io.eddy.shell.format.OutputFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell on a virtual xterm (jline's external terminal over pipes, the way a pty
 * feeds it): keystrokes in, screen bytes out. Completion offers catalog names, SUBSCRIBE shows a
 * table redrawn in place as rows change, Ctrl-C returns to the prompt, backslash commands work.
 */
class InteractiveShellTest {
  @TempDir Path dir;
  private final EddyDriver driver = new EddyDriver(EngineOpener.embedded());
  private final Screen screen = new Screen();
  private final PipedOutputStream keys = new PipedOutputStream();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private String url;
  private PipedInputStream keyboard;

  @BeforeEach
  void keyboard() throws IOException {
    url = "jdbc:eddy:dir=" + dir;
    keyboard = new PipedInputStream(keys, 1 << 16);
  }

  /** Collects everything written, from any thread. */
  private static final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized String raw() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What a reader sees: the bytes without ANSI escape sequences (colours, cursor moves). */
    String text() {
      return raw().replaceAll("\u001b\\[[0-9;?]*[a-zA-Z]", "");
    }

    String awaitContains(String s) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 20_000;
      while (!text().contains(s)) {
        if (System.currentTimeMillis() > deadline) {
          StringBuilder threads = new StringBuilder();
          Thread.getAllStackTraces().forEach((t, st) -> {
            threads.append(t.getName()).append('\n');
            for (int i = 0; i < Math.min(8, st.length); i++) {
              threads.append("    ").append(st[i]).append('\n');
            }
          });
          throw new AssertionError("screen never showed '" + s + "':\n" + text() + "\nDEBUG\n" + threads);
        }
        Thread.sleep(20);
      }
      return text();
    }
  }

  @Test
  void completionLiveTableCancelAndCommands() throws Exception {
    try (Connection setup = driver.connect(url, new Properties());
        Connection shellConnection = driver.connect(url, new Properties())) {
      try (Statement s = setup.createStatement()) {
        s.execute("CREATE STREAM bids (auction BIGINT, price BIGINT, bidder VARCHAR)");
        s.execute("CREATE VIEW hot AS SELECT auction, COUNT(*) AS n FROM bids GROUP BY auction");
        s.execute("INSERT INTO bids VALUES (1, 10, 'ann')");
      }
      Future<Integer> shell = startShell(shellConnection);

      screen.awaitContains("eddy> ");
      type("SELECT * FROM bid\t");
      String afterTab = screen.awaitContains("bidder");
      assertTrue(afterTab.contains("bids"), afterTab);

      type("\u0015SUBSCRIBE TO hot;\r");
      screen.awaitContains("1 change");
      try (Statement s = setup.createStatement()) {
        s.execute("INSERT INTO bids VALUES (1, 20, 'bob'), (2, 5, 'cy')");
      }
      screen.awaitContains("2 rows");
      assertTrue(screen.raw().contains("\u001b[J"), "the table is redrawn in place");
      assertTrue(screen.raw().contains("\u001b[34;1mSELECT"), "keywords are highlighted");
      type("\u0003");
      screen.awaitContains("subscription ended");

      type("\\d hot\r");
      screen.awaitContains("nullable");
      type("\\q\r");
      assertEquals(0, shell.get(20, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void liveTableStatusShowsWatermarkAndLateRows() throws Exception {
    try (Connection setup = driver.connect(url, new Properties());
        Connection shellConnection = driver.connect(url, new Properties());
        Statement s = setup.createStatement()) {
      s.execute("CREATE STREAM clicks (page VARCHAR, ts TIMESTAMP(3), "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      s.execute("CREATE VIEW per_window AS SELECT window_start, COUNT(*) AS n FROM "
          + "TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
          + "GROUP BY window_start, window_end");
      s.execute("INSERT INTO clicks VALUES ('a', TIMESTAMP '2024-01-01 00:00:01'), "
          + "('b', TIMESTAMP '2024-01-01 00:00:25')");
      Future<Integer> shell = startShell(shellConnection);
      screen.awaitContains("eddy> ");
      type("SUBSCRIBE TO per_window;\r");
      screen.awaitContains("watermark 2024-01-01T00:00:24Z, 0 late rows");
      // behind the watermark: dropped from its closed window, and counted, without any change
      s.execute("INSERT INTO clicks VALUES ('c', TIMESTAMP '2024-01-01 00:00:02')");
      screen.awaitContains("watermark 2024-01-01T00:00:24Z, 1 late row (Ctrl-C stops)");
      type("\u0003");
      screen.awaitContains("subscription ended after 2 changes");
      type("\\q\r");
      assertEquals(0, shell.get(20, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void copyShowsAProgressBarWhileItRuns() throws Exception {
    Path file = dir.resolve("clicks.csv");
    StringBuilder csv = new StringBuilder("page,n\n");
    for (int i = 0; i < 200_000; i++) {
      csv.append("page-").append(i % 977).append(',').append(i).append('\n');
    }
    Files.writeString(file, csv);
    try (Connection setup = driver.connect(url, new Properties());
        Connection shellConnection = driver.connect(url, new Properties());
        Statement s = setup.createStatement()) {
      s.execute("CREATE STREAM clicks (page VARCHAR, n BIGINT)");
      Future<Integer> shell = startShell(shellConnection);
      screen.awaitContains("eddy> ");
      type("COPY clicks FROM '" + file + "';\r");
      String done = screen.awaitContains("COPY 200000");
      assertTrue(done.matches("(?s).*COPY clicks \\[[#-]{20}\\] +\\d+%  \\d+\\.\\d MB / \\d+\\.\\d MB  "
          + "\\d+ rows  \\d+ rows/s.*COPY 200000.*"), done);
      assertTrue(screen.raw().contains("\r\u001b[KCOPY 200000"), "the bar is erased before the result");
      type("\\q\r");
      assertEquals(0, shell.get(20, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs the interactive shell over {@code connection} on a virtual 120x40 xterm. */
  private Future<Integer> startShell(Connection connection) {
    PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
    StatementRunner runner = new StatementRunner(connection, OutputFormat.TABLE, out, -1);
    ScriptCommand script = new ScriptCommand(runner, new ErrorReporter(out, false), null);
    // jline's external terminal interprets the key bytes like a tty line discipline (Ctrl-C raises
    // INT in-process), which a kernel pty would instead signal to its own process group.
    InteractiveShell.TerminalFactory terminals = () -> {
      Terminal t = new ExternalTerminal("test", "xterm", keyboard, screen, StandardCharsets.UTF_8);
      t.setSize(new org.jline.terminal.Size(120, 40));
      return t;
    };
    return pool.submit(() ->
        new InteractiveShell(script, runner, dir.resolve("history"), connection, terminals).run());
  }

  private void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }
}
