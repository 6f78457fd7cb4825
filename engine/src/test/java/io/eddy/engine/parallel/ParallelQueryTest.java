package io.eddy.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views run by 2 and 3 workers ({@code SET parallelism = n}) over multi-partition streams and a
 * table hold exactly what the same views hold with one thread, for every kind of operator the
 * exchange has to handle: grouped and global aggregates, DISTINCT, joins, TOP-N, set operations,
 * windows closed by watermarks (with late rows), VALUES, and stateless filters.
 */
class ParallelQueryTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE STREAM bids (auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH (partitions = 4);
      CREATE STREAM asks (auction BIGINT, price BIGINT) WITH (partitions = 3);
      CREATE STREAM ticks (auction BIGINT, price BIGINT, ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);
      CREATE TABLE items (id BIGINT NOT NULL, name VARCHAR, category BIGINT, PRIMARY KEY (id)) WITH (partitions = 2);
      """;

  private static final Map<String, String> VIEWS = new LinkedHashMap<>();

  static {
    VIEWS.put("filtered", "SELECT auction, price * 2 AS p2, channel FROM bids WHERE price > 40");
    VIEWS.put("per_auction", "SELECT auction, COUNT(*) AS n, SUM(price) AS s, MIN(price) AS lo, MAX(price) AS hi "
        + "FROM bids GROUP BY auction");
    VIEWS.put("global", "SELECT COUNT(*) AS n, SUM(price) AS s, MAX(price) AS hi, COUNT(DISTINCT bidder) AS b FROM bids");
    VIEWS.put("distinct_channels", "SELECT DISTINCT channel, auction FROM bids");
    VIEWS.put("joined", "SELECT b.auction, i.name, b.price FROM bids b JOIN items i ON b.auction = i.id");
    VIEWS.put("left_joined", "SELECT i.id, i.name, COUNT(a.price) AS asks FROM items i LEFT JOIN asks a "
        + "ON a.auction = i.id GROUP BY i.id, i.name");
    VIEWS.put("per_category", "SELECT i.category, SUM(b.price) AS s FROM bids b JOIN items i ON b.auction = i.id "
        + "GROUP BY i.category");
    VIEWS.put("top2", "SELECT auction, bidder, price FROM (SELECT auction, bidder, price, ROW_NUMBER() OVER "
        + "(PARTITION BY auction ORDER BY price DESC, bidder) AS rn FROM bids) WHERE rn <= 2");
    VIEWS.put("top3_global", "SELECT auction, price, bidder FROM bids ORDER BY price DESC, auction, bidder LIMIT 3");
    VIEWS.put("except_asks", "SELECT auction FROM bids EXCEPT SELECT auction FROM asks");
    VIEWS.put("union_values", "SELECT auction, price FROM asks UNION ALL SELECT * FROM (VALUES (-1, -1), (-2, -2)) AS t(a, p)");
    VIEWS.put("windows", "SELECT window_start, auction, COUNT(*) AS n, MAX(price) AS hi FROM TABLE(TUMBLE(TABLE ticks, "
        + "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end, auction");
    VIEWS.put("closed_windows", "SELECT window_start, COUNT(*) AS n, SUM(price) AS s FROM TABLE(TUMBLE(TABLE ticks, "
        + "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
    VIEWS.put("bid_windows", "SELECT window_start, COUNT(*) AS n, SUM(price) AS s FROM TABLE(TUMBLE(TABLE bids, "
        + "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
    VIEWS.put("max_per_window", "SELECT w.window_start, w.auction, w.n FROM (SELECT window_start, window_end, auction, "
        + "COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, "
        + "window_end, auction) w JOIN (SELECT window_start, MAX(n) AS m FROM (SELECT window_start, auction, COUNT(*) "
        + "AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end, "
        + "auction) GROUP BY window_start) x ON w.window_start = x.window_start AND w.n = x.m");
  }

  private static List<String> read(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(row));
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Random rows, in many INSERTs. Each partition of {@code bids} gets ascending event times (so no
   * row is ever late, whatever the order the partitions are read in); {@code ticks}, with one
   * partition, has some rows late for closed windows.
   */
  private static void load(Session s, long seed, int inserts) {
    Random r = new Random(seed);
    long t = 1_700_000_000_000L;
    for (int i = 0; i < inserts; i++) {
      StringBuilder sb = new StringBuilder("INSERT INTO bids VALUES ");
      StringBuilder ticks = new StringBuilder("INSERT INTO ticks VALUES ");
      int n = 1 + r.nextInt(i % 7 == 0 ? 400 : 20);
      for (int k = 0; k < n; k++) {
        t += r.nextInt(40);
        long late = r.nextInt(50) == 0 ? t - 8_000 : t;
        sb.append(k == 0 ? "" : ", ").append("(").append(r.nextInt(30)).append(", ").append(r.nextInt(50))
            .append(", ").append(r.nextInt(100)).append(", 'c").append(r.nextInt(4)).append("', ").append(time(t))
            .append(")");
        ticks.append(k == 0 ? "" : ", ").append("(").append(r.nextInt(30)).append(", ").append(r.nextInt(100))
            .append(", ").append(time(late)).append(")");
      }
      s.execute(sb.toString());
      s.execute(ticks.toString());
      if (i % 5 == 0) {
        s.execute("INSERT INTO asks VALUES (" + r.nextInt(30) + ", " + r.nextInt(100) + "), (" + r.nextInt(30)
            + ", " + r.nextInt(100) + ")");
      }
      if (i % 4 == 0) {
        int id = r.nextInt(30);
        s.execute("INSERT INTO items VALUES (" + id + ", 'item" + r.nextInt(1000) + "', " + r.nextInt(3) + ")");
      }
      if (i % 11 == 0) {
        s.execute("DELETE FROM items WHERE id = " + r.nextInt(30));
      }
    }
  }

  private static String time(long millis) {
    return "TIMESTAMP '" + java.time.Instant.ofEpochMilli(millis).toString().replace('T', ' ').replace("Z", "") + "'";
  }

  private void compareWith(int workers) {
    try (Engine e = Engine.open(EngineConfig.of(dir)); Session one = e.openSession(); Session par = e.openSession()) {
      one.executeScript(SCHEMA);
      // Partitions never count as idle: event time then depends on the rows only, not on the clock.
      one.execute("SET watermark.idle_timeout = '1 day'");
      par.execute("SET watermark.idle_timeout = '1 day'");
      par.execute("SET parallelism = " + workers);
      for (Map.Entry<String, String> v : VIEWS.entrySet()) {
        one.execute("CREATE VIEW " + v.getKey() + "_1 AS " + v.getValue());
        par.execute("CREATE VIEW " + v.getKey() + "_n AS " + v.getValue());
      }
      load(one, 42 + workers, 60);
      for (String v : VIEWS.keySet()) {
        List<String> expected = read(one, "SELECT * FROM " + v + "_1");
        assertFalse(expected.isEmpty(), v + " should not be empty");
        assertEquals(expected, read(par, "SELECT * FROM " + v + "_n"), v + " with " + workers + " workers");
      }
      assertEquals(read(one, "EXPLAIN STATE windows_1").stream().filter(l -> l.contains("late rows")).toList(),
          read(one, "EXPLAIN STATE windows_n").stream().filter(l -> l.contains("late rows")).toList(),
          "late rows are counted alike");
      assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().endsWith("_n-worker")),
          "parallel views run worker threads");
    }
  }

  @Test
  void twoWorkersHoldWhatOneThreadHolds() {
    compareWith(2);
  }

  @Test
  void threeWorkersHoldWhatOneThreadHolds() {
    compareWith(3);
  }

  @Test
  void viewsCreatedAfterSetParallelismSurviveARestart() {
    List<String> before;
    try (Engine e = Engine.open(new EngineConfig(dir, Map.of("parallelism", "2"))); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      s.execute("CREATE VIEW per_auction AS " + VIEWS.get("per_auction"));
      load(s, 7, 20);
      before = read(s, "SELECT * FROM per_auction");
      assertEquals(read(s, "SELECT auction, COUNT(*), SUM(price), MIN(price), MAX(price) FROM bids GROUP BY auction"),
          before);
    }
    try (Engine e = Engine.open(new EngineConfig(dir, Map.of("parallelism", "2"))); Session s = e.openSession()) {
      assertEquals(before, read(s, "SELECT * FROM per_auction"));
    }
  }

  @Test
  void parallelismMustBeAWholeNumberInRange() {
    try (Engine e = Engine.open(EngineConfig.of(dir)); Session s = e.openSession()) {
      for (String bad : List.of("0", "65", "two")) {
        EddyException x = assertThrows(EddyException.class, () -> s.execute("SET parallelism = '" + bad + "'"));
        assertEquals(ErrorCode.CONFIG, x.code());
      }
      s.execute("SET parallelism = '4'");
    }
  }
}
