package io.eddy.engine.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.engine.Engine;
import io.eddy.engine.EngineConfig;
import io.eddy.engine.Result;
import io.eddy.engine.Session;
import io.eddy.log.kafka.KafkaBroker;
import io.eddy.log.kafka.KafkaBrokerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams on a real Kafka broker: records produced by a plain Kafka producer and by INSERT feed a
 * GROUP BY view, malformed records are counted and skipped, a restart neither loses nor repeats
 * input, derived streams write JSON to their topic, and bad settings are clear errors.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaStreamTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaBroker broker;
  private static KafkaProducer<String, String> producer;

  @TempDir
  Path dir;

  @BeforeAll
  static void start(KafkaBroker b) {
    broker = b;
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", b.bootstrap(), "acks", "all", "linger.ms", 0),
        new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
  }

  private static String topic(String base) {
    return base + "-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
  }

  private static String with(String topic, String more) {
    return " WITH (connector = 'kafka', topic = '" + topic + "', 'kafka.bootstrap.servers' = '" + broker.bootstrap()
        + "'" + more + ")";
  }

  /** Sends each record to partition (index mod partitions) and waits for the broker's acknowledgement. */
  private static void produce(String topic, int partitions, List<String> records) throws Exception {
    List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      sent.add(producer.send(new ProducerRecord<>(topic, i % partitions, null, records.get(i))));
    }
    for (java.util.concurrent.Future<?> f : sent) {
      f.get();
    }
  }

  /** The values of the first {@code n} records of the topic's partitions, read with a plain consumer. */
  private static List<String> consume(String topic, int partitions, int n) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrap()),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        tps.add(new TopicPartition(topic, p));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (values.size() < n && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private static List<String> rows(Result r) {
    List<String> out = new ArrayList<>();
    for (Object[] row : ((Result.Rows) r).rows()) {
      out.add(Arrays.toString(row));
    }
    return out;
  }

  /** SHOW QUERIES' last column, {@code started_from}, for the query of {@code name}. */
  private static String startedFrom(Session s, String name) {
    for (Object[] row : ((Result.Rows) s.execute("SHOW QUERIES")).rows()) {
      if (row[0].equals(name)) {
        return (String) row[row.length - 1];
      }
    }
    throw new AssertionError("no query " + name);
  }

  /** Waits until {@code sql} returns {@code expected} (records produced outside Eddy arrive asynchronously). */
  private static void awaitRows(Session s, String sql, List<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> actual = rows(s.execute(sql));
    while (!actual.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      actual = rows(s.execute(sql));
    }
    assertEquals(expected, actual, sql);
  }

  /** Order records: id, customer c(id % 5), amount id % 17; every 10th is malformed in a different way. */
  private static List<String> orders(int from, int to, List<long[]> accepted) {
    List<String> out = new ArrayList<>();
    for (int id = from; id < to; id++) {
      if (id % 10 == 3) {
        out.add(id % 20 == 3 ? "{\"id\": " + id + ", \"amount\": \"lots\"}" : "not json " + id);
        continue;
      }
      out.add("{\"id\": " + id + ", \"customer\": \"c" + (id % 5) + "\", \"amount\": " + (id % 17) + "}");
      accepted.add(new long[] {id, id % 5, id % 17});
    }
    return out;
  }

  /** What {@code SELECT customer, COUNT(*), SUM(amount) ... GROUP BY customer ORDER BY customer} returns. */
  private static List<String> totals(List<long[]> accepted) {
    Map<String, long[]> byCustomer = new TreeMap<>();
    for (long[] r : accepted) {
      long[] t = byCustomer.computeIfAbsent("c" + r[1], k -> new long[2]);
      t[0]++;
      t[1] += r[2];
    }
    List<String> out = new ArrayList<>();
    byCustomer.forEach((c, t) -> out.add("[" + c + ", " + t[0] + ", " + t[1] + "]"));
    return out;
  }

  private static final String VIEW = "CREATE VIEW totals AS SELECT customer, COUNT(*) AS n, SUM(amount) AS total "
      + "FROM orders GROUP BY customer";
  private static final String TOTALS = "SELECT * FROM totals ORDER BY customer";

  @Test
  void producedAndInsertedRecordsFeedAGroupByViewAndMalformedOnesAreCounted() throws Exception {
    String topic = topic("orders");
    List<long[]> accepted = new ArrayList<>();
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.execute("CREATE STREAM orders (id BIGINT NOT NULL, customer VARCHAR, amount BIGINT)"
          + with(topic, ", partitions = 3"));
      s.execute(VIEW);
      produce(topic, 3, orders(0, 60, accepted));
      awaitRows(s, TOTALS, totals(accepted));

      s.execute("INSERT INTO orders VALUES (1000, 'c1', 7), (1001, 'c9', 1), (1002, 'c1', 2)");
      accepted.add(new long[] {1000, 1, 7});
      accepted.add(new long[] {1001, 9, 1});
      accepted.add(new long[] {1002, 1, 2});
      assertEquals(totals(accepted), rows(s.execute(TOTALS)), "read-your-writes after an INSERT");
      assertEquals(List.of("[" + accepted.size() + "]"), rows(s.execute("SELECT COUNT(*) FROM orders")));

      List<String> streams = rows(s.execute("SHOW STREAMS"));
      assertTrue(streams.get(0).contains("3 partitions, kafka topic '" + topic + "' (json), 6 malformed records"),
          streams.toString());
      String described = rows(s.execute("DESCRIBE orders")).get(3);
      assertTrue(described.startsWith("[(malformed records), 6; first: partition "), described);
      assertTrue(described.contains("not valid JSON") && described.contains("column amount"), described);
    }
    // INSERTed rows are JSON objects in the topic, spread over its partitions
    List<String> inserted = consume(topic, 3, 63);
    assertEquals(63, inserted.size());
    assertTrue(inserted.contains("{\"id\":1001,\"customer\":\"c9\",\"amount\":1}"), inserted.toString());
  }

  @Test
  void aRestartNeitherLosesNorRepeatsRecords() throws Exception {
    String topic = topic("restart");
    List<long[]> accepted = new ArrayList<>();
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.execute("CREATE STREAM orders (id BIGINT NOT NULL, customer VARCHAR, amount BIGINT)"
          + with(topic, ", partitions = 2"));
      s.execute(VIEW);
      produce(topic, 2, orders(0, 100, accepted));
      awaitRows(s, TOTALS, totals(accepted));
    }
    produce(topic, 2, orders(100, 150, accepted));
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      // The view resumes from the checkpoint its clean close wrote (Kafka offsets included).
      assertTrue(startedFrom(s, "totals").startsWith("checkpoint "), startedFrom(s, "totals"));
      awaitRows(s, TOTALS, totals(accepted));
      s.execute("INSERT INTO orders VALUES (500, 'c0', 1)");
      accepted.add(new long[] {500, 0, 1});
      assertEquals(totals(accepted), rows(s.execute(TOTALS)));
      assertEquals(List.of("[" + accepted.size() + "]"), rows(s.execute("SELECT COUNT(*) FROM orders")));
    }
  }

  @Test
  void csvStreamWithEventTimeAndADerivedJsonStream() throws Exception {
    String in = topic("csv-in");
    String out = topic("json-out");
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      s.execute("CREATE STREAM clicks (url VARCHAR, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
          + with(in, ", format = 'csv'"));
      s.execute("CREATE STREAM slow" + with(out, "") + " AS SELECT url, ts FROM clicks WHERE url <> 'skip'");
      s.execute("CREATE VIEW per_window AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE clicks, "
          + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
      produce(in, 1, List.of("/a,2024-01-01 00:00:01", "skip,2024-01-01 00:00:05", "/b,", "/c,2024-01-01 00:00:12",
          "/d,2024-01-01 00:00:25"));
      awaitRows(s, "SELECT * FROM per_window ORDER BY window_start",
          List.of("[1704067200000, 2]", "[1704067210000, 1]"));
      awaitRows(s, "SELECT url FROM slow ORDER BY url", List.of("[/a]", "[/c]", "[/d]"));
      assertTrue(rows(s.execute("SHOW STREAMS")).toString().contains("(csv), 1 malformed record,"));
    }
    List<String> written = consume(out, 1, 3);
    assertEquals(List.of("{\"url\":\"/a\",\"ts\":\"2024-01-01 00:00:01.000\"}",
        "{\"url\":\"/c\",\"ts\":\"2024-01-01 00:00:12.000\"}",
        "{\"url\":\"/d\",\"ts\":\"2024-01-01 00:00:25.000\"}"), written);
  }

  @Test
  void badSettingsAndAnUnreachableBrokerAreClearErrors() throws Exception {
    try (Engine engine = Engine.open(EngineConfig.of(dir)); Session s = engine.openSession()) {
      String topic = topic("settings");
      s.execute("CREATE STREAM three (x BIGINT)" + with(topic, ", partitions = 3"));
      EddyException mismatch = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM again (x BIGINT)" + with(topic, ", partitions = 2")));
      assertEquals(ErrorCode.VALIDATION, mismatch.code());
      assertTrue(mismatch.getMessage().contains("has 3 partitions"), mismatch.getMessage());
      s.execute("CREATE STREAM same (x BIGINT)" + with(topic, ""));
      assertTrue(rows(s.execute("SHOW STREAMS")).toString().contains("[same, 1, 3 partitions, kafka"));

      EddyException group = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM g (x BIGINT)" + with(topic("g"), ", 'kafka.group.id' = 'mine'")));
      assertEquals(ErrorCode.VALIDATION, group.code());
      EddyException format = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM f (x BIGINT)" + with(topic("f"), ", format = 'xml'")));
      assertEquals(ErrorCode.VALIDATION, format.code());
      EddyException value = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM v (x BIGINT)" + with(topic("v"), ", 'kafka.request.timeout.ms' = 'soon'")));
      assertEquals(ErrorCode.CONNECTION, value.code());
      assertTrue(value.getMessage().contains("request.timeout.ms") && value.getMessage().contains(broker.bootstrap()),
          value.getMessage());
      EddyException table = assertThrows(EddyException.class, () -> s.execute(
          "CREATE TABLE t (x BIGINT, PRIMARY KEY (x))" + with(topic("t"), "")));
      assertEquals(ErrorCode.UNSUPPORTED, table.code());

      int closedPort;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      long t0 = System.nanoTime();
      EddyException unreachable = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM u (x BIGINT) WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '127.0.0.1:" + closedPort
              + "', 'kafka.default.api.timeout.ms' = '1500', 'kafka.request.timeout.ms' = '1000')"));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(ErrorCode.CONNECTION, unreachable.code());
      assertTrue(unreachable.getMessage().contains("127.0.0.1:" + closedPort), unreachable.getMessage());
      assertTrue(millis < 15_000, "gave up after " + millis + " ms");
      assertTrue(rows(s.execute("SHOW STREAMS")).stream().noneMatch(r -> r.startsWith("[u,")));
    }
  }

  @Test
  void aConfigDryRunChecksKafkaStreamsWithoutContactingTheBroker() {
    try (Engine engine = Engine.open(new EngineConfig(dir, Map.of("connectors.offline", "true")));
        Session s = engine.openSession()) {
      String unreachable = " WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '127.0.0.1:1'";
      s.execute("CREATE STREAM a (x BIGINT)" + unreachable + ", partitions = 2)");
      s.execute("CREATE STREAM b" + unreachable + ") AS SELECT x FROM a");
      s.execute("INSERT INTO a VALUES (1), (2)");
      assertEquals(List.of("[2]"), rows(s.execute("SELECT COUNT(*) FROM b")));
      EddyException bad = assertThrows(EddyException.class, () -> s.execute(
          "CREATE STREAM c (x BIGINT)" + unreachable + ", 'kafka.request.timeout.ms' = 'soon')"));
      assertEquals(ErrorCode.CONNECTION, bad.code());
    }
  }
}
