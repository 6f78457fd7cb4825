package io.eddy.engine.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Temporal joins (INNER and LEFT) of a random order stream against a random versioned table
 * (upserts and DELETEs, disorder within the watermark delay so no row is late whatever order the
 * view reads its two logs in), compared with DuckDB's batch answer: per order whose time the final
 * watermark passed, the table change of its key with the greatest time at or before the order's
 * (ties: the later write), none if that change is a delete. A delete's time is modelled as the
 * engine defines it: the table's clock (largest event time written to it so far).
 * {@code -Deddy.temporaldiff.iterations=N} runs N seeds (default 3).
 */
class TemporalTableDifferentialTest {
  private static final long BASE = 1_704_067_200_000L; // 2024-01-01
  private static final long DELAY = 1000;
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  @TestFactory
  Stream<DynamicTest> seeds() {
    return LongStream.range(0, Integer.getInteger("eddy.temporaldiff.iterations", 3))
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
  }

  private static String ts(long millis) {
    return "TIMESTAMP '" + TS.format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)) + "'";
  }

  private static void run(long seed) throws Exception {
    Random r = new Random(seed);
    Path dir = Files.createTempDirectory("eddy-temporaldiff-");
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession();
        DuckDbOracle duck = new DuckDbOracle()) {
      s.execute("CREATE STREAM orders (id BIGINT, cur BIGINT, ts TIMESTAMP(3) NOT NULL, WATERMARK FOR ts AS ts - "
          + "INTERVAL '" + DELAY + "' MILLISECOND)");
      s.execute("CREATE TABLE rates (cur BIGINT, rate BIGINT, ts TIMESTAMP(3) NOT NULL, PRIMARY KEY (cur), "
          + "WATERMARK FOR ts AS ts - INTERVAL '" + DELAY + "' MILLISECOND)");
      s.execute("CREATE VIEW inner_join AS SELECT o.id, r.rate FROM orders o "
          + "JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur");
      s.execute("CREATE VIEW left_join AS SELECT o.id, r.rate FROM orders o "
          + "LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur");
      duck.execute("CREATE TABLE o (id BIGINT, cur BIGINT, ts BIGINT)");
      duck.execute("CREATE TABLE c (seq BIGINT, cur BIGINT, rate BIGINT, ts BIGINT, del BOOLEAN)");
      long global = BASE;
      long ordersMax = Long.MIN_VALUE;
      long ratesMax = Long.MIN_VALUE;
      Map<Long, Boolean> present = new HashMap<>();
      int n = 120 + r.nextInt(80);
      for (int i = 0; i < n; i++) {
        long t = global - r.nextInt((int) DELAY + 1) + r.nextInt(500);
        long cur = r.nextInt(4);
        int kind = r.nextInt(6);
        if (kind == 0) {
          if (present.getOrDefault(cur, false)) {
            s.execute("DELETE FROM rates WHERE cur = " + cur);
            duck.execute("INSERT INTO c VALUES (" + i + ", " + cur + ", null, " + ratesMax + ", true)");
            present.put(cur, false);
          }
          continue;
        }
        global = Math.max(global, t);
        if (kind <= 2) {
          long rate = r.nextInt(100);
          s.execute("INSERT INTO rates VALUES (" + cur + ", " + rate + ", " + ts(t) + ")");
          duck.execute("INSERT INTO c VALUES (" + i + ", " + cur + ", " + rate + ", " + t + ", false)");
          present.put(cur, true);
          ratesMax = Math.max(ratesMax, t);
        } else {
          s.execute("INSERT INTO orders VALUES (" + i + ", " + cur + ", " + ts(t) + ")");
          duck.execute("INSERT INTO o VALUES (" + i + ", " + cur + ", " + t + ")");
          ordersMax = Math.max(ordersMax, t);
        }
      }
      long finalWatermark = Math.min(ordersMax, ratesMax) - DELAY;
      String latest = "SELECT o.id, c.rate, c.del, ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY c.ts DESC, c.seq DESC)"
          + " AS rn FROM o JOIN c ON c.cur = o.cur AND c.ts <= o.ts";
      String inner = "SELECT x.id, x.rate FROM (" + latest + ") x JOIN o ON o.id = x.id WHERE x.rn = 1 AND NOT x.del"
          + " AND o.ts < " + finalWatermark;
      String left = "SELECT o.id, CASE WHEN x.del THEN NULL ELSE x.rate END FROM o LEFT JOIN (" + latest
          + ") x ON x.id = o.id AND x.rn = 1 WHERE o.ts < " + finalWatermark;
      List<Object[]> expectedLeft = duck.query(left);
      assertTrue(expectedLeft.size() > 20, "the workload should emit orders");
      compare(seed, "inner_join", duck.query(inner), s);
      compare(seed, "left_join", expectedLeft, s);
    } finally {
      io.eddy.engine.script.ScriptFiles.deleteTree(dir);
    }
  }

  private static void compare(long seed, String view, List<Object[]> expected, Session s) {
    List<Object[]> actual = ((Result.Rows) s.execute("SELECT * FROM " + view)).rows();
    Optional<String> diff = Bags.difference(expected, actual);
    if (diff.isPresent()) {
      fail("[seed " + seed + "] " + view + ":\n" + diff.get());
    }
  }
}
