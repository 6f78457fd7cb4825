package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.Column;
import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.engine.Result;
import io.eddy.exec.sink.ViewStore;
import io.eddy.log.Retention;
import io.eddy.log.TopicConfig;
import io.eddy.planner.PlanMode;
import io.eddy.planner.PlannedQuery;
import io.eddy.planner.catalog.Catalog;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.DerivedQuery;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;
import io.eddy.planner.catalog.ViewDef;
import io.eddy.sql.ast.ColumnDef;
import io.eddy.sql.ast.CreateStream;
import io.eddy.sql.ast.CreateStreamAs;
import io.eddy.sql.ast.CreateTable;
import io.eddy.sql.ast.CreateView;
import io.eddy.sql.ast.Drop;
import io.eddy.sql.ast.EmitPolicy;
import io.eddy.sql.ast.Identifier;
import io.eddy.sql.ast.ObjectKind;
import io.eddy.sql.ast.Options;
import io.eddy.sql.ast.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CREATE STREAM / TABLE / VIEW and DROP. Serialised by the engine's DDL lock; each change is
 * applied (topic created, query started) before the new catalog is published and saved.
 * {@code replay} is set while the engine re-runs its saved catalog at start-up: topics then exist
 * already and keep their data.
 */
final class DdlHandler {
  private final EngineRuntime rt;

  DdlHandler(EngineRuntime rt) {
    this.rt = rt;
  }

  Result createStream(CreateStream s, boolean replay) {
    synchronized (rt.ddlLock) {
      if (exists(s.name(), s.ifNotExists(), s)) {
        return new Result.Status("CREATE STREAM (already exists)", -1);
      }
      RowType type = columns(s.columns(), s);
      int wm = watermarkColumn(type, s.watermark(), s.name(), s);
      long delay = s.watermark().map(w -> w.delayMillis()).orElse(0L);
      int partitions = partitions(s.options(), s);
      boolean proctime = s.watermark().isPresent() && s.watermark().get().proctime();
      StreamDef def = new StreamDef(s.name().name(), type, wm, delay, partitions, s.options().values(), null,
          s.text(), proctime);
      def = createTopic(def, s.options(), s, replay, false);
      commit(rt.catalog().with(def), replay);
      return new Result.Status("CREATE STREAM", -1);
    }
  }

  /** The index of the declared WATERMARK column (a TIMESTAMP of {@code type}), or -1 without one. */
  private static int watermarkColumn(RowType type, java.util.Optional<io.eddy.sql.ast.WatermarkDef> watermark,
      Identifier name, Statement s) {
    if (watermark.isEmpty()) {
      return -1;
    }
    Identifier col = watermark.get().column();
    int wm = type.indexOf(col.name());
    if (wm < 0) {
      throw error(ErrorCode.NOT_FOUND, "watermark column '" + col.name() + "' is not a column of " + name, col, s);
    }
    if (type.type(wm).kind() != TypeKind.TIMESTAMP) {
      throw error(ErrorCode.VALIDATION, "watermark column '" + col.name() + "' must be a TIMESTAMP, not "
          + type.type(wm), col, s);
    }
    return wm;
  }

  Result createTable(CreateTable t, boolean replay) {
    synchronized (rt.ddlLock) {
      if (exists(t.name(), t.ifNotExists(), t)) {
        return new Result.Status("CREATE TABLE (already exists)", -1);
      }
      RowType type = columns(t.columns(), t);
      if (t.primaryKey().isEmpty()) {
        throw error(ErrorCode.CONSTRAINT, "table " + t.name() + " needs a PRIMARY KEY", t.name(), t)
            .withHint("declare one, e.g. PRIMARY KEY (id); for append-only data use CREATE STREAM");
      }
      int[] pk = new int[t.primaryKey().size()];
      List<Column> cols = new ArrayList<>(type.columns());
      for (int i = 0; i < pk.length; i++) {
        Identifier k = t.primaryKey().get(i);
        pk[i] = type.indexOf(k.name());
        if (pk[i] < 0) {
          throw error(ErrorCode.NOT_FOUND, "primary key column '" + k.name() + "' is not a column of "
              + t.name(), k, t);
        }
        cols.set(pk[i], new Column(cols.get(pk[i]).name(), cols.get(pk[i]).type().withNullable(false)));
      }
      if (!connector(t.name().name(), t.options(), t).connector().equals("log")) {
        throw new EddyException(ErrorCode.UNSUPPORTED, "tables are kept in Eddy's own log; connector = '"
            + t.options().get("connector").orElse("") + "' is for streams", t.span(), t.script(), null, null);
      }
      int partitions = partitions(t.options(), t);
      int wm = watermarkColumn(type, t.watermark(), t.name(), t);
      TableDef def = new TableDef(t.name().name(), new RowType(cols), pk, partitions, t.options().values(),
          t.text(), wm, t.watermark().map(w -> w.delayMillis()).orElse(0L));
      if (!replay) {
        rt.forgetCheckpoints(def);
      }
      createTopic(def.key(), partitions, t.options(), t, replay);
      Catalog next = rt.catalog().with(def);
      rt.publish(next);
      try {
        materialize(def, new io.eddy.planner.QueryPlanner(next).plan(
            new io.eddy.sql.ast.QueryText("SELECT * FROM `" + def.name() + "`", 1, 1), "", PlanMode.STANDING));
      } catch (RuntimeException e) {
        rt.publish(rt.catalog().without(def.name()));
        throw e;
      }
      commit(next, replay);
      return new Result.Status("CREATE TABLE", -1);
    }
  }

  /**
   * CREATE VIEW; {@code session} holds the creating session's settings, whose watermark settings
   * (over the engine's) apply to the view's query.
   */
  Result createView(CreateView v, boolean replay, Map<String, String> session) {
    synchronized (rt.ddlLock) {
      if (exists(v.name(), v.ifNotExists(), v)) {
        return new Result.Status("CREATE VIEW (already exists)", -1);
      }
      PlannedQuery plan = planStanding(v.query(), v.emit(), v.name(), v);
      checkUniqueNames(plan.outputType(), v.name(), v);
      ViewDef def = new ViewDef(v.name().name(), plan.outputType(), v.query(), v.emit(), plan.dependencies(),
          v.text());
      StreamDef late = lateStream(v.lateInto(), v.name(), plan, v);
      if (!replay) {
        rt.forgetCheckpoints(def);
      }
      ViewStore store = new ViewStore(def.rowType());
      StandingQuery q = rt.startCheckpointed(def, plan, store, CheckpointSink.of(store),
          WatermarkPolicy.of(rt.config.settings(), session), late);
      rt.materialized.put(def.key(), new Materialized(q, store));
      commit(rt.catalog().with(def), replay);
      return new Result.Status("CREATE VIEW", -1);
    }
  }

  Result createStreamAs(CreateStreamAs c, boolean replay) {
    synchronized (rt.ddlLock) {
      if (exists(c.name(), c.ifNotExists(), c)) {
        return new Result.Status("CREATE STREAM (already exists)", -1);
      }
      PlannedQuery plan = planStanding(c.query(), c.emit(), c.name(), c);
      if (!plan.circuit().insertOnly()) {
        throw error(ErrorCode.VALIDATION, "stream " + c.name() + " would need to retract rows: its query "
            + "aggregates, reads a table, or removes duplicates", c.name(), c)
            .withHint("a stream only grows; use CREATE VIEW for results that change");
      }
      checkUniqueNames(plan.outputType(), c.name(), c);
      int partitions = partitions(c.options(), c);
      StreamDef def = new StreamDef(c.name().name(), plan.outputType(), -1, 0, partitions,
          c.options().values(), new DerivedQuery(c.query(), plan.dependencies()), c.text());
      StreamDef late = lateStream(c.lateInto(), c.name(), plan, c);
      def = createTopic(def, c.options(), c, replay, true);
      if (!replay) {
        rt.forgetCheckpoints(def);
      }
      LogSink sink = new LogSink(rt.topic(def), def.rowType(), rt.signal);
      rt.derived.put(def.key(), rt.startCheckpointed(def, plan, sink, sink, WatermarkPolicy.of(rt.config.settings()),
          late));
      commit(rt.catalog().with(def), replay);
      return new Result.Status("CREATE STREAM", -1);
    }
  }

  private void materialize(CatalogObject def, PlannedQuery plan) {
    materialize(def, plan, WatermarkPolicy.of(rt.config.settings()));
  }

  /**
   * Plans a view's or derived stream's query with its emit policy; an EMIT ON WINDOW CLOSE the
   * query cannot honour is reported at the object's name.
   */
  private PlannedQuery planStanding(io.eddy.sql.ast.QueryText query, EmitPolicy emit, Identifier name, Statement s) {
    try {
      return rt.planner().planView(query, s.script(), emit);
    } catch (EddyException e) {
      if (emit == EmitPolicy.ON_WINDOW_CLOSE && e.code() == ErrorCode.UNSUPPORTED && e.span() == null) {
        throw error(e.code(), e.reason(), name, s);
      }
      throw e;
    }
  }

  /**
   * The stream a query's late rows go to ({@code LATE INTO target}), created with the fixed
   * columns of {@link LateStream} when it does not exist; null without LATE INTO. A query may not
   * read its own late stream.
   */
  private StreamDef lateStream(java.util.Optional<Identifier> target, Identifier query, PlannedQuery plan,
      Statement s) {
    if (target.isEmpty()) {
      return null;
    }
    Identifier name = target.get();
    if (name.key().equals(query.key())) {
      throw error(ErrorCode.VALIDATION, query.name() + " cannot write its late rows into itself", name, s);
    }
    if (plan.dependencies().contains(name.key())) {
      throw error(ErrorCode.VALIDATION, query.name() + " reads " + name.name()
          + ", so it cannot also write its late rows into it", name, s);
    }
    CatalogObject o = rt.catalog().lookup(name.name()).orElse(null);
    if (o == null) {
      createStream((CreateStream) io.eddy.sql.StatementParser.parseOne(LateStream.ddl(name.name())), false);
      o = rt.catalog().lookup(name.name()).orElseThrow();
    }
    try {
      return LateStream.check(o);
    } catch (EddyException e) {
      throw error(e.code(), e.reason(), name, s).withHint("omit the stream to have it created, or create it as "
          + LateStream.ddl(name.name()));
    }
  }

  private void materialize(CatalogObject def, PlannedQuery plan, WatermarkPolicy policy) {
    ViewStore store = new ViewStore(def.rowType());
    StandingQuery q = rt.startCheckpointed(def, plan, store, CheckpointSink.of(store), policy, null);
    rt.materialized.put(def.key(), new Materialized(q, store));
  }

  Result drop(Drop d) {
    synchronized (rt.ddlLock) {
      CatalogObject o = rt.catalog().lookup(d.name().name()).orElse(null);
      String kind = d.kind().name();
      if (o == null) {
        if (d.ifExists()) {
          return new Result.Status("DROP " + kind + " (did not exist)", -1);
        }
        throw error(ErrorCode.NOT_FOUND, kind.toLowerCase(Locale.ROOT) + " '" + d.name().name()
            + "' does not exist", d.name(), d);
      }
      if (!o.kind().equals(kind)) {
        throw error(ErrorCode.VALIDATION, "'" + o.name() + "' is a " + o.kind().toLowerCase(Locale.ROOT)
            + ", not a " + kind.toLowerCase(Locale.ROOT), d.name(), d)
            .withHint("use DROP " + o.kind() + " " + o.name());
      }
      List<String> dependents = rt.catalog().dependents(o.name());
      if (!dependents.isEmpty()) {
        throw error(ErrorCode.DEPENDENCY, "cannot drop " + kind.toLowerCase(Locale.ROOT) + " " + o.name()
            + ": " + String.join(", ", dependents) + (dependents.size() == 1 ? " depends" : " depend")
            + " on it", d.name(), d).withHint("drop the dependent views first");
      }
      List<String> writers = rt.lateWriters(o.key()).stream().map(StandingQuery::name).toList();
      if (!writers.isEmpty()) {
        throw error(ErrorCode.DEPENDENCY, "cannot drop stream " + o.name() + ": " + String.join(", ", writers)
            + (writers.size() == 1 ? " writes its" : " write their") + " late rows into it", d.name(), d)
            .withHint("drop " + String.join(", ", writers) + " first");
      }
      Materialized m = rt.materialized.remove(o.key());
      if (m != null) {
        m.close();
      }
      StandingQuery derived = rt.derived.remove(o.key());
      if (derived != null) {
        derived.close();
      }
      rt.external.detach(o.key());
      rt.forgetCheckpoints(o);
      if (!(o instanceof ViewDef) && rt.log.exists(o.key())) {
        rt.log.delete(o.key());
      }
      commit(rt.catalog().without(o.name()), false);
      return new Result.Status("DROP " + kind, -1);
    }
  }

  private boolean exists(Identifier name, boolean ifNotExists, Statement s) {
    CatalogObject o = rt.catalog().lookup(name.name()).orElse(null);
    if (o == null) {
      return false;
    }
    if (ifNotExists) {
      return true;
    }
    throw error(ErrorCode.ALREADY_EXISTS, o.kind().toLowerCase(Locale.ROOT) + " '" + o.name()
        + "' already exists", name, s).withHint("choose another name, or use IF NOT EXISTS");
  }

  private static RowType columns(List<ColumnDef> defs, Statement s) {
    Set<String> seen = new HashSet<>();
    List<Column> cols = new ArrayList<>();
    for (ColumnDef d : defs) {
      if (!seen.add(d.name().key())) {
        throw error(ErrorCode.VALIDATION, "column '" + d.name().name() + "' is declared twice", d.name(), s);
      }
      cols.add(new Column(d.name().name(), d.type()));
    }
    return new RowType(cols);
  }

  private static void checkUniqueNames(RowType type, Identifier name, Statement s) {
    Set<String> seen = new HashSet<>();
    for (Column c : type.columns()) {
      if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
        throw error(ErrorCode.VALIDATION, name + " would have two columns named '" + c.name()
            + "'", name, s).withHint("give the columns distinct names with AS");
      }
    }
  }

  private static int partitions(Options options, Statement s) {
    String p = options.get("partitions").orElse("1");
    try {
      int n = Integer.parseInt(p.trim());
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new EddyException(ErrorCode.VALIDATION, "partitions must be a whole number from 1 to 1024, not '"
        + p + "'", s.span(), s.script(), null, null);
  }

  /**
   * Creates or connects a stream's log: its topic in Eddy's log, or with {@code connector =
   * 'kafka'} its Kafka topic (connected again on replay; a derived stream's must be empty when
   * created). Returns the definition with the partition count the topic really has.
   */
  private StreamDef createTopic(StreamDef def, Options options, Statement s, boolean replay, boolean derived) {
    ExternalTopics.Connector c = connector(def.name(), options, s);
    if (c.external() && rt.external.offline()) {
      try {
        ExternalTopics.check(c);
      } catch (EddyException e) {
        throw e.span() == null ? e.at(s.span(), s.script()) : e;
      }
    }
    if (!c.external() || rt.external.offline()) {
      createTopic(def.key(), def.partitions(), options, s, replay);
      return def;
    }
    int n;
    try {
      n = rt.external.attach(def, c, derived && !replay);
    } catch (EddyException e) {
      throw e.span() == null ? e.at(s.span(), s.script()) : e;
    }
    return n == def.partitions() ? def : new StreamDef(def.name(), def.rowType(), def.watermarkColumn(),
        def.watermarkDelayMillis(), n, def.options(), def.derived(), def.ddl(), def.proctime());
  }

  private static ExternalTopics.Connector connector(String name, Options options, Statement s) {
    try {
      return ExternalTopics.Connector.of(name, options.values(),
          options.get("partitions").isPresent() ? Optional.of(partitions(options, s)) : Optional.empty());
    } catch (EddyException e) {
      throw e.span() == null ? e.at(s.span(), s.script()) : e;
    }
  }

  private void createTopic(String key, int partitions, Options options, Statement s, boolean replay) {
    TopicConfig config = topicConfig(options, s);
    if (rt.log.exists(key)) {
      if (replay) {
        return;
      }
      rt.log.delete(key);
    }
    rt.log.create(key, partitions, config);
  }

  /** The log settings of a stream's or table's topic from its WITH options ({@code retention}). */
  private static TopicConfig topicConfig(Options options, Statement s) {
    try {
      return new TopicConfig(options.get("retention").map(Retention::parse).orElse(Retention.UNLIMITED));
    } catch (EddyException e) {
      throw e.at(s.span(), s.script());
    }
  }

  private void commit(Catalog next, boolean replay) {
    rt.publish(next);
    if (!replay) {
      rt.saveCatalog();
    }
  }

  static EddyException error(ErrorCode code, String reason, Identifier at, Statement s) {
    return new EddyException(code, reason, at.span() != null ? at.span() : s.span(), s.script(), null, null);
  }
}
