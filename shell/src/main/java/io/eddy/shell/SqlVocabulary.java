package io.eddy.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words the shell completes and highlights: Eddy's statement keywords and common SQL. */
final class SqlVocabulary {
  static final List<String> KEYWORDS = List.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "AS", "AND", "OR",
      "NOT", "NULL", "IS", "IN", "EXISTS", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT",
      "UNION", "ALL", "INTERSECT", "EXCEPT", "JOIN", "LEFT", "RIGHT", "FULL", "OUTER", "INNER", "ON", "USING",
      "CREATE", "STREAM", "TABLE", "VIEW", "IF", "PRIMARY", "KEY", "WITH", "WATERMARK", "FOR", "INTERVAL",
      "EMIT", "CHANGES", "WINDOW", "CLOSE", "INSERT", "INTO", "VALUES", "DELETE", "DROP", "SHOW", "STREAMS",
      "TABLES", "VIEWS", "QUERIES", "DESCRIBE", "EXPLAIN", "PLAN", "STATE", "SUBSCRIBE", "TO", "SET", "COPY",
      "COUNT", "SUM", "AVG", "MIN", "MAX", "COALESCE", "CAST", "TUMBLE", "HOP", "SESSION", "CUMULATE",
      "DESCRIPTOR", "BOOLEAN", "INT", "BIGINT", "DOUBLE", "DECIMAL", "VARCHAR", "TIMESTAMP", "DATE", "TRUE",
      "FALSE", "ASC", "DESC", "UPDATE", "REPLACE", "LATE", "PROCTIME", "SYSTEM_TIME", "OF", "OVER",
      "PARTITION", "ROWS", "RANGE", "PRECEDING", "FOLLOWING", "UNBOUNDED", "CURRENT", "ROW", "ROW_NUMBER",
      "RANK", "DENSE_RANK", "NULLIF", "INTEGER", "SMALLINT", "TINYINT", "FLOAT", "REAL", "CHAR", "STRING",
      "LATERAL", "CROSS", "NATURAL");

  static final Set<String> KEYWORD_SET = new TreeSet<>(KEYWORDS);

  private SqlVocabulary() {}

  static boolean isKeyword(String word) {
    return KEYWORD_SET.contains(word.toUpperCase(Locale.ROOT));
  }
}
