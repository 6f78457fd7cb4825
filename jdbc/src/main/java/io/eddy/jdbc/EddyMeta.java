package io.eddy.jdbc;

import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Progress;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's view of one connection's {@link Session}: statements are executed by the session,
 * snapshot results travel as one complete frame, and a SUBSCRIBE result stays open and is read
 * frame by frame on demand ({@link SubscriptionFrames}, {@link OnDemandRows}) — never waiting for
 * a full frame and never fetching ahead, unlike Avatica's generic {@code JdbcMeta}.
 *
 * <p>Engine errors propagate as {@link io.eddy.common.error.EddyException}; the connection and
 * statement classes turn them into {@link SQLException}s ({@link SqlErrors}). Statement state is
 * kept in a concurrent map, so {@link #cancel} and {@link #closeStatement} may be called from
 * another thread than the one executing.
 */
final class EddyMeta extends MetaImpl {
  private final Session session;
  private final Runnable onClose;
  private final Map<Integer, StatementState> statements = new ConcurrentHashMap<>();
  private boolean closed;

  /**
   * @param onClose called once when the connection closes, after the session (releases the engine)
   */
  EddyMeta(AvaticaConnection connection, Session session, Runnable onClose) {
    super(connection);
    this.session = session;
    this.onClose = onClose;
    connProps.setAutoCommit(true);
    connProps.setReadOnly(false);
  }

  /** The status message of the statement's last execution (e.g. "CREATE STREAM"), or null. */
  String status(StatementHandle h) {
    StatementState state = statements.get(h.id);
    return state == null ? null : state.status();
  }

  /** The progress of the statement's running execution, or null. Any thread. */
  StatementProgress progress(StatementHandle h) {
    StatementState state = statements.get(h.id);
    Progress p = state != null && state.executing() ? session.progress() : null;
    return p == null ? null
        : new StatementProgress(p.operation(), p.bytesDone(), p.bytesTotal(), p.rows());
  }

  /** Ends the statement's subscription or running execution. Any thread. */
  void cancel(StatementHandle h) {
    StatementState state = statements.get(h.id);
    if (state != null) {
      state.cancel();
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    PreparedQuery query = session.prepare(sql);
    StatementHandle h = createStatement(ch);
    state(h).prepared(query);
    h.signature = new Signature(List.of(), sql, TypeMapping.parameters(query.parameterTypes()),
        Map.of(), CursorFactory.ARRAY, StatementType.SELECT);
    return h;
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try {
      synchronized (callback.getMonitor()) {
        callback.clear();
      }
      MetaResultSet result = run(h, sql, () -> session.execute(sql));
      synchronized (callback.getMonitor()) {
        Signature signature = result.signature != null ? result.signature : signature(sql, List.of());
        callback.assign(signature, result.firstFrame, result.updateCount);
      }
      callback.execute();
      return new ExecuteResult(List.of(result));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) throws NoSuchStatementException {
    return execute(h, parameterValues, -1);
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    PreparedQuery query = preparedQuery(h);
    List<Object> values = ParameterValues.convert(query.parameterTypes(), parameterValues);
    String sql = h.signature == null ? "" : h.signature.sql;
    return new ExecuteResult(List.of(run(h, sql, () -> query.execute(values))));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      String sql = sqlCommands.get(i);
      counts[i] = run(h, sql, () -> session.execute(sql)).updateCount;
    }
    return new ExecuteBatchResult(counts);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    long[] counts = new long[parameterValues.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = execute(h, parameterValues.get(i), -1).resultSets.get(0).updateCount;
    }
    return new ExecuteBatchResult(counts);
  }

  /** Executes on behalf of statement {@code h} and describes the result to Avatica. */
  private MetaResultSet run(StatementHandle h, String sql, Supplier<Result> execution) {
    StatementState state = state(h);
    cancelFlag(h).set(false);
    state.beginExecution();
    Result result;
    try {
      result = execution.get();
    } finally {
      state.endExecution();
    }
    if (result instanceof Result.Status s) {
      state.status(s.message());
      return MetaResultSet.count(h.connectionId, h.id, Math.max(0, s.updateCount()));
    }
    if (result instanceof Subscription s) {
      state.subscribed(s, cancelFlag(h)::get);
      return MetaResultSet.create(h.connectionId, h.id, false,
          signature(sql, TypeMapping.columns(s.columns())), null);
    }
    Result.Rows rows = (Result.Rows) result;
    return MetaResultSet.create(h.connectionId, h.id, false,
        signature(sql, TypeMapping.columns(rows.columns())),
        new Frame(0, true, new ArrayList<Object>(rows.rows())));
  }

  private static Signature signature(String sql, List<ColumnMetaData> columns) {
    return new Signature(columns, sql, List.of(), Map.of(), CursorFactory.ARRAY,
        StatementType.SELECT);
  }

  @Override
  public Iterable<Object> createIterable(StatementHandle h, QueryState queryState,
      Signature signature, List<TypedValue> parameterValues, Frame firstFrame) {
    StatementState state = statements.get(h.id);
    if (firstFrame == null && state != null && state.frames() != null) {
      int fetchSize = fetchSize(h);
      return () -> new OnDemandRows(offset -> state.frames().next(offset, fetchSize),
          state::closeSubscription);
    }
    return super.createIterable(h, queryState, signature, parameterValues, firstFrame);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    return fetch(h, offset, fetchMaxRowCount, Long.MAX_VALUE);
  }

  /**
   * A long-poll fetch for remote clients: like {@link #fetch}, but a subscription waits at most
   * {@code waitMillis} for its next change and otherwise returns an empty frame that is not done.
   */
  Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount, long waitMillis)
      throws NoSuchStatementException, MissingResultsException {
    StatementState state = statements.get(h.id);
    if (state == null) {
      throw new NoSuchStatementException(h);
    }
    if (state.frames() == null) {
      throw new MissingResultsException(h);
    }
    return state.frames().next(offset, fetchMaxRowCount, waitMillis);
  }

  @Override
  public boolean syncResults(StatementHandle h, QueryState state, long offset) {
    return false;
  }

  @Override
  public void closeStatement(StatementHandle h) {
    StatementState state = statements.remove(h.id);
    if (state != null) {
      state.close();
    }
  }

  @Override
  public synchronized void closeConnection(ConnectionHandle ch) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      statements.values().forEach(StatementState::close);
      statements.clear();
      session.close();
    } finally {
      onClose.run();
    }
  }

  /** Every statement commits when it returns; there are no transactions to end. */
  @Override
  public void commit(ConnectionHandle ch) {}

  /** Every statement commits when it returns; there is nothing to roll back. */
  @Override
  public void rollback(ConnectionHandle ch) {}

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return rows(MetaTable.class,
        CatalogMetadata.tables(session.catalog(), tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return rows(MetaColumn.class,
        CatalogMetadata.columns(session.catalog(), tableNamePattern, columnNamePattern));
  }

  /** Eddy has one unnamed namespace: no schemas. */
  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return rows(MetaSchema.class, List.of());
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(MetaTableType.class, CatalogMetadata.tableTypes());
  }

  private MetaResultSet rows(Class<?> rowClass, List<?> rows) {
    return createResultSet(Map.of(), fieldMetaData(rowClass).columns,
        CursorFactory.record(rowClass, null, fieldNames(rowClass)), new Frame(0, true, new ArrayList<Object>(rows)));
  }

  private static List<String> fieldNames(Class<?> rowClass) {
    return Arrays.stream(rowClass.getFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()))
        .map(Field::getName)
        .toList();
  }

  private StatementState state(StatementHandle h) {
    return statements.computeIfAbsent(h.id, id -> new StatementState(session));
  }

  private PreparedQuery preparedQuery(StatementHandle h) throws NoSuchStatementException {
    StatementState state = statements.get(h.id);
    if (state == null || state.prepared() == null) {
      throw new NoSuchStatementException(h);
    }
    return state.prepared();
  }

  private AtomicBoolean cancelFlag(StatementHandle h) {
    try {
      return connection.getCancelFlag(h);
    } catch (NoSuchStatementException e) {
      throw new IllegalStateException("statement " + h.id + " is not open", e);
    }
  }

  private int fetchSize(StatementHandle h) {
    AvaticaStatement statement = connection.statementMap.get(h.id);
    try {
      return statement == null ? AvaticaStatement.DEFAULT_FETCH_SIZE : statement.getFetchSize();
    } catch (SQLException e) {
      return AvaticaStatement.DEFAULT_FETCH_SIZE;
    }
  }
}
