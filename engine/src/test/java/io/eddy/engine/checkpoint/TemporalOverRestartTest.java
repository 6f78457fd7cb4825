package io.eddy.engine.checkpoint;

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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views with a temporal join against a versioned table and with event-time OVER aggregates resume
 * from their checkpoints after a clean restart (SHOW QUERIES says so) and then equal, in contents,
 * state size and late rows, the same views run without a restart on the same statements.
 */
class TemporalOverRestartTest {
  @TempDir Path restarted;
  @TempDir Path uninterrupted;

  private static final String SCHEMA = """
      CREATE STREAM orders (id BIGINT, cur BIGINT, amount BIGINT, ts TIMESTAMP(3) NOT NULL,
        WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
      CREATE TABLE rates (cur BIGINT, rate BIGINT, ts TIMESTAMP(3) NOT NULL, PRIMARY KEY (cur),
        WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
      CREATE VIEW priced AS SELECT o.id, o.amount * r.rate AS price, r.ts AS rate_time
        FROM orders o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur;
      CREATE VIEW moving AS SELECT id, SUM(amount) OVER (PARTITION BY cur ORDER BY ts
        RANGE BETWEEN INTERVAL '3' SECOND PRECEDING AND CURRENT ROW) AS s FROM orders;
      CREATE VIEW recent AS SELECT id, MAX(amount) OVER (ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS m,
        AVG(CAST(amount AS DOUBLE)) OVER (PARTITION BY cur ORDER BY ts ROWS UNBOUNDED PRECEDING) AS av FROM orders;
      """;
  private static final List<String> VIEWS = List.of("priced", "moving", "recent");

  @Test
  void restoredViewsEqualUninterruptedOnes() {
    List<String> statements = workload(new Random(7), 60);
    int half = statements.size() / 2;
    try (Engine e = open(restarted); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      statements.subList(0, half).forEach(s::execute);
      read(s, "SELECT * FROM priced"); // caught up before the closing checkpoint
    }
    List<String> after;
    try (Engine e = open(restarted); Session s = e.openSession()) {
      for (String v : VIEWS) {
        assertTrue(startedFrom(s, v).startsWith("checkpoint "), v + ": " + startedFrom(s, v));
      }
      statements.subList(half, statements.size()).forEach(s::execute);
      after = observe(s);
    }
    try (Engine e = open(uninterrupted); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      statements.forEach(s::execute);
      assertEquals(observe(s), after);
    }
    assertTrue(after.stream().anyMatch(l -> l.contains("late rows: ") && !l.contains("late rows: 0")), "some late");
  }

  /** Random rates upserts and deletes and orders, with disorder (some late) and moving time. */
  private static List<String> workload(Random r, int n) {
    List<String> out = new ArrayList<>();
    long clock = 1_704_067_200_000L;
    for (int i = 0; i < n; i++) {
      clock += r.nextInt(800);
      long t = clock - r.nextInt(2500);
      String ts = "TIMESTAMP '" + java.time.Instant.ofEpochMilli(t).toString().replace('T', ' ').replace("Z", "") + "'";
      int cur = r.nextInt(3);
      switch (r.nextInt(4)) {
        case 0 -> out.add("INSERT INTO rates VALUES (" + cur + ", " + (1 + r.nextInt(9)) + ", " + ts + ")");
        case 1 -> out.add(r.nextInt(3) == 0 ? "DELETE FROM rates WHERE cur = " + cur
            : "INSERT INTO rates VALUES (" + cur + ", " + (1 + r.nextInt(9)) + ", " + ts + ")");
        default -> out.add("INSERT INTO orders VALUES (" + i + ", " + cur + ", " + r.nextInt(100) + ", " + ts + ")");
      }
    }
    return out;
  }

  private static Engine open(Path dir) {
    return Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "50ms")));
  }

  /** Each view's sorted rows, then its state size and late rows from EXPLAIN STATE. */
  private static List<String> observe(Session s) {
    List<String> out = new ArrayList<>();
    for (String v : VIEWS) {
      out.addAll(read(s, "SELECT * FROM " + v));
      for (String line : read(s, "EXPLAIN STATE " + v)) {
        if (line.contains("total state:") || line.contains("late rows:")) {
          out.add(v + ": " + line.replaceAll(", skewed rows.*", ""));
        }
      }
    }
    return out;
  }

  private static List<String> read(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(row));
    }
    Collections.sort(out);
    return out;
  }

  private static String startedFrom(Session s, String name) {
    for (Object[] row : ((Result.Rows) s.execute("SHOW QUERIES")).rows()) {
      if (row[0].equals(name)) {
        return (String) row[row.length - 1];
      }
    }
    throw new AssertionError("no query " + name);
  }
}
