package io.eddy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.planner.codegen.CompiledCache;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's compiled-expression cache: a view whose expressions were compiled before (same
 * generated source) reuses the compiled program, views still compute independently, and
 * {@code codegen.cache_size = 0} turns it off. Prints the planning CPU time per view with and
 * without the cache (a measurement, not an assertion).
 */
class CompiledCacheTest {
  private static final int VIEWS = 12;
  private static final String QUERY = "SELECT a, b * 2 + 1 AS c, UPPER(s) AS u FROM t WHERE a > 1 AND s <> 'x'";

  @TempDir
  Path dir;

  private record Run(CompiledCache.Stats stats, long cpuNanosPerView) {}

  private Run registerViews(String cacheSize) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Engine engine = Engine.open(new EngineConfig(dir.resolve("c" + cacheSize),
            Map.of("log.fsync", "none", "codegen.cache_size", cacheSize)));
        Session s = engine.openSession()) {
      s.execute("CREATE STREAM t (a BIGINT, b BIGINT, s VARCHAR)");
      s.execute("INSERT INTO t VALUES (1, 1, 'x'), (2, 5, 'y'), (3, 7, 'x')");
      s.execute("CREATE VIEW warm AS " + QUERY);
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < VIEWS; i++) {
        s.execute("CREATE VIEW v" + i + " AS " + QUERY);
      }
      long perView = (threads.getCurrentThreadCpuTime() - start) / VIEWS;
      for (int i = 0; i < VIEWS; i++) {
        List<Object[]> rows = ((Result.Rows) s.execute("SELECT * FROM v" + i)).rows();
        assertEquals(1, rows.size());
        assertEquals(List.of(2L, 11L, "Y"), List.of(rows.get(0)));
      }
      return new Run(engine.compiledCacheStats(), perView);
    }
  }

  @Test
  void sameExpressionsCompileOnce() {
    Run off = registerViews("0");
    Run on = registerViews("64");
    assertEquals(0, off.stats().hits());
    assertEquals(0, off.stats().size());
    assertTrue(on.stats().hits() >= VIEWS, "hits: " + on.stats());
    assertTrue(on.stats().size() <= 64);
    System.out.printf("compiled-expression cache: CREATE VIEW planning CPU %.1f ms/view without, %.1f ms/view "
        + "with (%s)%n", off.cpuNanosPerView() / 1e6, on.cpuNanosPerView() / 1e6, on.stats());
  }

  @Test
  void leastRecentlyUsedProgramsAreEvicted() {
    Run tiny = registerViews("1");
    assertEquals(1, tiny.stats().size());
    assertEquals(1, tiny.stats().capacity());
  }
}
