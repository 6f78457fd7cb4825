package io.eddy.jdbc;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The client side of a remote connection: Avatica's {@code RemoteMeta} (protobuf over HTTP, with
 * {@link TokenHttpClient}) with one change — rows are fetched only when the caller asks for one
 * ({@link OnDemandRows}). Avatica's own iterator fetches the next frame as soon as it hands out
 * the last row of a frame, which would hold every subscription row back until the change after
 * it. The server answers a subscription fetch within a bounded wait (an empty frame when nothing
 * changed); the client asks again unless the statement was cancelled. Stateless.
 */
final class RemoteClient {
  private RemoteClient() {}

  /** The Avatica properties that route {@code spec}'s connection through the remote machinery. */
  static Properties avaticaProperties(ConnectionSpec spec) {
    Properties p = new Properties();
    p.setProperty(BuiltInConnectionProperty.SERIALIZATION.camelName(), "protobuf");
    p.setProperty(BuiltInConnectionProperty.HTTP_CLIENT_FACTORY.camelName(),
        TokenHttpClientFactory.class.getName());
    if (spec.token() != null) {
      p.setProperty(BuiltInConnectionProperty.BEARER_TOKEN.camelName(), spec.token());
    }
    return p;
  }

  /** The names {@link #avaticaProperties} adds (not the user's to set). */
  static boolean isAvaticaProperty(String key) {
    return key.equals(BuiltInConnectionProperty.SERIALIZATION.camelName())
        || key.equals(BuiltInConnectionProperty.HTTP_CLIENT_FACTORY.camelName())
        || key.equals(BuiltInConnectionProperty.BEARER_TOKEN.camelName());
  }

  /** The Meta of a remote connection; call {@code openConnection} on it before use. */
  static Meta createMeta(AvaticaConnection connection, ConnectionSpec spec) {
    Meta remote = new Driver().createMeta(connection);
    Service service = new RemoteProtobufService(new TokenHttpClient(spec.server(), spec.token()),
        new ProtobufTranslationImpl());
    return MetaRouting.proxy(id -> remote, new Overrides(connection, remote, service),
        UnaryOperator.identity(), UnaryOperator.identity());
  }

  /** The methods that differ from {@code RemoteMeta}'s. */
  private static final class Overrides {
    private final AvaticaConnection connection;
    private final Meta remote;
    private final Service service;

    Overrides(AvaticaConnection connection, Meta remote, Service service) {
      this.connection = connection;
      this.remote = remote;
      this.service = service;
    }

    public Iterable<Object> createIterable(Meta.StatementHandle h, QueryState state,
        Meta.Signature signature, List<TypedValue> parameters, Meta.Frame firstFrame) {
      if (firstFrame != null) {
        return remote.createIterable(h, state, signature, parameters, firstFrame);
      }
      int fetchSize = fetchSize(h);
      return () -> new OnDemandRows(offset -> fetch(h, offset, fetchSize), () -> { });
    }

    /**
     * Opens the server side of the connection, as Avatica's remote driver does in its
     * {@code connect} (RemoteMeta's own openConnection expects state that only path sets up).
     */
    public void openConnection(Meta.ConnectionHandle ch, Map<String, String> info) {
      service.apply(new Service.OpenConnectionRequest(ch.id, Map.of()));
    }

    private Meta.Frame fetch(Meta.StatementHandle h, long offset, int fetchSize) {
      try {
        if (connection.getCancelFlag(h).get()) {
          throw new EddyException(ErrorCode.CANCELLED, "statement cancelled");
        }
        return remote.fetch(h, offset, fetchSize);
      } catch (NoSuchStatementException | MissingResultsException e) {
        throw new EddyException(ErrorCode.CANCELLED, "the statement is closed", e);
      }
    }

    private int fetchSize(Meta.StatementHandle h) {
      AvaticaStatement statement = connection.statementMap.get(h.id);
      try {
        return statement == null ? AvaticaStatement.DEFAULT_FETCH_SIZE : statement.getFetchSize();
      } catch (SQLException e) {
        return AvaticaStatement.DEFAULT_FETCH_SIZE;
      }
    }
  }
}
