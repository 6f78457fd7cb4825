package io.eddy.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/**
 * A connection to an embedded engine: Avatica's connection plumbing over an {@link EddyMeta}. Its
 * one addition is error translation: Avatica wraps failures in SQLExceptions without SQLSTATE and
 * with its own message prefixes; here every execution path reports the engine's error as is
 * ({@link SqlErrors}). Identifiers are quoted with backticks and matched case-insensitively.
 */
final class EddyConnection extends AvaticaConnection {

  EddyConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
    properties.put(InternalProperty.QUOTING, Quoting.BACK_TICK);
    properties.put(InternalProperty.CASE_SENSITIVE, false);
    properties.put(InternalProperty.QUOTED_CASING, Casing.UNCHANGED);
    properties.put(InternalProperty.UNQUOTED_CASING, Casing.UNCHANGED);
  }

  /** The connection's properties (URL and info merged); valid during construction. */
  Properties connectProperties() {
    return info;
  }

  /**
   * Ends the statement's subscription or running execution at once. Any thread. (Remote: the
   * cancel flag alone ends a waiting subscription within one long poll.)
   */
  void cancelStatement(Meta.StatementHandle h) {
    if (meta instanceof EddyMeta embedded) {
      embedded.cancel(h);
    }
  }

  /** The status message of the statement's last execution, or null (always null remotely). */
  String statusMessage(Meta.StatementHandle h) {
    return meta instanceof EddyMeta embedded ? embedded.status(h) : null;
  }

  /** The progress of the statement's running execution, or null (always null remotely). */
  StatementProgress progress(Meta.StatementHandle h) {
    return meta instanceof EddyMeta embedded ? embedded.progress(h) : null;
  }

  /** The embedded connection's Meta (for the server, which serves it). */
  EddyMeta eddyMeta() {
    return (EddyMeta) meta;
  }

  /** Opens the server side of a remote connection; call once, right after construction. */
  void openRemote() {
    meta.openConnection(handle, java.util.Map.of());
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    checkOpen();
    try {
      Meta.StatementHandle h = meta.prepare(handle, sql, -1);
      return factory.newPreparedStatement(this, h, h.signature, resultSetType,
          resultSetConcurrency, resultSetHoldability);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override
  protected Meta.ExecuteResult prepareAndExecuteInternal(AvaticaStatement statement, String sql,
      long maxRowCount) throws SQLException, NoSuchStatementException {
    try {
      return super.prepareAndExecuteInternal(statement, sql, maxRowCount);
    } catch (RuntimeException | SQLException e) {
      throw SqlErrors.translate(e);
    }
  }

  @Override
  protected ResultSet executeQueryInternal(AvaticaStatement statement, Meta.Signature signature,
      Meta.Frame firstFrame, QueryState state, boolean isUpdate) throws SQLException {
    try {
      return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
    } catch (RuntimeException | SQLException e) {
      throw SqlErrors.translate(e);
    }
  }
}
