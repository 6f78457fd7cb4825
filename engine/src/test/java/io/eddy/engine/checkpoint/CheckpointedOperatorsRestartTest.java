package io.eddy.engine.checkpoint;

import static io.eddy.engine.checkpoint.Queries.read;
import static io.eddy.engine.checkpoint.Queries.startedFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.log.PartitionLog;
import io.eddy.log.file.FileLogStore;
import io.eddy.log.file.LogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts of the queries whose operators became checkpointable with issue 5's last gaps: an
 * interval join (inner and LEFT), a window join, fused session-window aggregates, views
 * writing their late rows into a stream (LATE INTO), and (since) the pane-based HOP count. Each resumes from its checkpoint (SHOW
 * QUERIES: {@code checkpoint N}) and, after more input, every view and the late stream equal a run
 * of the same statements without a restart. Inputs are disordered so that rows are late and
 * state is freed by the watermark; after every INSERT the test waits for the views, so that both
 * runs see the same interleaving of the two streams.
 */
class CheckpointedOperatorsRestartTest {
  @TempDir Path restarted;
  @TempDir Path uninterrupted;

  private static final String SCHEMA = ""
      + "CREATE STREAM clicks (ts TIMESTAMP(3) NOT NULL, u BIGINT, v BIGINT, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);"
      + "CREATE STREAM seen (ts TIMESTAMP(3) NOT NULL, u BIGINT, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);"
      + "CREATE VIEW ij AS SELECT c.u, c.ts AS clicked, s.ts AS viewed, c.v FROM clicks c JOIN seen s"
      + "  ON c.u = s.u AND s.ts BETWEEN c.ts - INTERVAL '3' SECOND AND c.ts + INTERVAL '3' SECOND;"
      + "CREATE VIEW lj AS SELECT c.u, c.ts AS clicked, s.ts AS viewed FROM clicks c LEFT JOIN seen s"
      + "  ON c.u = s.u AND s.ts BETWEEN c.ts AND c.ts + INTERVAL '2' SECOND;"
      + "CREATE VIEW wj AS SELECT c.u, c.window_start, c.ts AS clicked, s.ts AS viewed"
      + "  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) c"
      + "  JOIN TABLE(TUMBLE(TABLE seen, DESCRIPTOR(ts), INTERVAL '10' SECOND)) s"
      + "  ON c.u = s.u AND c.window_start = s.window_start AND c.window_end = s.window_end;"
      + "CREATE VIEW sess AS SELECT u, COUNT(*) AS n, SUM(v) AS total, MAX(v) AS top, COUNT(DISTINCT v) AS d,"
      + "  SESSION_START(ts, INTERVAL '4' SECOND) AS st FROM clicks GROUP BY u, SESSION(ts, INTERVAL '4' SECOND);"
      + "CREATE VIEW closed_sess AS SELECT u, COUNT(*) AS n, SESSION_START(ts, INTERVAL '4' SECOND) AS st"
      + "  FROM clicks GROUP BY u, SESSION(ts, INTERVAL '4' SECOND) EMIT ON WINDOW CLOSE LATE INTO late_rows;"
      + "CREATE VIEW tumbling AS SELECT window_start, COUNT(*) AS n, SUM(v) AS s"
      + "  FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' SECOND))"
      + "  GROUP BY window_start, window_end EMIT ON WINDOW CLOSE LATE INTO late_rows;"
      + "CREATE VIEW hot AS SELECT u, window_start, window_end, COUNT(*) AS n, COUNT(v) AS nv"
      + "  FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND))"
      + "  GROUP BY u, window_start, window_end EMIT CHANGES LATE INTO late_rows;"
      + "CREATE VIEW late_counts AS SELECT query_name, COUNT(*) AS n FROM late_rows GROUP BY query_name;";

  private static final List<String> VIEWS = List.of("ij", "lj", "wj", "sess", "closed_sess", "tumbling", "hot",
      "late_counts");
  /** Views whose reads do not wait for a checkpoint of the late rows' writers. */
  private static final List<String> NOT_LATE_READERS = List.of("ij", "lj", "wj", "sess", "closed_sess", "tumbling",
      "hot");

  private static Engine open(Path dir, String interval) {
    return Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", interval, "watermark.idle_timeout", "1h")));
  }

  @Test
  void resumesFromCheckpointsWithTheResultsOfARunWithoutRestart() throws IOException {
    List<String> inserts = new ArrayList<>(inserts(new Random(7), 24));
    int cut = 12;
    // late for every window: the watermark is far beyond 1970-01-01 00:00:01
    inserts.add(cut - 1, "INSERT INTO clicks VALUES (TIMESTAMP '1970-01-01 00:00:01', 1, 1), "
        + "(TIMESTAMP '1970-01-01 00:00:02', 2, 2)");
    long committedLate;
    try (Engine e = open(restarted, "1h"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      run(s, inserts.subList(0, cut - 1), VIEWS);
      committedLate = count(s, "late_rows");
      // the last insert's late rows are committed by the checkpoint taken on close
      run(s, inserts.subList(cut - 1, cut), NOT_LATE_READERS);
    }
    // As if the engine had died after the writers' checkpoints, before appending their late rows
    // (so before late_counts could read them: it has no checkpoint then and recomputes).
    try (FileLogStore log = FileLogStore.open(restarted.resolve("log"), LogConfig.defaults())) {
      PartitionLog p = log.open("late_rows").partition(0);
      assertTrue(p.endOffset() > committedLate, "the last insert should have late rows: " + p.endOffset());
      p.truncateTo(committedLate);
    }
    deleteAll(restarted.resolve("checkpoints").resolve("late_counts"));
    Map<String, List<String>> after;
    try (Engine e = open(restarted, "1h"); Session s = e.openSession()) {
      for (String v : NOT_LATE_READERS) {
        assertTrue(startedFrom(s, v).startsWith("checkpoint "), v + ": " + startedFrom(s, v));
      }
      assertEquals("recomputed", startedFrom(s, "late_counts"));
      run(s, inserts.subList(cut, inserts.size()), VIEWS);
      after = contents(s);
    }
    try (Engine e = open(uninterrupted, "1h"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      run(s, inserts, VIEWS);
      assertEquals(contents(s), after);
    }
    assertFalse(after.get("late_rows").isEmpty(), "some rows should be late");
    assertTrue(after.get("lj").stream().anyMatch(r -> r.endsWith("null]")), "some clicks should stay unmatched");
  }

  /**
   * Queries resume from an older checkpoint (the newest one deleted) and replay the log from
   * there; the late rows' writers keep their newest (a complete checkpoint's late rows are in the
   * stream, so dropping it is no crash the engine could produce).
   */
  @Test
  void olderCheckpointsReplayTheLogToTheSameResults() throws IOException, InterruptedException {
    List<String> inserts = inserts(new Random(11), 20);
    try (Engine e = open(restarted, "30ms"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      for (String insert : inserts.subList(0, 14)) {
        run(s, List.of(insert), VIEWS);
        Thread.sleep(40);
      }
    }
    for (String v : List.of("ij", "lj", "wj", "sess")) {
      List<Path> ids;
      try (Stream<Path> dirs = Files.list(restarted.resolve("checkpoints").resolve(v))) {
        ids = dirs.sorted().toList();
      }
      assertEquals(2, ids.size(), v);
      deleteAll(ids.get(1));
    }
    Map<String, List<String>> after;
    try (Engine e = open(restarted, "30ms"); Session s = e.openSession()) {
      for (String v : VIEWS) {
        assertTrue(startedFrom(s, v).startsWith("checkpoint "), v + ": " + startedFrom(s, v));
      }
      run(s, inserts.subList(14, inserts.size()), VIEWS);
      after = contents(s);
    }
    try (Engine e = open(uninterrupted, "30ms"); Session s = e.openSession()) {
      s.executeScript(SCHEMA);
      run(s, inserts, VIEWS);
      assertEquals(contents(s), after);
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** INSERTs into both streams: times run ahead with disorder, some rows behind the watermark. */
  private static List<String> inserts(Random random, int n) {
    List<String> out = new ArrayList<>();
    long clock = 1_000_000;
    for (int i = 0; i < n; i++) {
      boolean clicks = random.nextInt(3) != 0;
      StringBuilder sb = new StringBuilder("INSERT INTO ").append(clicks ? "clicks" : "seen").append(" VALUES ");
      for (int r = 1 + random.nextInt(5); r > 0; r--) {
        clock += random.nextInt(1500);
        long ts = clock - (random.nextInt(3) == 0 ? random.nextInt(12_000) : random.nextInt(1000));
        sb.append("(TIMESTAMP '").append(java.time.Instant.ofEpochMilli(ts).toString().replace('T', ' ').replace("Z", ""))
            .append("', ").append(random.nextInt(3));
        sb.append(clicks ? ", " + random.nextInt(4) + ")" : ")").append(r > 1 ? ", " : "");
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Runs each insert and waits until {@code views} have processed it. */
  private static void run(Session s, List<String> inserts, List<String> views) {
    for (String insert : inserts) {
      s.execute(insert);
      for (String v : views) {
        read(s, "SELECT COUNT(*) FROM " + v);
      }
    }
  }

  private static Map<String, List<String>> contents(Session s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String v : VIEWS) {
      out.put(v, read(s, "SELECT * FROM " + v));
    }
    out.put("late_rows", read(s, "SELECT * FROM late_rows"));
    return out;
  }

  private static long count(Session s, String name) {
    return ((Number) ((Result.Rows) s.execute("SELECT COUNT(*) FROM " + name)).rows().get(0)[0]).longValue();
  }

}
