package io.eddy.log.kafka;

import io.eddy.log.PartitionLog;
import io.eddy.log.PartitionLogContract;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Kafka partition log against the {@link PartitionLogContract}, on a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaPartitionLogContractTest extends PartitionLogContract {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static KafkaBroker broker;
  private KafkaLogStore store;
  private String topic;

  @BeforeAll
  static void broker(KafkaBroker b) {
    broker = b;
  }

  private KafkaLogStore connect() {
    return KafkaLogStore.connect(KafkaSettings.of(Map.of("bootstrap.servers", broker.bootstrap())));
  }

  @Override
  protected PartitionLog newPartition() {
    store = connect();
    topic = "contract-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
    return store.create(topic, 1).partition(0);
  }

  @Override
  protected PartitionLog reopen() {
    store.close();
    store = connect();
    return store.open(topic).partition(0);
  }

  @Override
  protected boolean dropBefore(PartitionLog log, long offset) {
    try (Admin admin = broker.admin()) {
      admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offset))).all()
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return true;
  }

  @Override
  protected int concurrentRecords() {
    return 1_000;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }
}
