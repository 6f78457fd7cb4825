package io.eddy.engine.script;

import io.eddy.common.type.RowType;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import io.eddy.engine.script.Script.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a {@link Script} against a session and reports, for every step, what it produced next to
 * what was expected. SUBSCRIBE statements run on a second session so that the main session stays
 * free for the statements that cause changes; one subscription is open at a time (a new SUBSCRIBE
 * closes the previous one) and {@code > changes} blocks read from it. Not thread-safe.
 */
public final class ScriptRunner implements AutoCloseable {

  /** A step whose output differs from its expected block. */
  public record Mismatch(int line, String statement, List<String> expected, List<String> actual) {}

  /**
   * @param actualText the script with every expected block replaced by the actual output
   * @param problems further failures that have no place in the text (e.g. {@code _time} going back)
   */
  public record Outcome(String actualText, List<Mismatch> mismatches, List<String> problems) {
    public boolean passed() {
      return mismatches.isEmpty() && problems.isEmpty();
    }
  }

  private final Session session;
  private final Session subscriber;
  private final ChangeCollector changes;
  private Subscription current;

  public ScriptRunner(Session session, Session subscriber, ChangeCollector changes) {
    this.session = session;
    this.subscriber = subscriber;
    this.changes = changes;
  }

  public Outcome run(Script script) {
    List<List<String>> blocks = new ArrayList<>();
    List<Mismatch> mismatches = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Step step : script.steps()) {
      ExpectedBlock exp = ExpectedBlock.parse(step.expected());
      Observed obs = step.isChanges() ? poll(exp, problems) : execute(step.sql(), exp, problems);
      List<String> actual = BlockRenderer.render(exp, obs, !step.isChanges() && orderedByDefault(step.sql()));
      if (!BlockRenderer.matches(step.expected(), actual)) {
        mismatches.add(new Mismatch(step.line(), String.join("\n", step.head()), step.expected(), actual));
        if (obs instanceof Observed.Failure f && !(f.error() instanceof io.eddy.common.error.EddyException)) {
          problems.add(script.name() + ":" + step.line() + ": " + stackTrace(f.error()));
        }
      }
      blocks.add(actual);
    }
    return new Outcome(script.render(blocks), mismatches, problems);
  }

  private Observed execute(String sql, ExpectedBlock exp, List<String> problems) {
    try {
      boolean subscribe = firstWord(sql).equals("SUBSCRIBE");
      Result result = (subscribe ? subscriber : session).execute(sql);
      if (result instanceof Result.Status s) {
        return new Observed.Status(s.updateCount());
      } else if (result instanceof Result.Rows r) {
        return new Observed.Table(header(r.columns(), 0), format(r.columns(), r.rows()));
      }
      closeCurrent();
      current = (Subscription) result;
      return poll(exp, problems);
    } catch (RuntimeException | Error e) {
      return new Observed.Failure(e, sql);
    }
  }

  private Observed poll(ExpectedBlock exp, List<String> problems) {
    if (current == null) {
      return new Observed.Failure(new IllegalStateException("> changes without an open subscription"), "");
    }
    return changes.collect(current, exp, problems);
  }

  static List<String> header(RowType type, int skip) {
    return type.columns().stream().skip(skip).map(c -> c.name()).toList();
  }

  static List<List<String>> format(RowType type, List<Object[]> rows) {
    List<List<String>> out = new ArrayList<>();
    for (Object[] row : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.length; i++) {
        cells.add(i < type.size() ? ValueFormat.format(row[i], type.type(i)) : "!extra(" + row[i] + ")");
      }
      out.add(cells);
    }
    return out;
  }

  /** SELECT with a top-level ORDER BY, DESCRIBE and EXPLAIN compare in order; all else as bags. */
  static boolean orderedByDefault(String sql) {
    String first = firstWord(sql);
    if (first.equals("DESCRIBE") || first.equals("EXPLAIN")) {
      return true;
    }
    String upper = sql.toUpperCase(Locale.ROOT);
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && upper.startsWith("ORDER", i)
          && upper.substring(i + 5).matches("(?s)\\s+BY\\b.*")
          && (i == 0 || !Character.isLetterOrDigit(upper.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  static String firstWord(String sql) {
    String s = sql.strip();
    while (s.startsWith("--")) {
      int nl = s.indexOf('\n');
      s = nl < 0 ? "" : s.substring(nl + 1).strip();
    }
    String[] parts = s.split("[\\s(]+", 2);
    return parts[0].toUpperCase(Locale.ROOT);
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
