package io.eddy.shell;

import io.eddy.bench.BenchMain;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code eddy} command. Subcommands: {@code shell} (the default), {@code server}, {@code demo},
 * {@code bench} (launches the bench module's benchmarks, which use the engine in process),
 * {@code help}. Exit status: 0 on success, 1 when a statement failed, 2 on misuse.
 */
public final class Main {
  static final String USAGE = """
      Usage: eddy <command> [options]

      Commands:
        shell   Run SQL against a data directory (interactive unless -e or -f is given)
        server  Run the streams and views of a config file and serve them over JDBC
        demo    A live auction site (Nexmark events at a steady rate, three standing views)
                and the shell on it
        bench   Run a benchmark: bench nexmark --query q0 ... (see eddy bench --help)
        help    Show this text

      Shell options (also accepted by demo):
        -d, --data-dir DIR     data directory of the embedded engine (default ./eddy-data)
        --connect URL          use an Eddy server instead (jdbc:eddy:url=http://host:8765[;token=T])
        -e, --execute SQL      run these statements (';'-separated); repeatable
        -f, --file FILE        run the statements of FILE; repeatable, after -e
        --format FORMAT        table (default), csv or json
        --limit N              stop a SUBSCRIBE after N changes (scripts only)
        -a, --echo             print each statement before running it
        -v, --verbose          show stack traces of internal errors

      Demo options:
        --rate N               events per second (default 200)
        --no-shell             print a snapshot of every view each second instead of a shell
        --seconds N            how long --no-shell runs (default 5)

      Server options:
        -c, --config FILE      the config file (YAML or JSON): engine, server, statements
        --plan                 print what starting would keep, rebuild, create and drop; apply nothing
      """;

  private final ShellIo io;

  Main(ShellIo io) {
    this.io = io;
  }

  public static void main(String[] args) {
    System.exit(new Main(ShellIo.system()).run(args));
  }

  /** Runs one command line; returns the exit status. */
  int run(String... args) {
    List<String> all = Arrays.asList(args);
    boolean implicitShell = all.isEmpty()
        || (all.get(0).startsWith("-") && !all.get(0).equals("--help") && !all.get(0).equals("-h"));
    String command = implicitShell ? "shell" : all.get(0);
    List<String> rest = implicitShell ? all : all.subList(1, all.size());
    try {
      return switch (command) {
        case "shell" -> new ShellCommand(io).run(ShellOptions.parse(rest));
        case "demo" -> new DemoCommand(io).run(rest);
        case "server" -> new io.eddy.shell.server.ServerCommand(io.out()).run(rest);
        case "bench" -> bench(rest);
        case "help", "--help", "-h" -> help();
        default -> misuse("unknown command '" + command + "'");
      };
    } catch (IllegalArgumentException e) {
      return misuse(e.getMessage());
    } catch (Exception e) {
      new ErrorReporter(io.err(), all.contains("--verbose") || all.contains("-v")).report("", e);
      return 1;
    }
  }

  private int bench(List<String> args) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
      io.out().print(BenchMain.USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    try {
      return BenchMain.run(args, io.out(), io.err());
    } catch (IllegalArgumentException e) {
      io.err().println("eddy bench: " + e.getMessage());
      io.err().print(BenchMain.USAGE);
      return 2;
    }
  }

  private int help() {
    io.out().print(USAGE);
    return 0;
  }

  private int misuse(String message) {
    io.err().println("eddy: " + message);
    io.err().print(USAGE);
    return 2;
  }
}
