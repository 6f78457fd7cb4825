package io.eddy.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement: parsed and planned once by the engine, executed with the bound {@code ?}
 * values (never spliced into the text). Streams, LOBs, row ids and XML have no Eddy type and are
 * refused; everything else is Avatica's parameter handling.
 */
final class EddyPreparedStatement extends AvaticaPreparedStatement implements EddyStatementInfo {

  EddyPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
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

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    setString(parameterIndex, value);
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw unsupported("ROWID");
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    throw unsupported("character stream");
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    throw unsupported("character stream");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    throw unsupported("character stream");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    throw unsupported("character stream");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    throw unsupported("stream");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    throw unsupported("stream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    throw unsupported("stream");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    throw unsupported("stream");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw unsupported("CLOB");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    throw unsupported("CLOB");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("BLOB");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    throw unsupported("BLOB");
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    throw unsupported("NCLOB");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw unsupported("NCLOB");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    throw unsupported("NCLOB");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw unsupported("SQLXML");
  }

  private static SQLException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " parameters are not supported by Eddy");
  }
}
