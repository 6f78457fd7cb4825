package io.eddy.engine.slt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites SQLite statements of the corpus into Eddy's dialect and remembers the tables it
 * created, per file (not thread-safe; one instance per file run).
 * <ul>
 *   <li>{@code CREATE TABLE} with a PRIMARY KEY stays a table (so DELETE works), without one it
 *       becomes a {@code CREATE STREAM}; SQLite's INTEGER (64-bit) becomes BIGINT, TEXT VARCHAR.</li>
 *   <li>{@code INSERT INTO t(cols) VALUES (...)} is reordered to the table's column order (missing
 *       columns NULL), so consecutive inserts into one table can be batched.</li>
 *   <li>Indexes are physical details: CREATE/DROP INDEX and REINDEX become no-ops.</li>
 *   <li>DROP TABLE of a stream becomes DROP STREAM.</li>
 *   <li>{@code REPLACE INTO} / {@code INSERT OR REPLACE INTO} a table with a primary key becomes
 *       INSERT, which replaces the row of an existing key in Eddy.</li>
 * </ul>
 */
final class SltDialect {
  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*;?");
  private static final Pattern INSERT_COLUMNS =
      Pattern.compile("(?is)INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*(\\(.*\\))\\s*;?");
  private static final Pattern INSERT_VALUES =
      Pattern.compile("(?is)INSERT\\s+INTO\\s+(\\w+)\\s+VALUES\\s*(\\(.*\\))\\s*;?");
  private static final Pattern DROP_TABLE =
      Pattern.compile("(?is)DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(\\w+)\\s*;?");
  private static final Pattern CREATE_VIEW = Pattern.compile("(?is)CREATE\\s+VIEW\\s+(\\w+)\\b.*");
  private static final Pattern DROP_VIEW = Pattern.compile("(?is)DROP\\s+VIEW\\s+(IF\\s+EXISTS\\s+)?(\\w+).*");
  private static final Pattern NO_OP =
      Pattern.compile("(?is)(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX)\\b.*");
  private static final Pattern REPLACE =
      Pattern.compile("(?is)(?:REPLACE|INSERT\\s+OR\\s+REPLACE)\\s+INTO\\s+(\\w+)(.*)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Columns of each table or stream this file created, by lower-case name. */
  private final Map<String, List<String>> columns = new HashMap<>();
  private final Set<String> streams = new HashSet<>();
  private final Set<String> views = new HashSet<>();

  /** What one SQLite statement becomes. */
  sealed interface Translation permits Run, NoOp, Insert {}

  /** Run this Eddy statement. */
  record Run(String sql) implements Translation {}

  /** Nothing to do for Eddy (an index). */
  record NoOp() implements Translation {}

  /** Rows for {@code table}, each already in the table's column order; batchable. */
  record Insert(String table, List<String> rows) implements Translation {
    String sql() {
      return "INSERT INTO " + table + " VALUES " + String.join(", ", rows);
    }
  }

  Translation translate(String sql) {
    String s = sql.trim();
    Matcher m;
    if (NO_OP.matcher(s).matches()) {
      return new NoOp();
    }
    if ((m = CREATE_TABLE.matcher(s)).matches()) {
      return createTable(m.group(1), m.group(2));
    }
    if ((m = REPLACE.matcher(s)).matches() && columns.containsKey(key(m.group(1)))
        && !streams.contains(key(m.group(1)))) {
      s = "INSERT INTO " + m.group(1) + m.group(2);
    }
    if ((m = INSERT_COLUMNS.matcher(s)).matches() && columns.containsKey(key(m.group(1)))) {
      Optional<List<String>> rows = reorder(m.group(1), m.group(2), m.group(3));
      if (rows.isPresent()) {
        return new Insert(m.group(1), rows.get());
      }
    } else if ((m = INSERT_VALUES.matcher(s)).matches() && columns.containsKey(key(m.group(1)))) {
      List<String> rows = SqlLists.splitTopLevel(m.group(2));
      if (rows.stream().allMatch(r -> r.startsWith("(") && r.endsWith(")"))) {
        return new Insert(m.group(1), rows);
      }
    } else if ((m = DROP_TABLE.matcher(s)).matches()) {
      String name = key(m.group(2));
      String kind = streams.contains(name) ? "STREAM" : "TABLE";
      return new Run("DROP " + kind + " " + (m.group(1) != null ? "IF EXISTS " : "") + m.group(2));
    }
    return new Run(s);
  }

  /** Records the effect of a statement that ran successfully. */
  void applied(String sql) {
    String s = sql.trim();
    Matcher m;
    if ((m = DROP_TABLE.matcher(s)).matches()) {
      columns.remove(key(m.group(2)));
      streams.remove(key(m.group(2)));
    } else if ((m = CREATE_VIEW.matcher(s)).matches()) {
      views.add(key(m.group(1)));
    } else if ((m = DROP_VIEW.matcher(s)).matches()) {
      views.remove(key(m.group(2)));
    }
  }

  /** Forgets a CREATE TABLE that Eddy refused. */
  void failed(String sql) {
    Matcher m = CREATE_TABLE.matcher(sql.trim());
    if (m.matches()) {
      columns.remove(key(m.group(1)));
      streams.remove(key(m.group(1)));
    }
  }

  /** Whether the statement creates or drops a table, stream or view. */
  static boolean isDdl(String sql) {
    String s = sql.trim();
    return CREATE_TABLE.matcher(s).matches() || DROP_TABLE.matcher(s).matches()
        || CREATE_VIEW.matcher(s).matches() || DROP_VIEW.matcher(s).matches();
  }

  static boolean isDrop(String sql) {
    String s = sql.trim();
    return DROP_TABLE.matcher(s).matches() || DROP_VIEW.matcher(s).matches();
  }

  static boolean isDropView(String sql) {
    return DROP_VIEW.matcher(sql.trim()).matches();
  }

  /** Tables, streams and views of this file that exist now. */
  Set<String> existing() {
    Set<String> all = new HashSet<>(columns.keySet());
    all.addAll(views);
    return all;
  }

  /** The lower-case words of {@code sql}: a superset of the names it references. */
  static Set<String> words(String sql) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(sql);
    while (m.find()) {
      out.add(key(m.group()));
    }
    return out;
  }

  private Translation createTable(String name, String body) {
    List<String> defs = SqlLists.splitTopLevel(body);
    List<String> cols = new ArrayList<>();
    List<String> out = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    for (String def : defs) {
      String d = def.trim();
      String upper = d.toUpperCase(Locale.ROOT);
      if (upper.startsWith("PRIMARY KEY")) {
        pk.add(d.substring(d.indexOf('(') + 1, d.lastIndexOf(')')).trim());
        continue;
      }
      if (upper.startsWith("UNIQUE")) {
        continue;
      }
      String[] parts = d.split("\\s+", 2);
      String rest = parts.length > 1 ? parts[1] : "";
      String restUpper = rest.toUpperCase(Locale.ROOT);
      if (restUpper.contains("PRIMARY KEY")) {
        pk.add(parts[0]);
      }
      cols.add(key(parts[0]));
      out.add(parts[0] + " " + type(restUpper) + (restUpper.contains("NOT NULL") ? " NOT NULL" : ""));
    }
    columns.put(key(name), cols);
    if (pk.isEmpty()) {
      streams.add(key(name));
      return new Run("CREATE STREAM " + name + " (" + String.join(", ", out) + ")");
    }
    return new Run("CREATE TABLE " + name + " (" + String.join(", ", out) + ", PRIMARY KEY ("
        + String.join(", ", pk) + "))");
  }

  private static String type(String sqlite) {
    Matcher m = Pattern.compile("^(\\w+)(\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?").matcher(sqlite);
    String base = m.find() ? m.group(1) : "";
    return switch (base) {
      case "INTEGER", "INT", "BIGINT", "SMALLINT", "TINYINT" -> "BIGINT";
      case "FLOAT", "REAL", "DOUBLE" -> "DOUBLE";
      case "VARCHAR", "CHAR", "TEXT", "CHARACTER", "" -> "VARCHAR";
      default -> m.group();
    };
  }

  private Optional<List<String>> reorder(String table, String colList, String values) {
    List<String> cols = columns.get(key(table));
    List<String> given = SqlLists.splitTopLevel(colList).stream().map(SltDialect::key).toList();
    if (!cols.containsAll(given)) {
      return Optional.empty();
    }
    List<String> rows = new ArrayList<>();
    for (String row : SqlLists.splitTopLevel(values)) {
      if (!row.startsWith("(") || !row.endsWith(")")) {
        return Optional.empty();
      }
      List<String> vals = SqlLists.splitTopLevel(row.substring(1, row.length() - 1));
      if (vals.size() != given.size()) {
        return Optional.empty();
      }
      List<String> ordered = new ArrayList<>();
      for (String c : cols) {
        int i = given.indexOf(c);
        ordered.add(i < 0 ? "NULL" : vals.get(i));
      }
      rows.add("(" + String.join(", ", ordered) + ")");
    }
    return Optional.of(rows);
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
