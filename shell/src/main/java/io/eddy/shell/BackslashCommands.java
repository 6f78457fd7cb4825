package io.eddy.shell;

import java.io.PrintStream;
import java.util.List;

/**
 * The shell's own commands, which start with a backslash and need no semicolon: {@code \help},
 * {@code \d} (list streams, tables and views), {@code \d name} (describe one), {@code \q}. They
 * are rewritten to SQL statements (the shell reaches the engine only through JDBC).
 */
final class BackslashCommands {
  static final List<String> NAMES = List.of("\\help", "\\d", "\\q");

  private BackslashCommands() {}

  /** The SQL a command stands for, "" for \help (printed here), or null if {@code line} is no command. */
  static String translate(String line, PrintStream out) {
    String s = line.strip();
    if (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.equals("\\help") || s.equals("\\?") || s.equals("help")) {
      out.println("""
          Statements end with ';' and may span lines. Tab completes keywords and names.
            CREATE STREAM s (col TYPE, ...) [WITH (partitions = n)]   append-only input
            CREATE TABLE t (..., PRIMARY KEY (k))                      latest row per key
            CREATE VIEW v AS SELECT ...                                a standing query
            INSERT INTO s VALUES (...);  DELETE FROM t WHERE ...;  COPY s FROM 'file.json'
            SELECT ... (a snapshot)      SUBSCRIBE TO v (live; Ctrl-C stops)
            SHOW STREAMS|TABLES|VIEWS|QUERIES;  DESCRIBE x;  EXPLAIN v;  DROP VIEW v
          Shell commands: \\d (list objects), \\d name (describe), \\help, \\q (quit)""");
      out.flush();
      return "";
    }
    if (s.equals("\\d")) {
      return "SHOW STREAMS; SHOW TABLES; SHOW VIEWS;";
    }
    if (s.startsWith("\\d ")) {
      return "DESCRIBE " + s.substring(3).strip() + ";";
    }
    return null;
  }
}
