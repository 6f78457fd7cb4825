package io.eddy.planner.codegen;

import io.eddy.common.type.RowType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded, least-recently-used cache of compiled expression programs, keyed by the generated
 * Java source and the output row type (the source alone fixes the code; the output type fixes the
 * batches it builds). Compiling with Janino costs tens of milliseconds per program, and the same
 * program recurs often: a view and the snapshot of the same query, a view re-created after a
 * restart or a config change, queries that differ only outside their expressions.
 *
 * <p>One instance per engine (never static): it holds only immutable {@link CalcCompiler.Compiled}
 * values, from which every operator gets its own instance. Thread-safe: lookups and inserts are
 * synchronized, compiling happens outside the lock (two threads may compile the same source
 * once each; the later result replaces the earlier, both are correct).
 */
public final class CompiledCache {
  /** Default number of programs kept. */
  public static final int DEFAULT_CAPACITY = 1024;

  private record Key(String source, RowType output) {}

  private final int capacity;
  private final Map<Key, CalcCompiler.Compiled> entries;
  private long hits;
  private long misses;

  public CompiledCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CalcCompiler.Compiled> eldest) {
        return size() > CompiledCache.this.capacity;
      }
    };
  }

  /** A cache that keeps nothing (every lookup compiles). */
  public static CompiledCache disabled() {
    return new CompiledCache(0);
  }

  /** The program for {@code source}/{@code output}, compiled by {@code compile} on a miss. */
  CalcCompiler.Compiled get(String source, RowType output, Supplier<CalcCompiler.Compiled> compile) {
    Key key = new Key(source, output);
    synchronized (this) {
      CalcCompiler.Compiled c = entries.get(key);
      if (c != null) {
        hits++;
        return c;
      }
      misses++;
    }
    CalcCompiler.Compiled compiled = compile.get();
    if (capacity > 0) {
      synchronized (this) {
        entries.put(key, compiled);
      }
    }
    return compiled;
  }

  /** Counters since creation. */
  public record Stats(long hits, long misses, int size, int capacity) {}

  public synchronized Stats stats() {
    return new Stats(hits, misses, entries.size(), capacity);
  }
}
