package io.eddy.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set over a snapshot or a subscription. For a subscription {@link #next()} blocks until
 * the next change. Once the statement is cancelled or closed, a waiting or later {@code next()}
 * throws a SQLException with SQLSTATE 57014; engine errors keep their SQLSTATE.
 */
final class EddyResultSet extends AvaticaResultSet {
  private final AtomicBoolean cancelled;

  EddyResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
    try {
      this.cancelled = statement.connection.getCancelFlag(statement.handle);
    } catch (NoSuchStatementException e) {
      throw new SQLException("statement is closed", e);
    }
  }

  @Override
  public boolean next() throws SQLException {
    if (cancelled.get()) {
      throw SqlErrors.cancelled();
    }
    try {
      return super.next();
    } catch (RuntimeException | SQLException e) {
      throw cancelled.get() ? SqlErrors.cancelled() : SqlErrors.translate(e);
    }
  }
}
