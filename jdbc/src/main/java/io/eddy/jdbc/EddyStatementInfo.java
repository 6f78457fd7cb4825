package io.eddy.jdbc;

import java.sql.SQLException;

/**
 * Eddy-specific facts about a statement's last execution, reached through JDBC's wrapper
 * mechanism: {@code statement.unwrap(EddyStatementInfo.class)}.
 */
public interface EddyStatementInfo {

  /**
   * The engine's status message for the last statement that returned no rows (for example
   * {@code "CREATE STREAM"} or {@code "INSERT 3"}); null after a statement that returned rows.
   */
  String statusMessage() throws SQLException;

  /**
   * The progress of the statement's running execution, if it reports one (COPY does), else null.
   * Meant to be polled from another thread while {@code execute} blocks. Embedded connections
   * only: the remote protocol has no channel for it, so remotely this is always null.
   */
  StatementProgress progress() throws SQLException;
}
