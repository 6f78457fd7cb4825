package io.eddy.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints the throughput of a filter + GROUP BY view over N appended rows (default 10 M), through
 * the Java API: append time, then the time until the view has caught up. Measures; asserts nothing.
 * Run: {@code java -cp <test classpath> io.eddy.engine.ThroughputMain [rows]}.
 */
public final class ThroughputMain {
  private ThroughputMain() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path dir = Files.createTempDirectory("eddy-throughput");
    try (Engine engine = Engine.open(new EngineConfig(dir, java.util.Map.of("log.fsync", "none")));
        Session s = engine.openSession()) {
      s.execute("CREATE STREAM bids (auction BIGINT, price BIGINT, bidder BIGINT)");
      s.execute("CREATE VIEW v AS SELECT auction, COUNT(*) AS n, SUM(price) AS total, MAX(price) AS top "
          + "FROM bids WHERE price > 100 GROUP BY auction");
      Random rnd = new Random(42);
      long t0 = System.nanoTime();
      int batch = 10_000;
      for (long done = 0; done < n; done += batch) {
        List<Object[]> rows = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          rows.add(new Object[] {(long) rnd.nextInt(1000), (long) rnd.nextInt(10_000), (long) rnd.nextInt(100_000)});
        }
        engine.append("bids", rows);
      }
      long t1 = System.nanoTime();
      Result r = s.execute("SELECT COUNT(*) FROM v");
      long t2 = System.nanoTime();
      System.out.printf("rows=%d groups=%s append=%.2fs (%.0f rows/s) end-to-end=%.2fs (%.0f rows/s)%n",
          n, ((Result.Rows) r).rows().get(0)[0], (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9),
          (t2 - t0) / 1e9, n / ((t2 - t0) / 1e9));
    }
  }
}
