package io.eddy.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code eddy demo}: creates a small example in a fresh data directory — a stream {@code bids},
 * a few rows and a view {@code hot} — showing each statement and its status, then opens the
 * shell on it (interactive, or the given {@code -e}/{@code -f} scripts). The directory is a new
 * temporary one unless {@code --data-dir} names one.
 */
final class DemoCommand {
  static final String SCRIPT = "demo.sql";
  private final ShellIo io;

  DemoCommand(ShellIo io) {
    this.io = io;
  }

  /** Sets up the demo and runs the shell; returns the exit status. */
  int run(List<String> args) throws IOException {
    List<String> all = new ArrayList<>(args);
    if (!all.contains("--data-dir") && !all.contains("-d")) {
      all.addAll(List.of("--data-dir", Files.createTempDirectory("eddy-demo").toString()));
    }
    ShellOptions options = ShellOptions.parse(all);
    io.out().println("Creating the Eddy demo in " + options.dataDir().toAbsolutePath());
    ShellCommand shell = new ShellCommand(io);
    int status = shell.run(options.running(script()));
    if (status != 0) {
      return status;
    }
    if (!options.scripted()) {
      io.out().println("Try: SELECT * FROM hot;  SUBSCRIBE TO hot;  (Ctrl-C stops it, \\q quits)");
    }
    return shell.run(options);
  }

  private static String script() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SCRIPT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
