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
 * log holds (always {@code 0..n-1}: one row per INSERT) and compares. Event times rise with
 * {@code seq}, except every {@link #LATE_EVERY}th row (from {@code seq} 10 on), which is a day
 * behind: late for every window and for the interval join, so the windowed views and the join
 * leave it out and {@code per_second} writes it into {@code late_bids} (LATE INTO). {@code bids}
 * has one partition, so its watermark follows the rows in log order and which rows are late does
 * not depend on timing.
 */
final class CrashWorkload {
  private CrashWorkload() {}

  static final long T0 = 1_704_067_200_000L;
  private static final java.time.format.DateTimeFormatter TIMESTAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);

  static final int LATE_EVERY = 10;
  static final long DAY = 86_400_000L;
  static final long GAP = 200;

  static final String SCHEMA = """
      CREATE STREAM bids (seq BIGINT, auction BIGINT, price BIGINT, ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '1' SECOND);
      CREATE TABLE auctions (id BIGINT, seller VARCHAR, PRIMARY KEY (id));
      INSERT INTO auctions VALUES (0, 's0'), (1, 's1'), (2, 's2'), (3, 's0'), (4, 's1'), (5, 's2'), (6, 's0'),
        (7, 's1');
      CREATE VIEW totals AS SELECT auction, COUNT(*) AS n, SUM(price) AS s, MIN(price) AS mn FROM bids
        GROUP BY auction;
      CREATE VIEW sellers AS SELECT a.seller, COUNT(*) AS n, SUM(b.price) AS s FROM bids b
        JOIN auctions a ON b.auction = a.id GROUP BY a.seller;
      CREATE VIEW per_second AS SELECT window_start, COUNT(*) AS n, SUM(price) AS s
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end
        EMIT CHANGES LATE INTO late_bids;
      CREATE VIEW close_pairs AS SELECT a.auction, COUNT(*) AS n, SUM(b.price) AS s FROM bids a JOIN bids b
        ON a.auction = b.auction AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '0.1' SECOND GROUP BY a.auction;
      CREATE VIEW sessions AS SELECT auction, COUNT(*) AS n, SUM(price) AS s,
        SESSION_START(ts, INTERVAL '0.2' SECOND) AS st FROM bids GROUP BY auction, SESSION(ts, INTERVAL '0.2' SECOND);
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
    return late(seq) ? T0 - DAY + seq : T0 + seq * 37;
  }

  /** Whether row {@code seq} is a day behind the others (late for every window). */
  static boolean late(long seq) {
    return seq >= LATE_EVERY && seq % LATE_EVERY == LATE_EVERY - 1;
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
      if (!late(i)) {
        long[] w = perSecond.computeIfAbsent(Long.toString(ts(i) / 1000 * 1000), k -> new long[2]);
        w[0]++;
        w[1] += p;
      }
      if (p >= 50) {
        long[] e = expensive.computeIfAbsent(Long.toString(a), k -> new long[2]);
        e[0]++;
        e[1] += p;
      }
    }
    return Map.of("totals", rows(totals, true), "sellers", rows(sellers, false), "per_second", rows(perSecond, true),
        "expensive_totals", rows(expensive, true), "close_pairs", closePairs(n), "sessions", sessions(n));
  }

  /** The interval self-join: pairs of on-time rows of one auction with 0 <= ts(j) - ts(i) <= 100 ms. */
  private static List<String> closePairs(long n) {
    Map<String, long[]> pairs = new TreeMap<>();
    for (long i = 0; i < n; i++) {
      for (long j = i; j < n && j <= i + 3; j++) {
        if (!late(i) && !late(j) && auction(i) == auction(j) && ts(j) - ts(i) <= 100) {
          long[] c = pairs.computeIfAbsent(Long.toString(auction(i)), k -> new long[2]);
          c[0]++;
          c[1] += price(j);
        }
      }
    }
    return rows(pairs, true);
  }

  /** Session windows per auction over the on-time rows: a row within {@link #GAP} of the last one extends it. */
  private static List<String> sessions(long n) {
    Map<Long, long[]> open = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      if (late(i)) {
        continue;
      }
      long a = auction(i);
      long[] s = open.get(a); // n, sum, start, last ts
      if (s != null && ts(i) >= s[3] + GAP) {
        out.add(Arrays.toString(new Object[] {a, s[0], s[1], s[2]}));
        s = null;
      }
      if (s == null) {
        s = new long[] {0, 0, ts(i), ts(i)};
        open.put(a, s);
      }
      s[0]++;
      s[1] += price(i);
      s[3] = ts(i);
    }
    open.forEach((a, s) -> out.add(Arrays.toString(new Object[] {a, s[0], s[1], s[2]})));
    Collections.sort(out);
    return out;
  }

  /** The late stream's rows: per_second's name and event time of every late row, sorted. */
  static List<String> lateRows(long n) {
    List<String> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      if (late(i)) {
        out.add(Arrays.toString(new Object[] {"per_second", ts(i)}));
      }
    }
    Collections.sort(out);
    return out;
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
