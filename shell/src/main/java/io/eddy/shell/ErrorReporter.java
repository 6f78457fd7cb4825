package io.eddy.shell;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.io.PrintStream;
import java.sql.SQLException;

/**
 * Prints failures the way users should see them: a user error (a SQLException with a SQLSTATE
 * other than XX000, or a non-internal EddyException) as its message, which already holds the position and caret excerpt; anything
 * else as one line saying it is a bug, with the stack trace only when verbose.
 */
final class ErrorReporter {
  private static final String INTERNAL_STATE = "XX000";
  private final PrintStream err;
  private final boolean verbose;

  ErrorReporter(PrintStream err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  /** Reports {@code failure}, prefixed by {@code where} (e.g. "script.sql:3: ") when not empty. */
  void report(String where, Throwable failure) {
    if (isUserError(failure)) {
      err.println(where + "ERROR: " + failure.getMessage());
    } else {
      err.println(where + "internal error (this is a bug in Eddy, please report it): "
          + firstLine(failure.getMessage() == null ? failure.toString() : failure.getMessage())
          + (verbose ? "" : " (run with --verbose for details)"));
      if (verbose) {
        failure.printStackTrace(err);
      }
    }
    err.flush();
  }

  /** True for a cancelled statement (SQLSTATE 57014). */
  static boolean isCancellation(Throwable failure) {
    return failure instanceof SQLException e && "57014".equals(e.getSQLState());
  }

  private static boolean isUserError(Throwable failure) {
    if (failure instanceof EddyException e) {
      return e.code() != ErrorCode.INTERNAL; // the server command's config errors
    }
    return failure instanceof SQLException e && e.getSQLState() != null
        && !INTERNAL_STATE.equals(e.getSQLState());
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
