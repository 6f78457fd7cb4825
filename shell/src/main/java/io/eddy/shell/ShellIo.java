package io.eddy.shell;

import java.io.InputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a command reads and writes, and how it connects: the process's streams and
 * {@link DriverManager} in production, captured streams and a private driver in tests.
 *
 * @param in interactive input
 * @param out results and status lines
 * @param err errors and progress
 * @param connections opens JDBC connections by URL — the shell's only way to the engine
 */
record ShellIo(InputStream in, PrintStream out, PrintStream err, Connections connections) {

  /** Opens a connection for a {@code jdbc:eddy:} URL. */
  @FunctionalInterface
  interface Connections {
    Connection open(String url) throws SQLException;
  }

  static ShellIo system() {
    return new ShellIo(System.in, System.out, System.err, DriverManager::getConnection);
  }
}
