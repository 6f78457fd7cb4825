package io.eddy.engine.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a plain {@code read_committed} Kafka consumer outside Eddy sees of a topic: every committed
 * record value from the start of each partition to its committed end (last stable offset) as of
 * the call, partitions in order.
 */
public final class KafkaTopicReader {
  private KafkaTopicReader() {}

  public static List<String> committed(String bootstrap, String topic, int partitions) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        tps.add(new TopicPartition(topic, p));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " up to " + ends);
        }
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
          if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
            values.add(r.value());
          }
        }
      }
    }
    return values;
  }
}
