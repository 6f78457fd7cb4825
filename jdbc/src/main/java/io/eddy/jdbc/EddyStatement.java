package io.eddy.jdbc;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A plain statement. {@link #cancel()} reaches the engine at once (ending a SUBSCRIBE or a
 * running execution) before Avatica's own bookkeeping, which may wait for the statement's lock.
 */
final class EddyStatement extends AvaticaStatement implements EddyStatementInfo {

  EddyStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public void cancel() throws SQLException {
    ((EddyConnection) connection).cancelStatement(handle);
    super.cancel();
  }

  @Override
  public String statusMessage() throws SQLException {
    checkOpen();
    return ((EddyConnection) connection).statusMessage(handle);
  }

  @Override
  public StatementProgress progress() throws SQLException {
    checkOpen();
    return ((EddyConnection) connection).progress(handle);
  }
}
