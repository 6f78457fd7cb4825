package io.eddy.engine.slt;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQLite-only behaviour recognised from a query and the error Eddy refuses it with, so a run
 * (and a rewritten baseline) classes it {@code SQLITE_QUIRK} with a stated reason rather than as
 * an Eddy bug. Each rule matches a standard-SQL refusal of something SQLite accepts. Stateless.
 */
final class SltQuirks {
  private record Rule(ErrorCode code, Pattern reason, Pattern sql, String why) {}

  private static final Pattern ANY = Pattern.compile("(?s).*");
  private static final List<Rule> RULES = List.of(
      new Rule(ErrorCode.VALIDATION, Pattern.compile("(?s).*is not being grouped.*"), ANY,
          "column outside GROUP BY (SQLite takes any row's value, even where COALESCE/NULLIF never "
              + "evaluates it; standard SQL rejects it)"),
      new Rule(ErrorCode.VALIDATION, Pattern.compile("(?s)Cannot apply '\\+' to arguments of type '\\+<(VAR)?CHAR.*"),
          ANY, "unary + on a text value (SQLite passes the text through; standard SQL rejects it)"),
      new Rule(ErrorCode.VALIDATION, Pattern.compile("(?s)cannot compare (VAR)?CHAR with .*|cannot compare .* with (VAR)?CHAR"),
          ANY, "SQLite compares text with numbers; standard SQL rejects the incompatible types, as Eddy does"),
      new Rule(ErrorCode.SYNTAX, ANY, Pattern.compile("(?is).*\\bIN\\s*\\(\\s*\\).*"),
          "x IN () with an empty list is SQLite-only syntax (a syntax error in standard SQL)"));

  private SltQuirks() {}

  /** The reason {@code sql} is a SQLite quirk, given that Eddy refused it with {@code e}; empty if not one. */
  static Optional<String> of(String sql, EddyException e) {
    for (Rule r : RULES) {
      if (r.code() == e.code() && r.reason().matcher(e.reason()).matches() && r.sql().matcher(sql).matches()) {
        return Optional.of(r.why());
      }
    }
    return Optional.empty();
  }
}
