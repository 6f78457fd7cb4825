package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

/**
 * Maps engine errors to {@link SQLException}s: an {@link EddyException} anywhere in the cause
 * chain becomes a {@code SQLException} with its SQLSTATE and its rendered message (position and
 * caret excerpt included, never a stack trace); anything else is an internal error (SQLSTATE
 * XX000) that says it is a bug. The original exception stays attached as the cause.
 */
final class SqlErrors {
  static final String CANCELLED_STATE = ErrorCode.CANCELLED.sqlState();
  /** What Avatica's client puts before every message the server sent. */
  private static final String REMOTE_PREFIX = "Remote driver error: ";

  private SqlErrors() {}

  /** Translates any failure of a driver call. */
  static SQLException translate(Throwable failure) {
    EddyException eddy = find(failure);
    if (eddy != null) {
      return new SQLException(eddy.getMessage(), eddy.sqlState(), eddy);
    }
    AvaticaClientRuntimeException remote = findRemote(failure);
    if (remote != null) {
      // an error the server sent: its message and SQLSTATE as the engine made them
      String message = remote.getMessage();
      if (message != null && message.startsWith(REMOTE_PREFIX)) {
        message = message.substring(REMOTE_PREFIX.length());
      }
      return new SQLException(message, remote.getSqlState(), remote);
    }
    if (failure instanceof SQLException sql) {
      return sql;
    }
    return new SQLException("internal error (this is a bug in Eddy, please report it): "
        + failure, ErrorCode.INTERNAL.sqlState(), failure);
  }

  /** The error a cancelled or closed statement reports. */
  static SQLException cancelled() {
    return new SQLException("statement cancelled", CANCELLED_STATE);
  }

  private static AvaticaClientRuntimeException findRemote(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof AvaticaClientRuntimeException e) {
        return e;
      }
    }
    return null;
  }

  private static EddyException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof EddyException e) {
        return e;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
