package io.eddy.jdbc.testing;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.error.SourceSpan;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.SqlType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.CatalogEntry;
import io.eddy.engine.Change;
import io.eddy.engine.PreparedQuery;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import io.eddy.jdbc.EngineHandle;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the engine while the real one is being written (test only). It understands just
 * enough: {@code CREATE STREAM|TABLE t (col TYPE, ...)}, {@code CREATE VIEW v AS SELECT * FROM t},
 * {@code INSERT INTO t VALUES (...)} with literals or {@code ?}, {@code SELECT * FROM t},
 * {@code SUBSCRIBE TO t}. Anything else is a syntax error at line 1, column 1.
 */
public final class InMemoryEngine implements EngineHandle {
  private static final Pattern CREATE =
      Pattern.compile("(?is)\\s*CREATE\\s+(STREAM|TABLE)\\s+(\\w+)\\s*\\((.*)\\)\\s*;?\\s*");
  private static final Pattern VIEW =
      Pattern.compile("(?is)\\s*CREATE\\s+VIEW\\s+(\\w+)\\s+AS\\s+SELECT\\s+\\*\\s+FROM\\s+(\\w+)\\s*;?\\s*");
  private static final Pattern INSERT =
      Pattern.compile("(?is)\\s*INSERT\\s+INTO\\s+(\\w+)\\s+VALUES\\s*(.*?)\\s*;?\\s*");
  private static final Pattern SELECT =
      Pattern.compile("(?is)\\s*SELECT\\s+\\*\\s+FROM\\s+(\\w+)\\s*;?\\s*");
  private static final Pattern SUBSCRIBE =
      Pattern.compile("(?is)\\s*SUBSCRIBE\\s+(?:TO\\s+)?(\\w+)\\s*;?\\s*");

  private final Map<String, Relation> relations = new ConcurrentHashMap<>();
  private volatile boolean closed;

  @Override
  public Session openSession() {
    return new FakeSession();
  }

  @Override
  public void close() {
    closed = true;
  }

  public boolean isClosed() {
    return closed;
  }

  private static final class Relation {
    final String kind;
    final RowType columns;
    final List<Object[]> rows;
    final List<FakeSubscription> subscribers;

    Relation(String kind, RowType columns) {
      this(kind, columns, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    private Relation(String kind, RowType columns, List<Object[]> rows,
        List<FakeSubscription> subscribers) {
      this.kind = kind;
      this.columns = columns;
      this.rows = rows;
      this.subscribers = subscribers;
    }

    /** A view that mirrors this relation: same rows, same subscribers. */
    Relation asView() {
      return new Relation("VIEW", columns, rows, subscribers);
    }
  }

  private final class FakeSession implements Session {
    @Override
    public Result execute(String statement) {
      return prepare(statement).execute(List.of());
    }

    @Override
    public List<Result> executeScript(String script) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PreparedQuery prepare(String sql) {
      Matcher m;
      if ((m = CREATE.matcher(sql)).matches()) {
        Relation r = new Relation(m.group(1).toUpperCase(), parseColumns(m.group(3)));
        String name = m.group(2);
        return query(List.of(), p -> create(name, r, "CREATE " + r.kind));
      }
      if ((m = VIEW.matcher(sql)).matches()) {
        Relation source = relation(m.group(2));
        String name = m.group(1);
        return query(List.of(), p -> create(name, source.asView(), "CREATE VIEW"));
      }
      if ((m = INSERT.matcher(sql)).matches()) {
        Relation r = relation(m.group(1));
        List<String> literals = splitValues(m.group(2));
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
          if (literals.get(i).equals("?")) {
            types.add(r.columns.type(i % r.columns.size()));
          }
        }
        return query(types, p -> insert(r, literals, p));
      }
      if ((m = SELECT.matcher(sql)).matches()) {
        Relation r = relation(m.group(1));
        return query(List.of(), p -> new Result.Rows(r.columns, r.rows));
      }
      if ((m = SUBSCRIBE.matcher(sql)).matches()) {
        Relation r = relation(m.group(1));
        return query(List.of(), p -> new FakeSubscription(r));
      }
      throw new EddyException(ErrorCode.SYNTAX, "cannot parse statement", SourceSpan.at(1, 1),
          sql, "this is the in-memory test engine", null);
    }

    @Override
    public List<CatalogEntry> catalog() {
      List<CatalogEntry> entries = new ArrayList<>();
      relations.forEach((n, r) -> entries.add(new CatalogEntry(n, r.kind, r.columns, "")));
      return entries;
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
  }

  private Result create(String name, Relation r, String message) {
    if (relations.putIfAbsent(name.toLowerCase(), r) != null) {
      throw new EddyException(ErrorCode.ALREADY_EXISTS, name + " exists already");
    }
    return new Result.Status(message, -1);
  }

  private Relation relation(String name) {
    Relation r = relations.get(name.toLowerCase());
    if (r == null) {
      throw new EddyException(ErrorCode.NOT_FOUND, "object '" + name + "' not found");
    }
    return r;
  }

  private static Result insert(Relation r, List<String> literals, List<Object> params) {
    int width = r.columns.size();
    int next = 0;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < literals.size(); i += width) {
      Object[] row = new Object[width];
      for (int c = 0; c < width; c++) {
        String lit = literals.get(i + c);
        row[c] = lit.equals("?") ? params.get(next++) : literal(r.columns.type(c).kind(), lit);
      }
      rows.add(row);
    }
    synchronized (r.rows) {
      r.rows.addAll(rows);
      for (FakeSubscription s : r.subscribers) {
        rows.forEach(row -> s.queue.add(new Change(s.time++, 1, row)));
      }
    }
    return new Result.Status("INSERT " + rows.size(), rows.size());
  }

  private static Object literal(TypeKind kind, String text) {
    String s = text.startsWith("'") ? text.substring(1, text.length() - 1) : text;
    return switch (kind) {
      case BOOLEAN -> Boolean.parseBoolean(s);
      case INT -> Integer.parseInt(s);
      case BIGINT -> Long.parseLong(s);
      case DOUBLE -> Double.parseDouble(s);
      case DECIMAL -> new BigDecimal(s);
      case VARCHAR -> s;
      case TIMESTAMP -> LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      case DATE -> (int) java.time.LocalDate.parse(s).toEpochDay();
    };
  }

  private static List<String> splitValues(String values) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'[^']*'|[^,()\\s]+").matcher(values);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static RowType parseColumns(String defs) {
    List<Column> columns = new ArrayList<>();
    for (String def : defs.split(",(?![^(]*\\))")) {
      String[] parts = def.trim().split("\\s+", 2);
      String type = parts[1].toUpperCase().replaceAll("\\(.*\\)", "").trim();
      TypeKind kind = type.equals("INTEGER") ? TypeKind.INT : TypeKind.valueOf(type);
      columns.add(new Column(parts[0], kind == TypeKind.DECIMAL ? SqlType.decimal(10, 2)
          : SqlType.of(kind)));
    }
    return new RowType(columns);
  }

  private static PreparedQuery query(List<SqlType> types, java.util.function.Function<List<Object>, Result> run) {
    return new PreparedQuery() {
      @Override
      public List<SqlType> parameterTypes() {
        return types;
      }

      @Override
      public Result execute(List<Object> parameters) {
        return run.apply(parameters);
      }
    };
  }

  private static final class FakeSubscription implements Subscription {
    final LinkedBlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    final Relation relation;
    long time;
    volatile boolean closed;

    FakeSubscription(Relation relation) {
      this.relation = relation;
      synchronized (relation.rows) {
        relation.rows.forEach(row -> queue.add(new Change(time++, 1, row)));
        relation.subscribers.add(this);
      }
    }

    @Override
    public RowType columns() {
      List<Column> columns = new ArrayList<>();
      columns.add(new Column("_time", SqlType.of(TypeKind.BIGINT).withNullable(false)));
      columns.add(new Column("_diff", SqlType.of(TypeKind.BIGINT).withNullable(false)));
      columns.addAll(relation.columns.columns());
      return new RowType(columns);
    }

    @Override
    public Change poll(long timeout, TimeUnit unit) throws InterruptedException {
      if (closed) {
        throw new EddyException(ErrorCode.CANCELLED, "subscription closed");
      }
      return queue.poll(timeout, unit);
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
      relation.subscribers.remove(this);
    }
  }
}
