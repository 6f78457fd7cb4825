package io.eddy.engine.script;

import java.util.List;

/** What a step actually produced, in text form. */
sealed interface Observed {

  /** A statement without rows; {@code count} is -1 when it reports no update count. */
  record Status(long count) implements Observed {}

  /** The statement (or the poll of a subscription) threw. */
  record Failure(Throwable error, String sql) implements Observed {}

  /** A table of formatted cells: rows of a SELECT, or consolidated changes with {@code _diff} first. */
  record Table(List<String> header, List<List<String>> rows) implements Observed {}
}
