package io.eddy.exec.circuit;

/**
 * Runtime expression errors of one operator (division by zero, a bad CAST, overflow): how many
 * rows raised one, and the last error's message with where it happened. The offending rows are
 * skipped; the query keeps running. Written by the query's thread, read from any thread.
 */
public final class RowErrors {
  /** One error: its message and when it was recorded ({@link System#nanoTime()}), to order errors of several operators. */
  public record Last(String message, long nanoTime) {}

  private final String where;
  private volatile long count;
  private volatile Last last;

  /** @param where the expression text named in messages, e.g. {@code "/($1, $2)"} */
  public RowErrors(String where) {
    this.where = where;
  }

  /** Adds {@code n} errors of which {@code lastError} was the last (ignored when {@code n == 0}). */
  public void record(long n, Throwable lastError) {
    if (n <= 0) {
      return;
    }
    count += n;
    last = new Last(message(lastError) + (where == null || where.isEmpty() ? "" : " in " + where), System.nanoTime());
  }

  /** Sets the count restored from a checkpoint (the last error's text is not kept). */
  public void restoreCount(long n) {
    count = n;
  }

  public long count() {
    return count;
  }

  /** The last error, or null when there was none. */
  public Last last() {
    return last;
  }

  /** A user-facing text for an exception thrown by generated expression code. */
  public static String message(Throwable e) {
    if (e == null) {
      return "error";
    }
    String m = e.getMessage();
    if (e instanceof ArithmeticException) {
      return m != null && m.contains("/ by zero") ? "division by zero" : "arithmetic error: " + m;
    }
    if (e instanceof NumberFormatException) {
      return "invalid number" + (m == null ? "" : ": " + m);
    }
    return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
  }
}
