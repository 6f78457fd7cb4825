package io.eddy.log.kafka;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How to reach one Kafka cluster: the client properties (at least {@code bootstrap.servers}) that
 * admin client, producer and consumers share. Eddy fixes what its guarantees rest on and refuses
 * user values for them: consumers have no group and commit nothing (positions live in Eddy's
 * checkpoints) and read only committed records ({@code isolation.level=read_committed}), and the
 * producer waits for all in-sync replicas and is idempotent (transactional for derived streams). Timeouts
 * default to 10 s so an unreachable broker is an error, not a hang; the user may change them.
 * Immutable.
 */
public final class KafkaSettings {
  /** Properties Eddy sets itself; a user value for one is an error. */
  private static final Set<String> FIXED = Set.of(ConsumerConfig.GROUP_ID_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
      ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
      ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
      ProducerConfig.TRANSACTIONAL_ID_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG);
  private static final Map<String, String> DEFAULTS = Map.of(
      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
      ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
      ProducerConfig.LINGER_MS_CONFIG, "0");

  private final Map<String, String> properties;

  private KafkaSettings(Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
  }

  /**
   * Settings from client properties ({@code bootstrap.servers} required). Fails with
   * {@code VALIDATION} for a missing address or a property Eddy fixes, and with
   * {@code CONNECTION} (naming the address) for a value the Kafka clients reject.
   */
  public static KafkaSettings of(Map<String, String> clientProperties) {
    Map<String, String> props = new TreeMap<>(DEFAULTS);
    for (Map.Entry<String, String> e : clientProperties.entrySet()) {
      if (FIXED.contains(e.getKey())) {
        throw new EddyException(ErrorCode.VALIDATION, "Kafka client property '" + e.getKey()
            + "' is set by Eddy and cannot be changed: consumers keep no group and commit nothing (positions"
            + " are part of Eddy's checkpoints) and read only committed records, and writes use acks=all with an"
            + " idempotent (for derived streams, transactional) producer");
      }
      props.put(e.getKey(), e.getValue());
    }
    String bootstrap = props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new EddyException(ErrorCode.VALIDATION, "a Kafka stream needs 'kafka.bootstrap.servers'");
    }
    KafkaSettings s = new KafkaSettings(props);
    s.check();
    return s;
  }

  /** Validates every client's configuration without connecting. */
  private void check() {
    try {
      new AdminClientConfig(admin());
      new ProducerConfig(producer());
      new ConsumerConfig(consumer());
      timeout();
    } catch (KafkaException | IllegalArgumentException e) {
      throw connectionError("invalid Kafka client settings: " + e.getMessage(), e);
    }
  }

  public String bootstrap() {
    return properties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  /** How long one admin or metadata call may take: {@code default.api.timeout.ms}. */
  public Duration timeout() {
    return Duration.ofMillis(Long.parseLong(properties.get(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG).trim()));
  }

  /** The properties as given with Eddy's defaults, identical for identical settings. */
  public Map<String, String> properties() {
    return properties;
  }

  Map<String, Object> admin() {
    return new HashMap<>(properties);
  }

  Map<String, Object> producer() {
    Map<String, Object> p = new HashMap<>(properties);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /**
   * The producer of one transactional writer: {@link #producer()} with {@code transactional.id}.
   * The transaction timeout is the user's {@code transaction.timeout.ms} (Kafka's default 60 s).
   */
  Map<String, Object> transactionalProducer(String transactionalId) {
    Map<String, Object> p = producer();
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return p;
  }

  Map<String, Object> consumer() {
    Map<String, Object> p = new HashMap<>(properties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** A CONNECTION error that names the bootstrap address. */
  EddyException connectionError(String what, Throwable cause) {
    return new EddyException(ErrorCode.CONNECTION, what + " (Kafka at " + bootstrap() + ")", cause);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KafkaSettings k && k.properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  @Override
  public String toString() {
    return "Kafka at " + bootstrap();
  }
}
