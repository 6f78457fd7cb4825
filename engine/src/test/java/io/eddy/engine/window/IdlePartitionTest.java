package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partition that receives no rows holds the watermark back only until the idle timeout; after
 * it, windows close on the other partitions' event time.
 */
class IdlePartitionTest {
  @TempDir Path dir;

  private static final String SETUP = "CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, k BIGINT, v BIGINT, "
      + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (partitions = 2, key = 'k');"
      + "CREATE VIEW closed AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), "
      + "INTERVAL '10' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE;"
      // Every row has key 1, so one of the two partitions stays empty.
      + "INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:01', 1, 1), (TIMESTAMP '2024-01-01 00:00:02', 1, 2),"
      + " (TIMESTAMP '2024-01-01 00:00:30', 1, 3)";

  private static long closedRows(Session s) {
    return ((Result.Rows) s.execute("SELECT * FROM closed")).rows().size();
  }

  @Test
  void idlePartitionStopsHoldingTimeBack() throws InterruptedException {
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("watermark.idle_timeout", "200ms")));
        Session s = engine.openSession()) {
      s.executeScript(SETUP);
      long deadline = System.currentTimeMillis() + 10_000;
      while (closedRows(s) == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      List<Object[]> rows = ((Result.Rows) s.execute("SELECT * FROM closed")).rows();
      assertEquals(1, rows.size());
      assertEquals(2L, rows.get(0)[1]);
    }
  }

  @Test
  void beforeTheIdleTimeoutTheEmptyPartitionHoldsTimeBack() throws InterruptedException {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.execute("SET watermark.idle_timeout = '1 hour'");
      s.executeScript(SETUP);
      Thread.sleep(1000);
      assertEquals(0, closedRows(s));
      String state = ((Result.Rows) s.execute("EXPLAIN STATE closed")).rows().toString();
      assertEquals(0, closedRows(s), state);
    }
  }
}
