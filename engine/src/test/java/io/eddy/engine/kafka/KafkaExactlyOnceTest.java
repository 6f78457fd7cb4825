package io.eddy.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.log.kafka.KafkaBroker;
import io.eddy.log.kafka.KafkaBrokerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived stream kept in Kafka is exactly-once: its query writes in Kafka transactions that its
 * checkpoints commit, so a read_committed consumer outside Eddy sees each output row once, across
 * clean restarts, and a view over the stream agrees. Crashes at any moment (kill -9) are
 * {@code io.eddy.engine.checkpoint.KafkaEngineCrashTest}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaExactlyOnceTest {
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @TempDir
  Path dir;

  private final KafkaBroker broker;

  KafkaExactlyOnceTest(KafkaBroker broker) {
    this.broker = broker;
  }

  private Engine open(String interval) {
    return Engine.open(new EngineConfig(dir, Map.of("checkpoint.interval", interval)));
  }

  private static String insert(int from, int to) {
    StringBuilder sb = new StringBuilder("INSERT INTO orders VALUES ");
    for (int id = from; id < to; id++) {
      sb.append(id == from ? "" : ", ").append('(').append(id).append(", ").append(id % 7).append(')');
    }
    return sb.toString();
  }

  private static String startedFrom(Session s, String name) {
    for (Object[] row : ((Result.Rows) s.execute("SHOW QUERIES")).rows()) {
      if (row[0].equals(name)) {
        return (String) row[row.length - 1];
      }
    }
    throw new AssertionError("no query " + name);
  }

  /** Ids in the topic as a read_committed consumer sees them, with how often each appears. */
  private Map<Long, Integer> committedIds(String topic) {
    Map<Long, Integer> ids = new TreeMap<>();
    for (String v : KafkaTopicReader.committed(broker.bootstrap(), topic, 2)) {
      Matcher m = ID.matcher(v);
      assertTrue(m.find(), v);
      ids.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
    }
    return ids;
  }

  /** Checks that the topic holds every id below {@code n} with amount >= 3 exactly once; prints the figures. */
  private void assertExactlyOnce(String topic, int n, String when) {
    Map<Long, Integer> ids = committedIds(topic);
    List<Long> expected = new ArrayList<>();
    for (long id = 0; id < n; id++) {
      if (id % 7 >= 3) {
        expected.add(id);
      }
    }
    long lost = expected.stream().filter(id -> !ids.containsKey(id)).count();
    long duplicated = ids.values().stream().mapToLong(c -> c - 1).sum();
    System.out.printf("Kafka derived stream %s: expected %d, present %d, lost %d, duplicated %d%n", when,
        expected.size(), ids.size(), lost, duplicated);
    assertEquals(0, lost, when + ": lost");
    assertEquals(0, duplicated, when + ": duplicated");
    assertEquals(expected, new ArrayList<>(ids.keySet()), when + ": ids");
  }

  @Test
  void aDerivedStreamOnKafkaFedByAViewIsExactlyOnceAcrossRestarts() {
    String topic = "eos-" + System.nanoTime();
    String kafka = "connector = 'kafka', topic = '" + topic + "', 'kafka.bootstrap.servers' = '"
        + broker.bootstrap() + "', partitions = 2";
    try (Engine e = open("100ms"); Session s = e.openSession()) {
      s.execute("CREATE STREAM orders (id BIGINT, amount BIGINT) WITH (partitions = 2)");
      s.execute("CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount >= 3");
      s.execute("CREATE STREAM big WITH (" + kafka + ") AS SELECT id, amount FROM big_orders");
      s.execute("CREATE VIEW big_totals AS SELECT COUNT(*) AS n, SUM(amount) AS total FROM big");
      s.execute(insert(0, 300));
      assertEquals("[[171, 768]]", rows(s, "SELECT * FROM big_totals"));
    }
    assertExactlyOnce(topic, 300, "after a clean close");
    try (Engine e = open("100ms"); Session s = e.openSession()) {
      assertTrue(startedFrom(s, "big").startsWith("checkpoint "), startedFrom(s, "big"));
      s.execute(insert(300, 600));
      assertEquals("[[342, 1537]]", rows(s, "SELECT * FROM big_totals"));
    }
    assertExactlyOnce(topic, 600, "after a restart");
    try (Engine e = open("1h"); Session s = e.openSession()) {
      s.execute(insert(600, 700));
      // read-your-writes through the derived stream commits a checkpoint on request
      assertEquals("[[400, 1800]]", rows(s, "SELECT * FROM big_totals"));
      assertExactlyOnce(topic, 700, "after a requested checkpoint");
    }
  }

  private static String rows(Session s, String sql) {
    List<String> out = new ArrayList<>();
    for (Object[] r : ((Result.Rows) s.execute(sql)).rows()) {
      out.add(java.util.Arrays.toString(r));
    }
    return out.toString();
  }
}
