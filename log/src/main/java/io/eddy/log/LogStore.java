package io.eddy.log;

import java.util.Set;

/**
 * A set of named topics, each an ordered set of partitions of append-only records. The embedded
 * implementation keeps a directory per topic; a Kafka-backed one maps topics to Kafka topics.
 * Thread-safe. Closing the store closes every topic it opened.
 */
public interface LogStore extends AutoCloseable {

  /** Creates a topic with the store's default settings; fails with {@code ALREADY_EXISTS} if it exists. */
  default TopicLog create(String topic, int partitions) {
    return create(topic, partitions, TopicConfig.DEFAULTS);
  }

  /** Creates a topic with its own settings, kept with it; fails with {@code ALREADY_EXISTS} if it exists. */
  TopicLog create(String topic, int partitions, TopicConfig config);

  /** Opens an existing topic; fails with {@code NOT_FOUND} if it does not exist. */
  TopicLog open(String topic);

  boolean exists(String topic);

  Set<String> topics();

  /** Deletes a topic and all its data. */
  void delete(String topic);

  @Override
  void close();
}
