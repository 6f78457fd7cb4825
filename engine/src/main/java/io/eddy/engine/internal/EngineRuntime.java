package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.EngineConfig;
import io.eddy.exec.circuit.Circuit;
import io.eddy.exec.circuit.Dataflow;
import io.eddy.engine.internal.parallel.Parallelism;
import io.eddy.exec.circuit.Emitter;
import io.eddy.log.LogStore;
import io.eddy.log.TopicLog;
import io.eddy.log.file.FileLogStore;
import io.eddy.log.file.LogConfig;
import io.eddy.planner.PlannedQuery;
import io.eddy.planner.QueryPlanner;
import io.eddy.planner.codegen.CompiledCache;
import io.eddy.planner.catalog.Catalog;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.codegen.ParamContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything an engine owns: the log, the catalog (published as an immutable snapshot), the
 * materialized views and tables with their running queries. DDL is serialised by {@link #ddlLock};
 * reads and writes run concurrently with it.
 */
public final class EngineRuntime implements AutoCloseable {
  final EngineConfig config;
  final LogStore log;
  /** Streams kept outside the data directory (Kafka). */
  final ExternalTopics external;
  final LogSignal signal = new LogSignal();
  final TableClocks tableClocks = new TableClocks();
  final CatalogStore catalogStore;
  final Object ddlLock = new Object();
  final Map<String, Materialized> materialized = new ConcurrentHashMap<>();
  final Map<String, StandingQuery> derived = new ConcurrentHashMap<>();
  /** Per derived stream (by key) whose query is checkpointed: how far readers may read its log. */
  final Map<String, ReadLimit> readLimits = new ConcurrentHashMap<>();
  final CheckpointSettings checkpoints;
  /** Counting queries ({@link CountingQueryImpl}) by their generated names. */
  final Map<String, StandingQuery> counting = new ConcurrentHashMap<>();
  /** Names the counting queries. */
  final java.util.concurrent.atomic.AtomicLong queryIds = new java.util.concurrent.atomic.AtomicLong();
  private volatile Catalog catalog = Catalog.EMPTY;
  /** Makes the parameter contexts of compiled code; holds one shared type factory. */
  private final QueryPlanner contexts = new QueryPlanner(Catalog.EMPTY);
  /** Compiled expression programs shared by every plan of this engine. */
  private final CompiledCache compiled;

  public EngineRuntime(EngineConfig config) {
    this.config = config;
    this.compiled = new CompiledCache(cacheCapacity(config));
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, "cannot create data directory " + config.dataDir()
          + ": " + e.getMessage(), e);
    }
    LogConfig logConfig = LogConfig.defaults();
    String fsync = config.settings().get("log.fsync");
    if (fsync != null) {
      logConfig = logConfig.withFsync(LogConfig.Fsync.parse(fsync));
    }
    this.log = FileLogStore.open(config.dataDir().resolve("log"), logConfig);
    this.catalogStore = new CatalogStore(config.dataDir(), logConfig.fsync() != LogConfig.Fsync.NONE);
    this.external = new ExternalTopics("true".equals(config.settings().get(ExternalTopics.OFFLINE)));
    this.checkpoints = CheckpointSettings.of(config.settings());
  }

  /** The DDL statements saved by the last run, in order. */
  public List<String> savedCatalog() {
    return catalogStore.load();
  }

  public Catalog catalog() {
    return catalog;
  }

  void publish(Catalog c) {
    catalog = c;
  }

  void saveCatalog() {
    List<String> ddl = new ArrayList<>();
    for (CatalogObject o : catalog.objects()) {
      ddl.add(o.ddl());
    }
    catalogStore.save(ddl);
  }

  QueryPlanner planner() {
    return new QueryPlanner(catalog, compiled);
  }

  /** Hits and misses of the compiled-expression cache. */
  public CompiledCache.Stats compiledCacheStats() {
    return compiled.stats();
  }

  /** {@code codegen.cache_size} (programs kept; 0 disables the cache), default 1024. */
  private static int cacheCapacity(EngineConfig config) {
    String v = config.settings().get("codegen.cache_size");
    if (v == null) {
      return CompiledCache.DEFAULT_CAPACITY;
    }
    try {
      return Math.max(0, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new EddyException(ErrorCode.CONFIG, "codegen.cache_size must be a whole number: " + v);
    }
  }

  TopicLog topic(CatalogObject o) {
    TopicLog t = external.topic(o.key());
    return t != null ? t : log.open(o.key());
  }

  /** What generated code reads for {@code ?} parameters and the statement time. */
  ParamContext paramContext(List<Object> params) {
    return contexts.paramContext(params);
  }

  /** Starts a standing query for a planned circuit, feeding {@code sink}. */
  StandingQuery start(String name, PlannedQuery plan, Emitter sink, List<Object> params) {
    return start(name, plan, sink, params, WatermarkPolicy.of(config.settings()));
  }

  /**
   * As {@link #start(String, PlannedQuery, Emitter, List)}, with the watermark policy for sources
   * that declare a WATERMARK.
   */
  StandingQuery start(String name, PlannedQuery plan, Emitter sink, List<Object> params, WatermarkPolicy policy) {
    return start(name, plan, sink, params, policy, null);
  }

  /**
   * As {@link #start(String, PlannedQuery, Emitter, List, WatermarkPolicy)}; the rows the query
   * drops as late are appended to {@code lateStream} (null: only counted).
   */
  StandingQuery start(String name, PlannedQuery plan, Emitter sink, List<Object> params, WatermarkPolicy policy,
      StreamDef lateStream) {
    return start(name, plan, sink, params, policy, lateStream, Parallelism.of(config.settings()));
  }

  /**
   * As {@link #start(String, PlannedQuery, Emitter, List, WatermarkPolicy, StreamDef)}, run by
   * {@code parallelism} workers (1 when it writes late rows into a stream).
   */
  StandingQuery start(String name, PlannedQuery plan, Emitter sink, List<Object> params, WatermarkPolicy policy,
      StreamDef lateStream, int parallelism) {
    LateStreamSink late = lateStream == null ? null : new LateStreamSink(this, lateStream, name);
    Dataflow circuit = dataflow(name, plan, params, late == null ? parallelism : 1);
    return new StandingQuery(name, circuit, readers(circuit, policy, late != null), sink, signal, late, null).start();
  }

  /** {@code plan}'s circuit, or {@code parallelism} workers' copies of it. */
  private Dataflow dataflow(String name, PlannedQuery plan, List<Object> params, int parallelism) {
    return Parallelism.dataflow(name, parallelism, () -> plan.circuit().instantiate(paramContext(params)));
  }

  /**
   * Starts the standing query of catalog object {@code def} (a view, a table's store, a derived
   * stream) with checkpoints (unless {@code checkpoint.interval} is 0): it resumes from its
   * newest usable checkpoint, and a derived stream's records become visible to readers as its
   * checkpoints commit them.
   *
   * <p>A derived stream kept in a Kafka topic is written in Kafka transactions, committed by its
   * checkpoints ({@link ExternalTopics#transactional}); late rows ({@code lateStream} non-null) are
   * committed to the late stream with the checkpoints ({@link LateStreamSink}). Only with
   * checkpoints off is a query recomputed from the log on restart, as {@link #start} does.
   */
  StandingQuery startCheckpointed(CatalogObject def, PlannedQuery plan, Emitter sink, CheckpointSink state,
      WatermarkPolicy policy, StreamDef lateStream) {
    return startCheckpointed(def, plan, sink, state, policy, lateStream, Parallelism.of(config.settings()));
  }

  /**
   * As {@link #startCheckpointed(CatalogObject, PlannedQuery, Emitter, CheckpointSink, WatermarkPolicy,
   * StreamDef)}, run by {@code parallelism} workers (1 when it writes late rows into a stream); its
   * checkpoints restore only into as many.
   */
  StandingQuery startCheckpointed(CatalogObject def, PlannedQuery plan, Emitter sink, CheckpointSink state,
      WatermarkPolicy policy, StreamDef lateStream, int parallelism) {
    if (checkpoints.intervalMillis() <= 0) {
      String reason = "checkpoints off";
      return start(def.name(), plan, sink, List.of(), policy, lateStream, parallelism).uncheckpointed(reason);
    }
    if (state instanceof LogSink ls && external.topic(def.key()) != null) {
      ExternalTopics.Transactional t = external.transactional(def.key());
      ls.transactional(t.rows(), t.writer());
    }
    int workers = lateStream == null ? parallelism : 1;
    Dataflow circuit = dataflow(def.name(), plan, List.of(), workers);
    List<SourceReader> readers = readers(circuit, policy, lateStream != null);
    ReadLimit limit = null;
    if (state instanceof LogSink && circuit.checkpointable()) {
      limit = new ReadLimit(new long[((LogSink) state).topic().partitions()]);
      readLimits.put(def.key(), limit);
    }
    String fingerprint = def.ddl() + "\n" + String.join("\n", circuit.explain())
        + (workers > 1 ? "\nparallelism " + workers : "");
    LateStreamSink late = lateStream == null ? null : new LateStreamSink(this, lateStream, def.name());
    QueryCheckpoints cp = new QueryCheckpoints(def.name(), checkpointDir(def), fingerprint, checkpoints.intervalMillis(),
        checkpoints.pauseBeforeManifestMillis(), state, limit, signal, late);
    return new StandingQuery(def.name(), circuit, readers, sink, signal, late, cp).start();
  }

  /** Where the checkpoints of {@code def}'s query live. */
  java.nio.file.Path checkpointDir(CatalogObject def) {
    return io.eddy.engine.internal.checkpoint.CheckpointFiles.dirOf(config.dataDir(), def.key());
  }

  /** Forgets {@code def}'s checkpoints and read limit (DROP, or a new object of the same name). */
  void forgetCheckpoints(CatalogObject def) {
    readLimits.remove(def.key());
    io.eddy.engine.internal.checkpoint.CheckpointFiles.deleteAll(checkpointDir(def));
  }

  /**
   * The readers of {@code circuit}'s sources. Each decodes only the columns the circuit reads
   * ({@link Circuit.Source#columns}), unless {@code wholeRows}: a query that writes its late rows
   * into a stream records them whole, unread columns too.
   */
  private List<SourceReader> readers(Dataflow circuit, WatermarkPolicy policy, boolean wholeRows) {
    List<SourceReader> readers = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (Circuit.Source s : circuit.sources()) {
      CatalogObject o = catalog.lookup(s.name()).orElseThrow();
      TopicLog topic = topic(o);
      EventTime time = o instanceof StreamDef sd && sd.watermarkColumn() >= 0
          ? new EventTime(topic.partitions(), sd.watermarkDelayMillis(), policy, now, sd.proctime())
          : o instanceof io.eddy.planner.catalog.TableDef td && td.versioned()
              ? new EventTime(topic.partitions(), td.watermarkDelayMillis(), policy, now, false) : null;
      readers.add(new SourceReader(topic, o.rowType(), time, readLimits.get(o.key()), wholeRows ? null : s.columns()));
    }
    return readers;
  }

  /**
   * Read-your-writes across derived streams: waits until every derived stream that {@code query}
   * reads (directly or through other derived streams) has processed its sources up to their
   * current ends, then until {@code query} itself has.
   */
  void awaitCaughtUp(StandingQuery query) {
    awaitCaughtUp(query, new java.util.HashSet<>());
  }

  /**
   * Upstream of a source are the derived stream's query and every query writing its late rows
   * into it ({@code LATE INTO}); {@code seen} stops cycles through late streams.
   */
  private void awaitCaughtUp(StandingQuery query, java.util.Set<StandingQuery> seen) {
    if (!seen.add(query)) {
      return;
    }
    for (io.eddy.exec.circuit.Circuit.Source s : query.circuit().sources()) {
      StandingQuery upstream = derived.get(s.name());
      if (upstream != null) {
        awaitCaughtUp(upstream, seen);
        awaitCommitted(upstream); // its records become visible
      }
      for (StandingQuery writer : lateWriters(s.name())) {
        awaitCaughtUp(writer, seen);
        awaitCommitted(writer);
      }
    }
    query.awaitCaughtUp();
  }

  /** The running views and derived streams that write their late rows into {@code key}. */
  List<StandingQuery> lateWriters(String key) {
    List<StandingQuery> out = new ArrayList<>();
    for (Materialized m : materialized.values()) {
      if (key.equalsIgnoreCase(m.query().lateStream())) {
        out.add(m.query());
      }
    }
    for (StandingQuery q : derived.values()) {
      if (key.equalsIgnoreCase(q.lateStream())) {
        out.add(q);
      }
    }
    return out;
  }

  /** Waits for writes made before this call to reach the contents of {@code o}'s store or log. */
  void awaitCaughtUp(CatalogObject o) {
    StandingQuery q = derived.get(o.key());
    Materialized m = materialized.get(o.key());
    if (q != null) {
      awaitCaughtUp(q);
    } else if (m != null) {
      awaitCaughtUp(m.query());
    } else {
      // A plain stream: the queries writing their late rows into it (LATE INTO) are its writers too.
      for (StandingQuery writer : lateWriters(o.key())) {
        awaitCaughtUp(writer);
        awaitCommitted(writer);
      }
    }
  }

  /** Waits for a checkpoint of {@code q}, which commits its records and late rows; none if not checkpointed. */
  private void awaitCommitted(StandingQuery q) {
    if (q.checkpoints() != null) {
      q.checkpoints().awaitCheckpoint(q);
    }
  }

  /** Appends rows to a stream or table by name (the Java bulk-load path). */
  public long append(String target, List<Object[]> rows) {
    return Writer.append(this, writable(target), rows, io.eddy.log.format.RowCodec.INSERT);
  }

  /** A field-by-field appender to stream or table {@code target}, flushing every {@code batchRows} rows. */
  public io.eddy.engine.RowAppender appender(String target, int batchRows) {
    return new Appender(this, writable(target), batchRows);
  }

  private CatalogObject writable(String target) {
    CatalogObject o = catalog.lookup(target).orElseThrow(() -> new EddyException(ErrorCode.NOT_FOUND,
        "stream or table '" + target + "' not found"));
    if (o instanceof io.eddy.planner.catalog.ViewDef) {
      throw new EddyException(ErrorCode.VALIDATION, "cannot write to view " + o.name());
    }
    return o;
  }

  @Override
  public void close() {
    for (Materialized m : materialized.values()) {
      m.close();
    }
    for (StandingQuery q : derived.values()) {
      q.close();
    }
    for (StandingQuery q : counting.values()) {
      q.close();
    }
    external.close();
    log.close();
  }
}
