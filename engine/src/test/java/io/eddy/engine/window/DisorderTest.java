package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out-of-order input within the declared disorder gives the same windowed results as in-order
 * input, under many seeded shuffles and insert batchings: nothing is late, and every view
 * (TUMBLE, HOP, SESSION, EMIT ON WINDOW CLOSE) ends up identical. The tumbling counts are also
 * checked against a direct computation.
 */
class DisorderTest {
  private static final int ROWS = 300;
  private static final long STEP = 100;
  /** Rows are shuffled within blocks spanning 900 ms, less than the 2 s watermark delay. */
  private static final int BLOCK = 10;
  private static final int SHUFFLES = 12;

  @TempDir Path dir;

  private static final String[] VIEWS = {
      "SELECT window_start, k, COUNT(*) AS n, SUM(v) AS s, MIN(v) AS lo, MAX(v) AS hi "
          + "FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end, k",
      "SELECT window_start, COUNT(*) AS n, SUM(v) AS s "
          + "FROM TABLE(HOP(TABLE %s, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)) "
          + "GROUP BY window_start, window_end",
      "SELECT k, window_start, window_end, COUNT(*) AS n "
          + "FROM TABLE(SESSION(TABLE %s, DESCRIPTOR(ts), DESCRIPTOR(k), INTERVAL '0.35' SECOND)) "
          + "GROUP BY k, window_start, window_end",
      "SELECT window_start, window_end, COUNT(*) AS n, SUM(v) AS s "
          + "FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY window_start, window_end "
          + "EMIT ON WINDOW CLOSE"};

  @Test
  void shufflesWithinTheDisorderGiveIdenticalResults() {
    Random data = new Random(42);
    List<long[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      // Sessions need gaps: every 25th step leaves a hole of a second.
      long ts = 1_700_000_000_000L + i * STEP + (i / 25) * 1000;
      rows.add(new long[] {ts, data.nextInt(3), data.nextInt(100)});
    }
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      List<List<String>> reference = run(s, "s0", rows, new Random(0), false);
      assertEquals(expectedTumbling(rows), reference.get(0));
      for (int seed = 1; seed <= SHUFFLES; seed++) {
        List<long[]> shuffled = shuffleWithinBlocks(rows, new Random(seed));
        assertFalse(Arrays.deepEquals(rows.toArray(), shuffled.toArray()));
        List<List<String>> got = run(s, "s" + seed, shuffled, new Random(seed), true);
        for (int v = 0; v < VIEWS.length; v++) {
          assertEquals(reference.get(v), got.get(v), "view " + v + " under shuffle seed " + seed);
        }
      }
    }
  }

  private static List<long[]> shuffleWithinBlocks(List<long[]> rows, Random r) {
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += BLOCK) {
      List<long[]> block = new ArrayList<>(rows.subList(i, Math.min(rows.size(), i + BLOCK)));
      Collections.shuffle(block, r);
      out.addAll(block);
    }
    return out;
  }

  /** Creates stream {@code name} and the views, inserts the rows in random batches, reads the views. */
  private static List<List<String>> run(Session s, String name, List<long[]> rows, Random batching,
      boolean checkLate) {
    s.execute("CREATE STREAM " + name + " (ts TIMESTAMP(3) NOT NULL, k BIGINT, v BIGINT, "
        + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)");
    for (int v = 0; v < VIEWS.length; v++) {
      s.execute("CREATE VIEW " + name + "_v" + v + " AS " + String.format(VIEWS[v], name));
    }
    for (int i = 0; i < rows.size(); ) {
      int n = 1 + batching.nextInt(40);
      StringBuilder sql = new StringBuilder("INSERT INTO " + name + " VALUES ");
      for (int j = i; j < Math.min(rows.size(), i + n); j++) {
        long[] r = rows.get(j);
        sql.append(j > i ? ", " : "").append("(TIMESTAMP '").append(timestamp(r[0])).append("', ")
            .append(r[1]).append(", ").append(r[2]).append(')');
      }
      s.execute(sql.toString());
      i += n;
    }
    List<List<String>> out = new ArrayList<>();
    for (int v = 0; v < VIEWS.length; v++) {
      List<String> lines = new ArrayList<>();
      for (Object[] row : ((Result.Rows) s.execute("SELECT * FROM " + name + "_v" + v)).rows()) {
        lines.add(Arrays.toString(row));
      }
      Collections.sort(lines);
      out.add(lines);
      if (checkLate) {
        String state = String.join("\n", lines(s.execute("EXPLAIN STATE " + name + "_v" + v)));
        assertFalse(state.contains("[late rows:"), state);
      }
    }
    return out;
  }

  static String timestamp(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .format(java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.UTC));
  }

  private static List<String> lines(Result r) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) r).rows()) {
      out.add(String.valueOf(row[0]));
    }
    return out;
  }

  /** The tumbling view computed directly: per (second, k) count, sum, min, max. */
  private static List<String> expectedTumbling(List<long[]> rows) {
    TreeMap<String, long[]> groups = new TreeMap<>();
    for (long[] r : rows) {
      long start = r[0] - Math.floorMod(r[0], 1000);
      groups.merge(start + "/" + r[1], new long[] {start, r[1], 1, r[2], r[2], r[2]}, (a, b) -> new long[] {
          a[0], a[1], a[2] + 1, a[3] + b[3], Math.min(a[4], b[4]), Math.max(a[5], b[5])});
    }
    List<String> out = new ArrayList<>();
    for (long[] g : groups.values()) {
      out.add(Arrays.toString(new Object[] {g[0], g[1], g[2], g[3], g[4], g[5]}));
    }
    Collections.sort(out);
    return out;
  }
}
