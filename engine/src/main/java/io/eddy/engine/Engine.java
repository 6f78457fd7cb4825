package io.eddy.engine;

import io.eddy.engine.internal.EngineRuntime;
import io.eddy.engine.internal.SessionImpl;
import io.eddy.engine.internal.StatementExecutor;
import io.eddy.sql.StatementParser;
import java.util.HashMap;

/**
 * An embedded Eddy instance over one data directory. Owns the catalog, the log and every running
 * standing query; closing it stops them all. Opening a directory that holds a catalog restores
 * every stream, table and view (each standing query resumes from its newest checkpoint, else
 * recomputes from the retained log). Thread-safe: sessions
 * may be used from different threads (one thread per session).
 */
public final class Engine implements AutoCloseable {
  private final EngineRuntime runtime;

  private Engine(EngineRuntime runtime) {
    this.runtime = runtime;
  }

  public static Engine open(EngineConfig config) {
    EngineRuntime rt = new EngineRuntime(config);
    try {
      StatementExecutor replay = new StatementExecutor(rt, new HashMap<>());
      for (String ddl : rt.savedCatalog()) {
        replay.replay(StatementParser.parseOne(ddl));
      }
    } catch (RuntimeException e) {
      rt.close();
      throw e;
    }
    return new Engine(rt);
  }

  public Session openSession() {
    return new SessionImpl(runtime);
  }

  /**
   * Bulk append for Java callers: writes {@code rows} (values in the representation of
   * {@link io.eddy.common.type.TypeKind}) to stream or table {@code target} as one log batch per
   * partition. Like INSERT, every later read sees them once this returns.
   */
  public long append(String target, java.util.List<Object[]> rows) {
    return runtime.append(target, rows);
  }

  /**
   * A field-by-field appender to stream or table {@code target} (see {@link RowAppender}) whose
   * rows are appended every {@code batchRows} rows and on flush/close: the fast way in for Java
   * callers, without boxing. Use one per thread.
   */
  public RowAppender appender(String target, int batchRows) {
    return runtime.appender(target, batchRows);
  }

  /**
   * Hits and misses of this engine's cache of compiled expression programs (setting
   * {@code codegen.cache_size}, default 1024 programs, 0 = off).
   */
  public io.eddy.planner.codegen.CompiledCache.Stats compiledCacheStats() {
    return runtime.compiledCacheStats();
  }

  /**
   * Starts {@code select} as a standing query whose output is only counted (no view store, no
   * catalog entry): the benchmark's sink. Planning errors are thrown like those of CREATE VIEW
   * (an unsupported query fails with {@code UNSUPPORTED}). Closing the engine stops it.
   */
  public CountingQuery startCounting(String select) {
    return io.eddy.engine.internal.CountingQueryImpl.start(runtime, select);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
