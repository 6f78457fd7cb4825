package io.eddy.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random windowed GROUP BY queries (TUMBLE with offsets, HOP, some HOP with only COUNTs; EMIT
 * CHANGES and EMIT ON WINDOW CLOSE) over random out-of-order streams, compared with DuckDB on the
 * same rows. The oracle applies the late-row rule itself: each row carries the watermark when it
 * arrived (largest earlier event time minus the delay), and a (row, window) pair counts only if
 * the window ends after it. DuckDB assigns the windows with arithmetic on epoch millis. The
 * engine's late-row count must match too. {@code -Deddy.windiff.iterations=N} runs N seeds
 * (default 6).
 */
class WindowDifferentialTest {
  private static final long BASE = 1_704_067_200_000L; // 2024-01-01
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final String[] AGGS = {"COUNT(*)", "COUNT(v)", "SUM(v)", "MIN(v)", "MAX(v)", "COUNT(DISTINCT k)"};

  /** A random windowed query: its family, sizes, grouping, aggregates and emit policy. */
  private record Query(boolean hop, long slide, long size, long offset, boolean byKey, List<String> aggs,
      boolean onClose) {
    String engineSql(String stream) {
      String tvf = hop
          ? "HOP(TABLE " + stream + ", DESCRIPTOR(ts), " + interval(slide) + ", " + interval(size)
              + (offset != 0 ? ", " + interval(offset) : "") + ")"
          : "TUMBLE(TABLE " + stream + ", DESCRIPTOR(ts), " + interval(size)
              + (offset != 0 ? ", " + interval(offset) : "") + ")";
      return "SELECT window_start, window_end" + (byKey ? ", k" : "") + aggList() + " FROM TABLE(" + tvf
          + ") GROUP BY window_start, window_end" + (byKey ? ", k" : "") + (onClose ? " EMIT ON WINDOW CLOSE" : "");
    }

    String duckSql(long finalWatermark) {
      long step = hop ? slide : size;
      String last = "(ts - (((ts - " + offset + ") % " + step + ") + " + step + ") % " + step + ")";
      String windows = "SELECT *, " + last + " - i * " + step + " AS ws FROM r CROSS JOIN range(0, "
          + (hop ? size / slide : 1) + ") AS t(i)";
      return "SELECT ws, ws + " + size + (byKey ? ", k" : "") + aggList() + " FROM (" + windows + ") w WHERE ws + "
          + size + " > wm" + (onClose ? " AND ws + " + size + " <= " + finalWatermark : "") + " GROUP BY ws"
          + (byKey ? ", k" : "");
    }

    private String aggList() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < aggs.size(); i++) {
        sb.append(", ").append(aggs.get(i)).append(" AS a").append(i);
      }
      return sb.toString();
    }

    /** Whether the row at {@code ts} arriving at watermark {@code wm} misses at least one window. */
    boolean late(long ts, long wm) {
      long step = hop ? slide : size;
      long last = ts - Math.floorMod(ts - offset, step);
      long earliestEnd = last - (hop ? size / slide - 1 : 0) * step + size;
      return earliestEnd <= wm;
    }
  }

  /** A day-time interval literal of {@code millis} (Calcite has no MILLISECOND unit). */
  static String interval(long millis) {
    return String.format("INTERVAL '%d.%03d' SECOND", millis / 1000, millis % 1000);
  }

  @TestFactory
  Stream<DynamicTest> seeds() {
    return LongStream.range(0, Integer.getInteger("eddy.windiff.iterations", 6))
        .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
  }

  private static Query randomQuery(Random r) {
    boolean hop = r.nextBoolean();
    long slide = new long[] {500, 1000, 2000}[r.nextInt(3)];
    long size = hop ? slide * (2 + r.nextInt(3)) : new long[] {1000, 2000, 5000}[r.nextInt(3)];
    long offset = r.nextInt(4) == 0 ? 250 * (1 + r.nextInt(3)) : 0;
    List<String> aggs = new ArrayList<>();
    for (String a : AGGS) {
      if (r.nextInt(3) > 0) {
        aggs.add(a);
      }
    }
    if (hop && r.nextInt(3) == 0) { // only counts: the pane-based HopCountOperator
      aggs.removeIf(a -> !a.equals("COUNT(*)") && !a.equals("COUNT(v)"));
    }
    if (aggs.isEmpty()) {
      aggs.add("COUNT(*)");
    }
    return new Query(hop, slide, size, offset, r.nextBoolean(), aggs, r.nextInt(3) == 0);
  }

  private static void run(long seed) throws Exception {
    Random r = new Random(seed);
    long delay = 250L * r.nextInt(8);
    int n = 150 + r.nextInt(150);
    List<long[]> rows = new ArrayList<>();
    long max = BASE;
    for (int i = 0; i < n; i++) {
      long ts = r.nextInt(5) == 0 ? max - r.nextInt(4000) : max + r.nextInt(600);
      max = Math.max(max, ts);
      rows.add(new long[] {ts, r.nextInt(4), r.nextInt(10) == 0 ? Long.MIN_VALUE : r.nextInt(50)});
    }
    List<Query> queries = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      queries.add(randomQuery(r));
    }
    Path dir = Files.createTempDirectory("eddy-windiff-");
    try (Engine engine = Engine.open(new EngineConfig(dir, io.eddy.engine.script.ScriptFiles.testSettings())); Session s = engine.openSession();
        DuckDbOracle duck = new DuckDbOracle()) {
      s.execute("CREATE STREAM s (ts TIMESTAMP(3) NOT NULL, k BIGINT, v BIGINT, WATERMARK FOR ts AS ts - INTERVAL '"
          + delay + "' MILLISECOND)");
      for (int q = 0; q < queries.size(); q++) {
        s.execute("CREATE VIEW v" + q + " AS " + queries.get(q).engineSql("s"));
      }
      duck.execute("CREATE TABLE r (ts BIGINT, k BIGINT, v BIGINT, wm BIGINT)");
      long seen = Long.MIN_VALUE;
      long[] late = new long[queries.size()];
      for (int i = 0; i < rows.size(); ) {
        int batch = 1 + r.nextInt(25);
        StringBuilder ins = new StringBuilder("INSERT INTO s VALUES ");
        StringBuilder duckIns = new StringBuilder("INSERT INTO r VALUES ");
        for (int j = i; j < Math.min(rows.size(), i + batch); j++) {
          long[] row = rows.get(j);
          long wm = seen == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : seen - delay;
          String v = row[2] == Long.MIN_VALUE ? "null" : Long.toString(row[2]);
          ins.append(j > i ? ", " : "").append("(TIMESTAMP '")
              .append(TS.format(Instant.ofEpochMilli(row[0]).atOffset(ZoneOffset.UTC))).append("', ").append(row[1])
              .append(", ").append(v).append(')');
          duckIns.append(j > i ? ", " : "").append('(').append(row[0]).append(", ").append(row[1]).append(", ")
              .append(v).append(", ").append(wm).append(')');
          for (int q = 0; q < queries.size(); q++) {
            if (queries.get(q).late(row[0], wm)) {
              late[q]++;
            }
          }
          seen = Math.max(seen, row[0]);
        }
        s.execute(ins.toString());
        duck.execute(duckIns.toString());
        i += batch;
      }
      long finalWatermark = seen - delay;
      assertEquals(true, java.util.Arrays.stream(late).sum() > 0, "the workload should have late rows");
      for (int q = 0; q < queries.size(); q++) {
        Query query = queries.get(q);
        List<Object[]> expected = duck.query(query.duckSql(finalWatermark));
        List<Object[]> actual = ((Result.Rows) s.execute("SELECT * FROM v" + q)).rows();
        Optional<String> diff = Bags.difference(expected, actual);
        if (diff.isPresent()) {
          fail("[seed " + seed + ", delay " + delay + "] view v" + q + ": " + query.engineSql("s") + "\n"
              + diff.get());
        }
        String state = ((Result.Rows) s.execute("EXPLAIN STATE v" + q)).rows().stream()
            .map(row -> String.valueOf(row[0])).reduce("", (a, b) -> a + b + "\n");
        assertEquals(true, state.contains("late rows: " + late[q] + ","),
            "[seed " + seed + "] v" + q + " expected " + late[q] + " late rows:\n" + state);
      }
    } finally {
      io.eddy.engine.script.ScriptFiles.deleteTree(dir);
    }
  }
}
