package io.eddy.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.engine.kafka.KafkaTopicReader;
import io.eddy.log.kafka.KafkaBroker;
import io.eddy.log.kafka.KafkaBrokerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of an engine whose derived stream lives in Kafka: a child JVM ({@link CrashEngineChild})
 * inserts rows into {@code bids} (Eddy's log) while the derived stream {@code expensive} (on the
 * test broker, 2 partitions, written in transactions its checkpoints commit) filters them and a
 * view aggregates the stream; checkpoints every 20-200 ms, sometimes pausing before the manifest
 * and before the commit so kills land inside the protocol. After every kill a plain
 * {@code read_committed} consumer must see no row twice and no row that should not be there;
 * on every other cycle (and the last) this process opens the engine itself, lets the stream catch
 * up, and then the consumer must see every qualifying row of {@code bids} exactly once and the view
 * must equal the reference. Prints acked / expected / present / lost / duplicated. Cycles:
 * {@code -Deddy.kafka.crash.cycles} (4; 60 with {@code -Pcrash-soak}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaEngineCrashTest {
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  @TempDir
  Path dir;

  private final KafkaBroker broker;
  private final String topic = "crash-" + System.nanoTime();
  private long restoredFromCheckpoint;
  private long verified;
  private long abortedCheckpoints;

  KafkaEngineCrashTest(KafkaBroker broker) {
    this.broker = broker;
  }

  private String schema() {
    return """
        CREATE STREAM bids (seq BIGINT, auction BIGINT, price BIGINT, ts TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH (partitions = 2);
        CREATE STREAM expensive WITH (connector = 'kafka', topic = '%s', 'kafka.bootstrap.servers' = '%s',
          partitions = 2) AS SELECT seq, auction, price FROM bids WHERE price >= 50;
        CREATE VIEW expensive_totals AS SELECT auction, COUNT(*) AS n, SUM(price) AS s FROM expensive
          GROUP BY auction;
        """.formatted(topic, broker.bootstrap());
  }

  @Test
  void killedEnginesWriteEveryDerivedRowToKafkaExactlyOnce() throws Exception {
    int cycles = Integer.getInteger("eddy.kafka.crash.cycles", 4);
    long seed = Long.getLong("eddy.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    try (Engine e = Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "50ms")));
        Session s = e.openSession()) {
      s.executeScript(schema());
    }
    Set<Long> acked = new HashSet<>();
    long t0 = System.nanoTime();
    long[] last = null;
    for (int cycle = 0; cycle < cycles; cycle++) {
      String what = "seed " + seed + ", cycle " + cycle;
      String interval = List.of("20ms", "50ms", "200ms").get(random.nextInt(3));
      String pause = List.of("0", "0", "10", "40").get(random.nextInt(4));
      EngineCrashTest.Child child = EngineCrashTest.Child.runAndKill(dir, interval, pause, random.nextInt(800));
      acked.addAll(child.acks);
      if (child.output.indexOf("was not committed") >= 0) {
        abortedCheckpoints++; // this child restored the checkpoint before one whose transaction was aborted
      }
      // What a consumer sees right after the kill: a prefix, never a row twice, never a wrong row.
      Map<Long, Integer> seen = committedSeqs();
      assertEquals(0, duplicated(seen), what + ": duplicated rows right after the kill");
      for (long seq : seen.keySet()) {
        assertTrue(CrashWorkload.price(seq) >= 50, what + ": row " + seq + " does not qualify");
      }
      if (cycle % 2 == 1 || cycle == cycles - 1) {
        last = verify(acked, what);
      }
    }
    System.out.printf("Kafka engine kill -9 crash test: %d cycles in %.1f s (%d verified): acked %d, rows in bids %d, "
        + "derived stream on Kafka (read_committed consumer): expected %d, present %d, lost %d, duplicated %d; "
        + "queries restored from checkpoints %d; restarts that found the newest checkpoint's transaction aborted %d%n",
        cycles, (System.nanoTime() - t0) / 1e9, verified, acked.size(), last[0], last[1], last[2], last[3], last[4],
        restoredFromCheckpoint, abortedCheckpoints);
    assertTrue(restoredFromCheckpoint > 0, "no query was restored from a checkpoint");
  }

  /** Opens the engine, lets the derived stream catch up and commit, and checks topic and view exactly. */
  private long[] verify(Set<Long> acked, String what) {
    long n;
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.eddy.engine.internal.QueryCheckpoints");
    java.util.logging.Handler count = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        if (r.getMessage() != null && r.getMessage().contains("was not committed")) {
          abortedCheckpoints++;
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(count);
    try (Engine e = Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", "50ms")));
        Session s = e.openSession()) {
      for (Object[] q : rows(s, "SHOW QUERIES")) {
        if (((String) q[q.length - 1]).startsWith("checkpoint")) {
          restoredFromCheckpoint++;
        }
      }
      Object max = rows(s, "SELECT MAX(seq) FROM bids").get(0)[0];
      n = max == null ? 0 : (Long) max + 1;
      for (long a : acked) {
        assertTrue(a < n, what + ": acknowledged row " + a + " is missing");
      }
      // read-your-writes through the derived stream: it caught up and committed a checkpoint
      List<String> view = new ArrayList<>();
      for (Object[] r : rows(s, "SELECT * FROM expensive_totals")) {
        view.add(Arrays.toString(r));
      }
      Collections.sort(view);
      assertEquals(CrashWorkload.expected(n).get("expensive_totals"), view, what + ": view expensive_totals");
    } finally {
      log.removeHandler(count);
    }
    Map<Long, Integer> seen = committedSeqs();
    long expected = 0;
    long lost = 0;
    for (long i = 0; i < n; i++) {
      if (CrashWorkload.price(i) >= 50) {
        expected++;
        lost += seen.containsKey(i) ? 0 : 1;
      }
    }
    long duplicated = duplicated(seen);
    System.out.printf("  %s: rows in bids %d, derived expected %d, present %d, lost %d, duplicated %d%n", what, n,
        expected, seen.size(), lost, duplicated);
    assertEquals(0, lost, what + ": lost derived rows");
    assertEquals(0, duplicated, what + ": duplicated derived rows");
    assertEquals(expected, seen.size(), what + ": derived rows that should not be there");
    verified++;
    return new long[] {n, expected, seen.size(), lost, duplicated};
  }

  /** The seq of every record a read_committed consumer sees in the topic, with its count. */
  private Map<Long, Integer> committedSeqs() {
    Map<Long, Integer> seqs = new TreeMap<>();
    for (String v : KafkaTopicReader.committed(broker.bootstrap(), topic, 2)) {
      Matcher m = SEQ.matcher(v);
      assertTrue(m.find(), v);
      seqs.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
    }
    return seqs;
  }

  private static long duplicated(Map<Long, Integer> seen) {
    return seen.values().stream().mapToLong(c -> c - 1).sum();
  }

  private static List<Object[]> rows(Session s, String sql) {
    return ((Result.Rows) s.execute(sql)).rows();
  }
}
