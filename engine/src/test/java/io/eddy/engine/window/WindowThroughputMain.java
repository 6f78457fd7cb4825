package io.eddy.engine.window;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Prints the throughput of a 10-second tumbling-window aggregate per auction over N appended rows
 * (default 5 M; one event per millisecond, shuffled within the 2 s watermark delay), and the state
 * left once the watermark passed: measures, asserts nothing.
 * Run: {@code java -cp <test classpath> io.eddy.engine.window.WindowThroughputMain [rows] [emit]}
 * with emit {@code changes} (default) or {@code close}.
 */
public final class WindowThroughputMain {
  private WindowThroughputMain() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    boolean onClose = args.length > 1 && args[1].equals("close");
    Path dir = Files.createTempDirectory("eddy-window-throughput");
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("log.fsync", "none")));
        Session s = engine.openSession()) {
      s.execute("CREATE STREAM bids (ts TIMESTAMP(3) NOT NULL, auction BIGINT, price BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)");
      s.execute("CREATE VIEW v AS SELECT window_start, window_end, auction, COUNT(*) AS n, SUM(price) AS total, "
          + "MAX(price) AS top FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
          + "GROUP BY window_start, window_end, auction" + (onClose ? " EMIT ON WINDOW CLOSE" : ""));
      Random rnd = new Random(42);
      long base = 1_700_000_000_000L;
      long t0 = System.nanoTime();
      int batch = 10_000;
      for (long done = 0; done < n; done += batch) {
        List<Object[]> rows = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          long ts = base + done + i - rnd.nextInt(1500);
          rows.add(new Object[] {ts, (long) rnd.nextInt(1000), (long) rnd.nextInt(10_000)});
        }
        engine.append("bids", rows);
      }
      long t1 = System.nanoTime();
      Result r = s.execute("SELECT COUNT(*) FROM v");
      long t2 = System.nanoTime();
      String state = ((Result.Rows) s.execute("EXPLAIN STATE v")).rows().stream()
          .map(row -> String.valueOf(row[0])).reduce("", (a, b) -> a + b + "\n");
      System.out.printf("rows=%d emit=%s view-rows=%s append=%.2fs end-to-end=%.2fs (%.0f rows/s)%n%s", n,
          onClose ? "close" : "changes", ((Result.Rows) r).rows().get(0)[0], (t1 - t0) / 1e9, (t2 - t0) / 1e9,
          n / ((t2 - t0) / 1e9), state);
    }
  }
}
