package io.eddy.log.kafka;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogStore;
import io.eddy.log.TopicConfig;
import io.eddy.log.TopicLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The {@link LogStore} of one Kafka cluster: topics are Kafka topics, partitions Kafka partitions,
 * offsets Kafka offsets. Values pass through unchanged (bytes in, bytes out); the engine wraps a
 * topic in a text format ({@link io.eddy.log.format.TextTopicLog}) to read and write JSON or CSV.
 *
 * <p>Reads use consumers assigned to single partitions, without a group and without committing:
 * positions belong to the reader (Eddy's checkpoints), never to the broker. Appends go through
 * one idempotent producer with {@code acks=all} and return once the broker acknowledged them.
 * Every broker call is bounded by the settings' timeout; failing to reach the cluster is a
 * {@code CONNECTION} error naming the bootstrap address. Retention is the broker's: a
 * {@link TopicConfig} retention is not applied here.
 *
 * <p>Thread-safe. {@link #open} returns the same {@link KafkaTopicLog} for a name until the
 * store closes; closing the store closes every client it made.
 */
public final class KafkaLogStore implements LogStore {
  private final KafkaSettings settings;
  private final Admin admin;
  private final Map<String, KafkaTopicLog> opened = new ConcurrentHashMap<>();
  private volatile Producer<byte[], byte[]> producer;
  private volatile boolean closed;

  private KafkaLogStore(KafkaSettings settings, Admin admin) {
    this.settings = settings;
    this.admin = admin;
  }

  /** Connects to the cluster and checks that it answers within the settings' timeout. */
  public static KafkaLogStore connect(KafkaSettings settings) {
    Admin admin;
    try {
      admin = Admin.create(settings.admin());
    } catch (RuntimeException e) {
      throw settings.connectionError("cannot create a Kafka client: " + e.getMessage(), e);
    }
    KafkaLogStore store = new KafkaLogStore(settings, admin);
    try {
      store.call("reach the cluster", admin.describeCluster().clusterId());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  public KafkaSettings settings() {
    return settings;
  }

  @Override
  public TopicLog create(String topic, int partitions, TopicConfig config) {
    try {
      call("create topic " + topic, admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1))).all());
    } catch (EddyException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new EddyException(ErrorCode.ALREADY_EXISTS, "Kafka topic '" + topic + "' already exists");
      }
      throw e;
    }
    checkOpen();
    return opened.computeIfAbsent(topic, t -> new KafkaTopicLog(this, t, partitions));
  }

  @Override
  public KafkaTopicLog open(String topic) {
    checkOpen();
    return opened.computeIfAbsent(topic, t -> new KafkaTopicLog(this, t, partitionCount(t)));
  }

  /**
   * The partition count of an existing topic, or -1 if there is none (metadata as the broker
   * has it now).
   */
  public int partitionsOf(String topic) {
    try {
      Map<String, TopicDescription> d = call("describe topic " + topic,
          admin.describeTopics(List.of(topic)).allTopicNames());
      return d.get(topic).partitions().size();
    } catch (EddyException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return -1;
      }
      throw e;
    }
  }

  private int partitionCount(String topic) {
    int n = partitionsOf(topic);
    if (n < 0) {
      throw new EddyException(ErrorCode.NOT_FOUND, "Kafka topic '" + topic + "' does not exist (" + settings + ")");
    }
    return n;
  }

  @Override
  public boolean exists(String topic) {
    return topics().contains(topic);
  }

  @Override
  public Set<String> topics() {
    return call("list topics", admin.listTopics().names());
  }

  @Override
  public void delete(String topic) {
    KafkaTopicLog t = opened.remove(topic);
    if (t != null) {
      t.close();
    }
    call("delete topic " + topic, admin.deleteTopics(List.of(topic)).all());
  }

  Admin admin() {
    return admin;
  }

  /** The shared producer, made on first use. */
  Producer<byte[], byte[]> producer() {
    Producer<byte[], byte[]> p = producer;
    if (p == null) {
      synchronized (this) {
        checkOpen();
        if (producer == null) {
          producer = new KafkaProducer<>(settings.producer());
        }
        p = producer;
      }
    }
    return p;
  }

  /**
   * Waits for a client future within the timeout; a timeout is a {@code CONNECTION} error, a
   * failure an {@code EddyException} whose cause is the Kafka exception.
   */
  <T> T call(String what, org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw settings.connectionError("could not " + what + " within " + settings.timeout().toMillis() + " ms", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw settings.connectionError("could not " + what + " within " + settings.timeout().toMillis()
            + " ms: " + cause.getMessage(), cause);
      }
      throw new EddyException(ErrorCode.STORAGE, "could not " + what + " (" + settings + "): " + cause.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EddyException(ErrorCode.CANCELLED, "interrupted while trying to " + what);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new EddyException(ErrorCode.STORAGE, "the Kafka log store (" + settings + ") is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    for (KafkaTopicLog t : opened.values()) {
      t.close();
    }
    opened.clear();
    synchronized (this) {
      if (producer != null) {
        producer.close(java.time.Duration.ofSeconds(5));
        producer = null;
      }
    }
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
