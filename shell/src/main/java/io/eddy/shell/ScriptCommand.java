package io.eddy.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The non-interactive shell: runs the {@code -e} texts, then the {@code -f} files, statement by
 * statement in order, and stops at the first error (exit status 1).
 */
final class ScriptCommand {
  private final StatementRunner runner;
  private final ErrorReporter errors;
  private final PrintStream echo;

  /** @param echo where to print each statement before it runs, or null */
  ScriptCommand(StatementRunner runner, ErrorReporter errors, PrintStream echo) {
    this.runner = runner;
    this.errors = errors;
    this.echo = echo;
  }

  /** Runs everything {@code options} names; returns the exit status. */
  int run(ShellOptions options) {
    for (String command : options.commands()) {
      if (!runScript(command, "")) {
        return 1;
      }
    }
    for (Path file : options.files()) {
      String script;
      try {
        script = Files.readString(file);
      } catch (IOException e) {
        errors.report("", new SQLException("cannot read " + file + ": " + e.getMessage(), "58030"));
        return 1;
      }
      if (!runScript(script, file.toString())) {
        return 1;
      }
    }
    return 0;
  }

  /** Runs {@code script}; false after reporting its first error. */
  boolean runScript(String script, String source) {
    for (ScriptSplitter.Piece piece : ScriptSplitter.split(script)) {
      if (echo != null) {
        echo.println(piece.text() + ";");
      }
      try {
        runner.run(piece.text());
      } catch (SQLException | RuntimeException e) {
        errors.report(source.isEmpty() ? "" : source + ":" + piece.line() + ": ", e);
        return false;
      }
    }
    return true;
  }
}
