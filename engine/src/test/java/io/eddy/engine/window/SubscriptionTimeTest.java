package io.eddy.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Change;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Session;
import io.eddy.engine.Subscription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions to windowed views carry the watermark as {@code _time}. */
class SubscriptionTimeTest {
  @TempDir Path dir;

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void closedWindowsCarryTheWatermarkThatClosedThem() throws InterruptedException {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.executeScript("CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, price BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND);"
          + "CREATE VIEW closed AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, "
          + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE;"
          + "CREATE VIEW changing AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE bids, "
          + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end");
      try (Subscription closed = (Subscription) s.execute("SUBSCRIBE TO closed");
          Subscription changing = (Subscription) s.execute("SUBSCRIBE TO changing")) {
        s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:01', 1), (TIMESTAMP '2024-01-01 00:00:12', 2)");
        Change first = changing.poll(5, TimeUnit.SECONDS);
        assertNotNull(first);
        s.execute("INSERT INTO bids VALUES (TIMESTAMP '2024-01-01 00:00:16', 3)");
        Change c = closed.poll(5, TimeUnit.SECONDS);
        assertNotNull(c);
        assertEquals(1, c.diff());
        assertEquals(at("2024-01-01T00:00:00Z"), c.row()[0]);
        assertEquals(at("2024-01-01T00:00:11Z"), c.time());
        long last = first.time();
        for (Change x = changing.poll(1, TimeUnit.SECONDS); x != null; x = changing.poll(200, TimeUnit.MILLISECONDS)) {
          assertTrue(x.time() >= last, "time went back: " + x.time() + " < " + last);
          assertTrue(x.time() <= at("2024-01-01T00:00:11Z"));
          last = x.time();
        }
        assertEquals(at("2024-01-01T00:00:07Z"), last);
      }
    }
  }
}
