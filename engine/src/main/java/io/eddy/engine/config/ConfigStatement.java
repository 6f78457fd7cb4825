package io.eddy.engine.config;

import io.eddy.common.error.EddyException;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateStreamAs;
import io.eddy.sql.ast.CreateTable;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.Statement;
import java.util.Locale;

/**
 * One CREATE statement of a config file, with where it came from.
 *
 * @param number 1-based position among all statements of the config
 * @param statement the parsed statement (its script is the scalar or file it was read from)
 * @param origin where that script stands in its file
 */
public record ConfigStatement(int number, Statement statement, TextOrigin origin) {

  /** The object the statement creates. */
  public String name() {
    return identifier().name();
  }

  /** STREAM, TABLE or VIEW. */
  public String kind() {
    return kindOf(statement);
  }

  /** The statement's own text, as the catalog stores it. */
  public String text() {
    return statement.text();
  }

  /** The stream the statement's late rows go to ({@code LATE INTO}), if any. */
  java.util.Optional<Identifier> lateInto() {
    if (statement instanceof CreateView c) {
      return c.lateInto();
    }
    return statement instanceof CreateStreamAs c ? c.lateInto() : java.util.Optional.empty();
  }

  Identifier identifier() {
    return nameOf(statement);
  }

  /** {@code error} (raised by this statement's text) placed at its position in the file. */
  public EddyException locate(EddyException error) {
    return origin.locate(error, statement.script(), statement.span(), number);
  }

  static Identifier nameOf(Statement s) {
    if (s instanceof CreateStream c) {
      return c.name();
    } else if (s instanceof CreateTable c) {
      return c.name();
    } else if (s instanceof CreateView c) {
      return c.name();
    } else if (s instanceof CreateStreamAs c) {
      return c.name();
    }
    return null;
  }

  static String kindOf(Statement s) {
    return s instanceof CreateTable ? "TABLE" : s instanceof CreateView ? "VIEW" : "STREAM";
  }

  /** True for streams and tables whose rows users wrote (their log cannot be recomputed). */
  static boolean holdsInput(Statement s) {
    return s instanceof CreateStream || s instanceof CreateTable;
  }

  static String describe(Statement s) {
    return kindOf(s).toLowerCase(Locale.ROOT) + " " + nameOf(s).name();
  }
}
