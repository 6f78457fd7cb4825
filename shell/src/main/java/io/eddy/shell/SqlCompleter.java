package io.eddy.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: keywords, backslash commands, and the names of streams, tables, views and
 * their columns, read through JDBC's DatabaseMetaData at each completion (so new objects appear
 * at once).
 */
final class SqlCompleter implements Completer {
  private final Connection connection;

  SqlCompleter(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    if (line.wordIndex() == 0 && line.word().startsWith("\\")) {
      for (String c : BackslashCommands.NAMES) {
        candidates.add(new Candidate(c));
      }
      return;
    }
    for (String k : SqlVocabulary.KEYWORDS) {
      candidates.add(new Candidate(k, k, "keyword", null, null, null, true));
    }
    try {
      DatabaseMetaData md = connection.getMetaData();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          candidates.add(new Candidate(rs.getString("TABLE_NAME"), rs.getString("TABLE_NAME"),
              rs.getString("TABLE_TYPE").toLowerCase(), null, null, null, true));
        }
      }
      TreeSet<String> columns = new TreeSet<>();
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
      for (String c : columns) {
        candidates.add(new Candidate(c, c, "column", null, null, null, true));
      }
    } catch (SQLException e) {
      // no catalog names this time; keywords still complete
    }
  }
}
