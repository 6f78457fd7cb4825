package io.eddy.shell;

import io.eddy.shell.format.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code eddy shell} (and {@code eddy demo}), validated once.
 *
 * @param dataDir the embedded engine's data directory
 * @param connect the JDBC URL of an Eddy server to use instead, or null
 * @param commands {@code -e} texts, run in order before the {@code -f} files
 * @param files {@code -f} scripts, run in order
 * @param format how results are printed
 * @param limit SUBSCRIBE stops after this many changes in non-interactive mode (-1: never)
 * @param verbose print stack traces of internal errors
 * @param echo print each statement of a script before running it
 */
record ShellOptions(Path dataDir, String connect, List<String> commands, List<Path> files, OutputFormat format,
    long limit, boolean verbose, boolean echo) {
  static final Path DEFAULT_DATA_DIR = Path.of("eddy-data");

  ShellOptions {
    commands = List.copyOf(commands);
    files = List.copyOf(files);
  }

  /** The same options running {@code script} (echoed) instead of their own commands and files. */
  ShellOptions running(String script) {
    return new ShellOptions(dataDir, connect, List.of(script), List.of(), format, -1, verbose, true);
  }

  /** True when there is a script to run instead of an interactive session. */
  boolean scripted() {
    return !commands.isEmpty() || !files.isEmpty();
  }

  /** The JDBC URL to connect to: the server's, or the data directory's. */
  String url() {
    return connect != null ? connect : "jdbc:eddy:dir=" + dataDir.toAbsolutePath();
  }

  /** Where the interactive history is kept: per data directory, or per user for a server. */
  Path history() {
    return connect != null ? Path.of(System.getProperty("user.home"), ".eddy_history")
        : dataDir.resolve(".eddy_history");
  }

  /** Parses the arguments after the subcommand; throws IllegalArgumentException on misuse. */
  static ShellOptions parse(List<String> args) {
    Path dir = DEFAULT_DATA_DIR;
    String connect = null;
    boolean dirGiven = false;
    List<String> commands = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    OutputFormat format = OutputFormat.TABLE;
    long limit = -1;
    boolean verbose = false;
    boolean echo = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--data-dir", "-d" -> {
          dir = Path.of(value(args, ++i, arg));
          dirGiven = true;
        }
        case "--connect" -> connect = connectUrl(value(args, ++i, arg));
        case "-e", "--execute" -> commands.add(value(args, ++i, arg));
        case "-f", "--file" -> files.add(Path.of(value(args, ++i, arg)));
        case "--format" -> format = OutputFormat.parse(value(args, ++i, arg));
        case "--limit" -> limit = parseLimit(value(args, ++i, arg));
        case "--verbose", "-v" -> verbose = true;
        case "--echo", "-a" -> echo = true;
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    if (connect != null && dirGiven) {
      throw new IllegalArgumentException("use either --data-dir or --connect, not both");
    }
    return new ShellOptions(dir, connect, commands, files, format, limit, verbose, echo);
  }

  /** Accepts {@code jdbc:eddy:url=...} URLs, and plain {@code http://host:port} for short. */
  private static String connectUrl(String text) {
    if (text.startsWith("http://") || text.startsWith("https://")) {
      return "jdbc:eddy:url=" + text;
    }
    if (!text.startsWith("jdbc:eddy:url=")) {
      throw new IllegalArgumentException("--connect needs jdbc:eddy:url=http://host:port, not '" + text + "'");
    }
    return text;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("option " + option + " needs a value");
    }
    return args.get(i);
  }

  private static long parseLimit(String text) {
    try {
      long n = Long.parseLong(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--limit needs a number of changes, not '" + text + "'");
  }
}
