package io.eddy.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random event-time OVER aggregates ({@code AGG(v) OVER ([PARTITION BY k] ORDER BY ts frame)} with
 * ROWS n / RANGE interval / UNBOUNDED frames) over random out-of-order streams, compared with
 * DuckDB on the same rows. The oracle applies the late-row rule itself: a row is accepted when its
 * time is at or above the watermark when it arrived (largest earlier event time minus the delay);
 * DuckDB computes the window over the accepted rows and keeps the rows the final watermark has
 * passed, which are exactly the rows the engine has emitted. Timestamps are distinct, so ROWS
 * frames have one order. The engine's late-row count and bounded state must match too.
 * {@code -Deddy.overdiff.iterations=N} runs N seeds (default 4).
 */
class EventTimeOverDifferentialTest {
  private static final long BASE = 1_704_067_200_000L; // 2024-01-01
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final String[] AGGS = {"COUNT(*)", "COUNT(v)", "SUM(v)", "MIN(v)", "MAX(v)", "AVG(v)"};

  /** One random OVER query: its aggregate, partitioning and frame (engine and DuckDB text). */
  private record Query(String agg, boolean byKey, String frame, String duckFrame) {
    String window() {
      return (byKey ? "PARTITION BY k " : "") + "ORDER BY ts ";
    }

    String engineSql() {
      return "SELECT id, k, v, " + agg + " OVER (" + window() + frame + ") AS a FROM s";
    }

    String duckSql(long finalWatermark) {
      return "SELECT id, k, v, a FROM (SELECT id, k, v, ts, " + agg + " OVER (" + window() + duckFrame
          + ") AS a FROM r WHERE ts >= wm) x WHERE ts < " + finalWatermark;
    }
  }

  @TestFactory
  Stream<DynamicTest> seeds() {
    return LongStream.range(0, Integer.getInteger("eddy.overdiff.iterations", 4))
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
  }

  private static Query randomQuery(Random r) {
    String agg = AGGS[r.nextInt(AGGS.length)];
    boolean byKey = r.nextBoolean();
    switch (r.nextInt(4)) {
      case 0 -> {
        int n = r.nextInt(4);
        String f = "ROWS BETWEEN " + n + " PRECEDING AND CURRENT ROW";
        return new Query(agg, byKey, f, f);
      }
      case 1 -> {
        long ms = 500L * (1 + r.nextInt(6));
        return new Query(agg, byKey, "RANGE BETWEEN " + WindowDifferentialTest.interval(ms)
            + " PRECEDING AND CURRENT ROW", "RANGE BETWEEN " + ms + " PRECEDING AND CURRENT ROW");
      }
      case 2 -> {
        String f = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
        return new Query(agg, byKey, f, f);
      }
      default -> {
        return new Query(agg, byKey, "", "");
      }
    }
  }

  private static void run(long seed) throws Exception {
    Random r = new Random(seed);
    long delay = 250L * r.nextInt(8);
    int n = 150 + r.nextInt(150);
    List<long[]> rows = new ArrayList<>();
    Set<Long> times = new HashSet<>();
    long max = BASE;
    for (int i = 0; i < n; i++) {
      long ts;
      do {
        ts = r.nextInt(5) == 0 ? max - r.nextInt(3000) : max + r.nextInt(600);
      } while (!times.add(ts));
      max = Math.max(max, ts);
      rows.add(new long[] {i, ts, r.nextInt(4), r.nextInt(10) == 0 ? Long.MIN_VALUE : r.nextInt(50)});
    }
    List<Query> queries = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      queries.add(randomQuery(r));
    }
    Path dir = Files.createTempDirectory("eddy-overdiff-");
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession();
        DuckDbOracle duck = new DuckDbOracle()) {
      s.execute("CREATE STREAM s (id BIGINT, ts TIMESTAMP(3) NOT NULL, k BIGINT, v BIGINT, WATERMARK FOR ts AS ts - "
          + "INTERVAL '" + delay + "' MILLISECOND)");
      for (int q = 0; q < queries.size(); q++) {
        s.execute("CREATE VIEW v" + q + " AS " + queries.get(q).engineSql());
      }
      duck.execute("CREATE TABLE r (id BIGINT, ts BIGINT, k BIGINT, v BIGINT, wm BIGINT)");
      long seen = Long.MIN_VALUE;
      long late = 0;
      for (int i = 0; i < rows.size(); ) {
        int batch = 1 + r.nextInt(25);
        StringBuilder ins = new StringBuilder("INSERT INTO s VALUES ");
        StringBuilder duckIns = new StringBuilder("INSERT INTO r VALUES ");
        for (int j = i; j < Math.min(rows.size(), i + batch); j++) {
          long[] row = rows.get(j);
          long wm = seen == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : seen - delay;
          String v = row[3] == Long.MIN_VALUE ? "null" : Long.toString(row[3]);
          ins.append(j > i ? ", " : "").append('(').append(row[0]).append(", TIMESTAMP '")
              .append(TS.format(Instant.ofEpochMilli(row[1]).atOffset(ZoneOffset.UTC))).append("', ").append(row[2])
              .append(", ").append(v).append(')');
          duckIns.append(j > i ? ", " : "").append('(').append(row[0]).append(", ").append(row[1]).append(", ")
              .append(row[2]).append(", ").append(v).append(", ").append(wm).append(')');
          late += row[1] < wm ? 1 : 0;
          seen = Math.max(seen, row[1]);
        }
        s.execute(ins.toString());
        duck.execute(duckIns.toString());
        i += batch;
      }
      long finalWatermark = seen - delay;
      assertTrue(late > 0, "the workload should have late rows");
      for (int q = 0; q < queries.size(); q++) {
        Query query = queries.get(q);
        List<Object[]> expected = duck.query(query.duckSql(finalWatermark));
        List<Object[]> actual = ((Result.Rows) s.execute("SELECT * FROM v" + q)).rows();
        Optional<String> diff = Bags.difference(expected, actual);
        if (diff.isPresent()) {
          fail("[seed " + seed + ", delay " + delay + "] view v" + q + ": " + query.engineSql() + "\n" + diff.get());
        }
        String state = ((Result.Rows) s.execute("EXPLAIN STATE v" + q)).rows().stream()
            .map(row -> String.valueOf(row[0])).reduce("", (a, b) -> a + b + "\n");
        assertTrue(state.contains("EventTimeOver") && state.contains("bounded by the watermark"),
            "[seed " + seed + "] v" + q + " should use the bounded event-time operator:\n" + state);
        assertEquals(true, state.contains("late rows: " + late + ","),
            "[seed " + seed + "] v" + q + " expected " + late + " late rows:\n" + state);
      }
    } finally {
      io.eddy.engine.script.ScriptFiles.deleteTree(dir);
    }
  }
}
