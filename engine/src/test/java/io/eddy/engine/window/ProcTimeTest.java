package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pt AS PROCTIME()}: the writer stamps each row with the wall clock of its append, windows
 * over it close as the clock passes their end (also when nothing more arrives), and the stored
 * values give the same view after a restart.
 */
class ProcTimeTest {
  private static final String SETUP = "CREATE STREAM clicks (url VARCHAR, pt AS PROCTIME());"
      + "CREATE VIEW per_second AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE clicks, "
      + "DESCRIPTOR(pt), INTERVAL '1' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE";

  @TempDir Path dir;

  private static List<Object[]> rows(Session s, String sql) {
    return ((Result.Rows) s.execute(sql)).rows();
  }

  private static List<String> sorted(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] row : rows(s, sql)) {
      out.add(Arrays.toString(row));
    }
    Collections.sort(out);
    return out;
  }

  private Engine open() {
    return Engine.open(new EngineConfig(dir, Map.of("watermark.idle_timeout", "200ms")));
  }

  @Test
  void rowsAreStampedAtAppendAndWindowsCloseByTheClock() throws InterruptedException {
    List<String> view;
    List<String> stamps;
    try (Engine engine = open(); Session s = engine.openSession()) {
      s.executeScript(SETUP);
      long before = System.currentTimeMillis();
      s.execute("INSERT INTO clicks VALUES ('/a'), ('/b'), ('/a')");
      long after = System.currentTimeMillis();
      List<Object[]> stored = rows(s, "SELECT url, pt FROM clicks");
      assertEquals(3, stored.size());
      for (Object[] row : stored) {
        long pt = ((Number) row[1]).longValue();
        assertTrue(pt >= before && pt <= after, pt + " not in [" + before + ", " + after + "]");
      }
      // No more rows arrive: the window still closes once the clock passes its end.
      long deadline = System.currentTimeMillis() + 10_000;
      while (rows(s, "SELECT * FROM per_second").isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      long waited = System.currentTimeMillis() - after;
      view = sorted(s, "SELECT * FROM per_second");
      assertEquals(1, view.size(), "window did not close within " + waited + " ms");
      assertTrue(waited < 5_000, "closed after " + waited + " ms");
      long start = ((Number) stored.get(0)[1]).longValue() / 1000 * 1000;
      assertEquals("[" + start + ", 3]", view.get(0));
      stamps = sorted(s, "SELECT url, pt FROM clicks");
    }
    try (Engine engine = open(); Session s = engine.openSession()) {
      // Recomputed from the log: the stored stamps, not the restart's clock.
      assertEquals(stamps, sorted(s, "SELECT url, pt FROM clicks"));
      long deadline = System.currentTimeMillis() + 10_000;
      while (rows(s, "SELECT * FROM per_second").isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(view, sorted(s, "SELECT * FROM per_second"));
    }
  }

  @Test
  void copyLeavesTheColumnToTheWriter() throws Exception {
    Path csv = java.nio.file.Files.writeString(dir.resolve("hits.csv"), "url,n\n/a,1\n/b,2\n");
    Path json = java.nio.file.Files.writeString(dir.resolve("hits.json"), "{\"url\": \"/c\", \"n\": 3}\n");
    try (Engine engine = open(); Session s = engine.openSession()) {
      s.execute("CREATE STREAM hits (url VARCHAR, pt AS PROCTIME(), n BIGINT)");
      long before = System.currentTimeMillis();
      s.execute("COPY hits FROM '" + csv + "' WITH (format = 'csv')");
      s.execute("COPY hits FROM '" + json + "'");
      long after = System.currentTimeMillis();
      List<Object[]> stored = rows(s, "SELECT url, n, pt FROM hits ORDER BY n");
      assertEquals(3, stored.size());
      for (int i = 0; i < 3; i++) {
        assertEquals((long) i + 1, ((Number) stored.get(i)[1]).longValue());
        long pt = ((Number) stored.get(i)[2]).longValue();
        assertTrue(pt >= before && pt <= after, pt + " not in [" + before + ", " + after + "]");
      }
      assertEquals("/c", stored.get(2)[0]);
    }
  }
}
