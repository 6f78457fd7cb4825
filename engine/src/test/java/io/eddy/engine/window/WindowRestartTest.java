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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A windowed view recomputed from the log after a restart decides lateness the same way: the log
 * keeps the arrival order, and lateness is decided per row, however the rows are batched.
 */
class WindowRestartTest {
  @TempDir Path dir;

  private static List<String> read(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) s.execute(sql)).rows()) {
      out.add(Arrays.toString(row));
    }
    Collections.sort(out);
    return out;
  }

  private static String state(Session s) {
    return String.join("\n", read(s, "EXPLAIN STATE closed"));
  }

  @Test
  void lateRowsAreTheSameAfterARestart() {
    List<String> before;
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, price BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);"
          + "CREATE VIEW closed AS SELECT window_start, COUNT(*) AS n, SUM(price) AS s FROM TABLE(TUMBLE(TABLE bids, "
          + "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
      // One row per INSERT: the live query sees them one poll at a time.
      long[][] rows = {{1, 1}, {3, 2}, {9, 3}, {2, 4}, {6, 5}, {14, 6}, {7, 7}, {12, 8}, {23, 9}};
      for (long[] r : rows) {
        s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:" + String.format("%02d", r[0]) + "', "
            + r[1] + ")");
      }
      before = read(s, "SELECT * FROM closed");
      assertTrue(state(s).contains("late rows: 2,"), state(s));
    }
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      // The restarted query reads the whole log in one batch.
      assertEquals(before, read(s, "SELECT * FROM closed"));
      assertTrue(state(s).contains("late rows: 2,"), state(s));
    }
    // [0,5): 1 and 3 (2 arrives at watermark 7: late); [5,10): 9 and 6 (7 arrives at watermark 12:
    // late); [10,15): 14 and 12; [20,25) is still open at watermark 21.
    long t0 = 1_704_067_200_000L;
    assertEquals(List.of("[" + t0 + ", 2, 3]", "[" + (t0 + 5_000) + ", 2, 8]", "[" + (t0 + 10_000) + ", 2, 14]"),
        before);
  }

  @Test
  void lateIntoStreamIsWrittenOnceAcrossRestarts() {
    String late = "SELECT window_start, event_time FROM late_bids";
    List<String> before;
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, price BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND);"
          + "CREATE VIEW closed AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, "
          + "DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end "
          + "EMIT ON WINDOW CLOSE LATE INTO late_bids");
      for (int sec : new int[] {1, 3, 9, 2, 6, 14, 7}) {
        s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:" + String.format("%02d", sec) + "', 1)");
      }
      before = read(s, late);
      assertEquals(2, before.size(), before.toString());
    }
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      // The recomputed query finds the same late rows and skips the ones the stream holds.
      assertEquals(before, read(s, late));
      s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:04', 1)");
      assertEquals(3, read(s, late).size());
    }
  }
}
