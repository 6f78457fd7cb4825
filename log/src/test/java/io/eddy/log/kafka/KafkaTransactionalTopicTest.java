package io.eddy.log.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transactional writes on a real broker: records are invisible to (read_committed) readers until
 * the commit, a reopened writer of the same id resolves the open transaction of the one before it
 * (aborted unless committed), a probe tells committed from aborted, and a fenced writer fails.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaTransactionalTopicTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private final KafkaBroker broker;
  private KafkaLogStore store;
  private KafkaTopicLog topic;

  KafkaTransactionalTopicTest(KafkaBroker broker) {
    this.broker = broker;
  }

  @BeforeEach
  void create() {
    store = KafkaLogStore.connect(KafkaSettings.of(Map.of("bootstrap.servers", broker.bootstrap())));
    String name = "txn-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
    store.create(name, 2);
    topic = store.open(name);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static List<LogRecord> records(String... values) {
    List<LogRecord> out = new ArrayList<>();
    for (String v : values) {
      out.add(LogRecord.of(1000, v.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private List<String> committed(int p) {
    List<String> out = new ArrayList<>();
    long end = topic.end(p, 0);
    for (long at = 0; at < end; ) {
      long next = topic.partition(p).read(at, 1 << 20, (o, ts, b, off, len) ->
          out.add(new String(b, off, len, StandardCharsets.UTF_8)));
      if (next == at) {
        break;
      }
      at = next;
    }
    return out;
  }

  @Test
  void recordsBecomeVisibleAtTheCommitAndAnUnfinishedTransactionIsAbortedByTheNextWriter() {
    KafkaTransactionalTopic.Probe first;
    try (KafkaTransactionalTopic w = topic.transactional("eddy-test-" + topic.name())) {
      assertNull(w.probe());
      long at = w.partition(1).append(records("a", "b"));
      w.partition(0).append(records("c"));
      first = w.probe();
      assertEquals(new KafkaTransactionalTopic.Probe(1, at), first);
      assertEquals(at + 2, w.partition(1).endOffset());
      assertEquals(List.of(), committed(1), "uncommitted records are invisible");
      w.commit();
      assertNull(w.probe());
      assertEquals(List.of("a", "b"), committed(1));
      assertEquals(List.of("c"), committed(0));
      assertTrue(w.committed(first));

      w.partition(1).append(records("d"));
      w.partition(0).append(records("e"));
      // closing aborts the open transaction
    }
    assertEquals(List.of("c"), committed(0));
    KafkaTransactionalTopic.Probe open;
    // a writer that dies (is never closed) leaves its transaction open
    KafkaTransactionalTopic dead = topic.transactional("eddy-test-" + topic.name());
    dead.partition(0).append(records("f", "g"));
    open = dead.probe();
    try (KafkaTransactionalTopic next = topic.transactional("eddy-test-" + topic.name())) {
      assertFalse(next.committed(open), "the open transaction of the fenced writer was aborted");
      assertTrue(next.committed(first));
      assertEquals(List.of("a", "b"), committed(1));
      assertEquals(List.of("c"), committed(0));
      assertEquals(0, next.committedRecords(0, 1));
      assertEquals(1, next.committedRecords(0, 0));
      EddyException fenced = assertThrows(EddyException.class, () -> {
        dead.partition(1).append(records("h"));
        dead.commit();
      });
      assertEquals(ErrorCode.STORAGE, fenced.code());
      next.partition(0).append(records("i"));
      next.commit();
      assertEquals(List.of("c", "i"), committed(0));
    } finally {
      dead.close();
    }
  }
}
