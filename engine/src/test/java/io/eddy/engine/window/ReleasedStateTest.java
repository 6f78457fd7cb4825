package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window's close frees its groups a slice at a time; when the input then goes quiet the query
 * frees the rest on its own, and EXPLAIN STATE shows the state with them freed. The view keeps the
 * closed window's rows.
 */
class ReleasedStateTest {
  @TempDir Path dir;

  @Test
  void aClosedWindowIsFreedWhileTheInputIsIdle() {
    int keys = 6_000;
    // checkpoints an hour apart: a checkpoint frees what is released too, and none must come first
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "1h")));
        Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, k BIGINT, v BIGINT, "
          + "WATERMARK FOR ts AS ts) WITH (partitions = 1);"
          + "CREATE VIEW per_key AS SELECT k, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), "
          + "INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end");
      StringBuilder insert = new StringBuilder("INSERT INTO bids VALUES ");
      for (int k = 0; k < keys; k++) {
        insert.append(k == 0 ? "" : ", ").append("(TIMESTAMP '2024-01-01 00:00:01', ").append(k).append(", 1)");
      }
      s.execute(insert.toString());
      assertTrue(groups(s) >= keys, "the open window holds a group per key");
      // one row of a later window closes the first: far more groups than one slice frees
      s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:30', 1, 1)");
      assertEquals(1, groups(s), "only the open window's group is left");
      assertEquals(keys + 1L, ((Result.Rows) s.execute("SELECT COUNT(*) FROM per_key")).rows().get(0)[0]);
    }
  }

  private static long groups(Session s) {
    String text = ((Result.Rows) s.execute("EXPLAIN STATE per_key")).rows().stream()
        .map(r -> String.valueOf(r[0])).collect(Collectors.joining("\n"));
    String agg = text.lines().filter(l -> l.contains("Aggregate(")).findFirst().orElseThrow(() -> new AssertionError(text));
    Matcher m = Pattern.compile("state: (\\d+) rows").matcher(agg);
    assertTrue(m.find(), agg);
    return Long.parseLong(m.group(1));
  }
}
