package io.eddy.jdbc;

import io.eddy.engine.Session;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * The server side of remote JDBC: one {@link Meta} for Avatica's {@code LocalService} that serves
 * an engine to any number of remote connections. Each remote connection gets its own embedded
 * connection (an {@link EddyConnection} with its {@link EddyMeta} and session) on the shared
 * engine, and every call is routed to it by connection id ({@link MetaRouting}); remote statement
 * ids are the embedded statements' ids. A subscription fetch is a long poll: it waits at most
 * {@link #LONG_POLL_MILLIS} for a change, else returns an empty frame that is not done.
 * Engine errors travel with their message and SQLSTATE. Thread-safe; {@link #close} closes every
 * remote connection's session (not the engine, which the caller owns).
 */
public final class ServingMeta implements AutoCloseable {
  /** How long a subscription fetch waits for a change before answering with no rows. */
  public static final long LONG_POLL_MILLIS = 250;

  private final EddyDriver driver;
  private final Map<String, Remote> connections = new ConcurrentHashMap<>();
  private final Meta meta;

  /** Serves sessions opened by {@code sessions} (of an engine the caller owns and keeps open). */
  public ServingMeta(Supplier<Session> sessions) {
    EngineHandle shared = new EngineHandle() {
      @Override
      public Session openSession() {
        return sessions.get();
      }

      @Override
      public void close() {}
    };
    this.driver = new EddyDriver(dir -> shared);
    this.meta = MetaRouting.proxy(id -> remote(id).meta(), new Overrides(),
        ServingMeta::toAvaticaError, ServingMeta::serializable);
  }

  /** The Meta to hand to {@code LocalService}. */
  public Meta meta() {
    return meta;
  }

  /** How many remote connections are open. */
  public int openConnections() {
    return connections.size();
  }

  @Override
  public void close() {
    for (String id : List.copyOf(connections.keySet())) {
      Remote r = connections.remove(id);
      if (r != null) {
        r.close();
      }
    }
  }

  private Remote remote(String id) {
    Remote r = connections.get(id);
    if (r == null) {
      throw new NoSuchConnectionException(id);
    }
    return r;
  }

  /** One remote connection: its embedded connection and open statements. */
  private record Remote(EddyConnection connection, Map<Integer, AvaticaStatement> statements) {
    EddyMeta meta() {
      return connection.eddyMeta();
    }

    void close() {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing a session does not fail; nothing to report to a client that has gone
      }
    }
  }

  /** The calls that create or end connections and statements, and the long-poll fetch. */
  private final class Overrides {
    public void openConnection(Meta.ConnectionHandle ch, Map<String, String> info) {
      connections.computeIfAbsent(ch.id, id -> {
        try {
          return new Remote((EddyConnection) driver.connect(EddyDriver.PREFIX + "dir=.", new Properties()),
              new ConcurrentHashMap<>());
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }

    public void closeConnection(Meta.ConnectionHandle ch) {
      Remote r = connections.remove(ch.id);
      if (r != null) {
        r.close();
      }
    }

    public Meta.StatementHandle createStatement(Meta.ConnectionHandle ch) {
      Remote r = remote(ch.id);
      try {
        AvaticaStatement s = (AvaticaStatement) r.connection().createStatement();
        r.statements().put(s.handle.id, s);
        return new Meta.StatementHandle(ch.id, s.handle.id, null);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    public Meta.StatementHandle prepare(Meta.ConnectionHandle ch, String sql, long maxRowCount) {
      Remote r = remote(ch.id);
      try {
        AvaticaStatement s = (AvaticaStatement) r.connection().prepareStatement(sql);
        r.statements().put(s.handle.id, s);
        return new Meta.StatementHandle(ch.id, s.handle.id, s.handle.signature);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    public void closeStatement(Meta.StatementHandle h) {
      Remote r = connections.get(h.connectionId);
      AvaticaStatement s = r == null ? null : r.statements().remove(h.id);
      if (s != null) {
        try {
          s.close();
        } catch (SQLException e) {
          // already closed
        }
      }
    }

    public Meta.Frame fetch(Meta.StatementHandle h, long offset, int fetchMaxRowCount)
        throws NoSuchStatementException, MissingResultsException {
      return remote(h.connectionId).meta().fetch(h, offset, fetchMaxRowCount, LONG_POLL_MILLIS);
    }
  }

  /** Engine errors as Avatica sends them: message and SQLSTATE intact, no stack trace text. */
  private static RuntimeException toAvaticaError(RuntimeException e) {
    if (e instanceof NoSuchConnectionException || e instanceof AvaticaRuntimeException) {
      return e;
    }
    SQLException sql = SqlErrors.translate(e);
    return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(), sql.getSQLState(),
        AvaticaSeverity.ERROR);
  }

  /**
   * Metadata results hold rows as objects (MetaTable, MetaColumn...), which protobuf cannot
   * carry: they travel as lists of field values.
   */
  private static Object serializable(Object result) {
    if (!(result instanceof Meta.MetaResultSet rs) || rs.signature == null || rs.firstFrame == null
        || rs.signature.cursorFactory.style != Meta.Style.RECORD) {
      return result;
    }
    List<String> names = rs.signature.cursorFactory.fieldNames;
    List<Object> rows = new ArrayList<>();
    for (Object row : rs.firstFrame.rows) {
      List<Object> values = new ArrayList<>(names.size());
      for (String name : names) {
        try {
          Field f = row.getClass().getField(name);
          values.add(f.get(row));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("metadata row " + row.getClass() + " has no field " + name, e);
        }
      }
      rows.add(values);
    }
    return Meta.MetaResultSet.create(rs.connectionId, rs.statementId, rs.ownStatement,
        rs.signature.setCursorFactory(Meta.CursorFactory.LIST), new Meta.Frame(0, true, rows));
  }
}
