package io.eddy.common.error;

/**
 * The catalogue of user-facing error kinds. Each code carries the SQLSTATE that JDBC reports.
 * Internal bugs use {@link #INTERNAL} and say so in their message.
 */
public enum ErrorCode {
  /** The statement text does not parse. */
  SYNTAX("42000"),
  /** A referenced object (stream, table, view, column, function) does not exist. */
  NOT_FOUND("42S02"),
  /** An object with that name exists already. */
  ALREADY_EXISTS("42S01"),
  /** The statement parses but is not valid (types, grouping, unsupported construct). */
  VALIDATION("42000"),
  /** A feature the statement uses is not supported (yet). */
  UNSUPPORTED("0A000"),
  /** The object is in use by others (e.g. DROP of a stream a view depends on). */
  DEPENDENCY("2BP01"),
  /** A value does not fit its column (NOT NULL, type, range). */
  DATA("22000"),
  /** A constraint such as a primary key was violated or is missing. */
  CONSTRAINT("23000"),
  /** A bad setting, URL property or configuration file. */
  CONFIG("HY000"),
  /** A server could not be reached, or the connection to it broke. */
  CONNECTION("08001"),
  /** A server refused the client's credentials (missing or wrong token). */
  AUTHENTICATION("28000"),
  /** A statement was cancelled by its caller. */
  CANCELLED("57014"),
  /** Storage failed (I/O, corruption); the affected partition stops. */
  STORAGE("58030"),
  /** A bug in Eddy. */
  INTERNAL("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
