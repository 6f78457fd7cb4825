package io.eddy.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code eddy shell}: connects to the data directory through JDBC, then runs the given script
 * ({@code -e}/{@code -f}), the statements piped to its standard input, or an interactive
 * session on a terminal. History is kept per data
 * directory, in {@code <data-dir>/.eddy_history} (with {@code --connect}: {@code ~/.eddy_history}).
 */
final class ShellCommand {
  private final ShellIo io;

  ShellCommand(ShellIo io) {
    this.io = io;
  }

  /** Runs the shell; returns the exit status. */
  int run(ShellOptions options) throws IOException {
    ErrorReporter errors = new ErrorReporter(io.err(), options.verbose());
    try (Connection connection = io.connections().open(options.url())) {
      StatementRunner runner =
          new StatementRunner(connection, options.format(), io.out(), options.limit());
      ScriptCommand script = new ScriptCommand(runner, errors, options.echo() ? io.out() : null);
      if (options.scripted()) {
        return script.run(options);
      }
      if (io.in() != System.in || System.console() == null) {
        // piped input (eddy shell < file.sql): a script, without prompts
        return script.runScript(new String(io.in().readAllBytes(), StandardCharsets.UTF_8), "")
            ? 0 : 1;
      }
      return new InteractiveShell(script, runner, options.history(), connection,
          InteractiveShell::systemTerminal).run();
    } catch (SQLException e) {
      errors.report("", e);
      return 1;
    }
  }
}
