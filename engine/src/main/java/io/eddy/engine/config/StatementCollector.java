package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.sql.StatementParser;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the statement texts of a config in order and checks them as a whole: valid syntax, only
 * CREATE STREAM/TABLE/VIEW (a config declares objects; it does not write rows), every name
 * created once. Errors are placed in the file the text came from. Not thread-safe.
 */
final class StatementCollector {
  private final List<ConfigStatement> statements = new ArrayList<>();
  private final Map<String, ConfigStatement> byName = new HashMap<>();

  /** Adds the statements of one scalar or file. */
  void add(String text, TextOrigin origin) {
    List<Statement> parsed;
    try {
      parsed = StatementParser.parseScript(text);
    } catch (EddyException e) {
      throw origin.locate(e, text, SourceSpan.at(1, 1), statements.size() + 1);
    }
    for (Statement s : parsed) {
      ConfigStatement cs = new ConfigStatement(statements.size() + 1, s, origin);
      Identifier name = ConfigStatement.nameOf(s);
      if (name == null) {
        throw cs.locate(new EddyException(ErrorCode.CONFIG, "only CREATE STREAM, CREATE TABLE and "
            + "CREATE VIEW belong in a config file", s.span(), s.script(),
            "run other statements through a client (eddy shell --connect)", null));
      }
      ConfigStatement earlier = byName.putIfAbsent(name.key(), cs);
      if (earlier != null) {
        throw cs.locate(new EddyException(ErrorCode.ALREADY_EXISTS, "'" + name.name()
            + "' is created twice (first by statement " + earlier.number() + ", a "
            + earlier.kind().toLowerCase(Locale.ROOT) + ")", name.span(), s.script(),
            "give each stream, table and view its own name", null));
      }
      statements.add(cs);
    }
  }

  List<ConfigStatement> done() {
    return List.copyOf(statements);
  }
}
