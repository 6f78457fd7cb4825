package io.eddy.engine.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data and views of the engine crash test: row {@code seq} of stream {@code bids} is a pure
 * function of {@code seq}, so the parent computes every view's expected contents from the rows the
 * log holds (always {@code 0..n-1}: one row per INSERT) and compares.
 */
final class CrashWorkload {
  private CrashWorkload() {}

  static final long T0 = 1_704_067_200_000L;
  private static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

  static final String SCHEMA = """
      CREATE STREAM bids (seq BIGINT, auction BIGINT, price BIGINT, ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (partitions = 2);
      CREATE TABLE auctions (id BIGINT, seller VARCHAR, PRIMARY KEY (id));
      INSERT INTO auctions VALUES (0, 's0'), (1, 's1'), (2, 's2'), (3, 's0'), (4, 's1'), (5, 's2'), (6, 's0'),
        (7, 's1');
      CREATE VIEW totals AS SELECT auction, COUNT(*) AS n, SUM(price) AS s, MIN(price) AS mn FROM bids
        GROUP BY auction;
      CREATE VIEW sellers AS SELECT a.seller, COUNT(*) AS n, SUM(b.price) AS s FROM bids b
        JOIN auctions a ON b.auction = a.id GROUP BY a.seller;
      CREATE VIEW per_second AS SELECT window_start, COUNT(*) AS n, SUM(price) AS s
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;
      CREATE STREAM expensive WITH (partitions = 2) AS SELECT seq, auction, price FROM bids WHERE price >= 50;
      CREATE VIEW expensive_totals AS SELECT auction, COUNT(*) AS n, SUM(price) AS s FROM expensive
        GROUP BY auction;
      """;

  static long auction(long seq) {
    return mix(seq) % 10;
  }

  static long price(long seq) {
    return (mix(seq) >>> 8) % 100;
  }

  static long ts(long seq) {
    return T0 + seq * 37;
  }

  static String insert(long seq) {
    return "INSERT INTO bids VALUES (" + seq + ", " + auction(seq) + ", " + price(seq) + ", TIMESTAMP '"
        + TIMESTAMP.format(java.time.Instant.ofEpochMilli(ts(seq))) + "')";
  }

  private static long mix(long x) {
    long z = x * 0x9E3779B97F4A7C15L + 12345;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  /** Expected contents of each view (sorted row strings) over rows {@code 0..n-1}. */
  static Map<String, List<String>> expected(long n) {
    Map<String, long[]> totals = new TreeMap<>();
    Map<String, long[]> sellers = new TreeMap<>();
    Map<String, long[]> perSecond = new TreeMap<>();
    Map<String, long[]> expensive = new TreeMap<>();
    for (long i = 0; i < n; i++) {
      long a = auction(i);
      long p = price(i);
      long[] t = totals.computeIfAbsent(Long.toString(a), k -> new long[] {0, 0, Long.MAX_VALUE});
      t[0]++;
      t[1] += p;
      t[2] = Math.min(t[2], p);
      if (a < 8) {
        long[] s = sellers.computeIfAbsent("s" + a % 3, k -> new long[2]);
        s[0]++;
        s[1] += p;
      }
      long[] w = perSecond.computeIfAbsent(Long.toString(ts(i) / 1000 * 1000), k -> new long[2]);
      w[0]++;
      w[1] += p;
      if (p >= 50) {
        long[] e = expensive.computeIfAbsent(Long.toString(a), k -> new long[2]);
        e[0]++;
        e[1] += p;
      }
    }
    return Map.of("totals", rows(totals, true), "sellers", rows(sellers, false), "per_second", rows(perSecond, true),
        "expensive_totals", rows(expensive, true));
  }

  private static List<String> rows(Map<String, long[]> groups, boolean numericKey) {
    List<String> out = new ArrayList<>();
    groups.forEach((k, v) -> {
      Object[] row = new Object[v.length + 1];
      row[0] = numericKey ? (Object) Long.parseLong(k) : k;
      for (int i = 0; i < v.length; i++) {
        row[i + 1] = v[i];
      }
      out.add(Arrays.toString(row));
    });
    Collections.sort(out);
    return out;
  }
}
