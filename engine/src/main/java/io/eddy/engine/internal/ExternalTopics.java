package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.TopicLog;
import io.eddy.log.format.MalformedRecords;
import io.eddy.log.format.TextFormat;
import io.eddy.log.format.TextTopicLog;
import io.eddy.log.kafka.KafkaLogStore;
import io.eddy.log.kafka.KafkaTopicLog;
import io.eddy.log.kafka.KafkaTransactionalTopic;
import io.eddy.log.kafka.KafkaSettings;
import io.eddy.planner.catalog.StreamDef;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams whose log lives outside the data directory: {@code connector = 'kafka'}. Keeps one
 * {@link KafkaLogStore} per distinct set of client settings (streams on the same cluster share
 * clients) and, per stream, its topic seen as rows ({@link TextTopicLog}, which also counts the
 * stream's malformed records). Streams with {@code connector = 'log'} (the default) are not here.
 * Thread-safe; closing closes every Kafka client.
 */
final class ExternalTopics implements AutoCloseable {
  /**
   * The engine setting that keeps external streams offline: their options are checked, but they
   * live in the engine's own log and no broker is contacted (the dry run of a config file).
   */
  static final String OFFLINE = "connectors.offline";

  private final boolean offline;
  private final Map<KafkaSettings, KafkaLogStore> stores = new ConcurrentHashMap<>();
  private final Map<String, TextTopicLog> topics = new ConcurrentHashMap<>();
  /** The transactional writers of derived streams, by stream key. */
  private final Map<String, KafkaTransactionalTopic> writers = new ConcurrentHashMap<>();

  ExternalTopics(boolean offline) {
    this.offline = offline;
  }

  /** Whether external streams stay in the engine's own log (see {@link #OFFLINE}). */
  boolean offline() {
    return offline;
  }

  /** Checks a Kafka stream's client settings without connecting. */
  static void check(Connector c) {
    KafkaSettings.of(c.clientProperties());
  }

  /** What a stream's WITH options say about its connector. */
  record Connector(String connector, String topic, TextFormat.Kind format, Map<String, String> clientProperties,
      Optional<Integer> partitions) {

    boolean external() {
      return connector.equals("kafka");
    }

    /**
     * Reads the options ({@code connector}, {@code topic}, {@code format}, {@code kafka.*});
     * {@code partitions} is the option's value if one was given.
     */
    static Connector of(String streamName, Map<String, String> options, Optional<Integer> partitions) {
      String connector = options.getOrDefault("connector", "log").trim().toLowerCase(Locale.ROOT);
      Map<String, String> client = new TreeMap<>();
      for (Map.Entry<String, String> e : options.entrySet()) {
        if (e.getKey().startsWith("kafka.")) {
          client.put(e.getKey().substring("kafka.".length()), e.getValue());
        }
      }
      switch (connector) {
        case "log" -> {
          for (String k : new String[] {"topic", "format"}) {
            if (options.containsKey(k)) {
              throw new EddyException(ErrorCode.VALIDATION, "option '" + k + "' belongs to connector = 'kafka'; "
                  + "this stream is kept in Eddy's own log");
            }
          }
          if (!client.isEmpty()) {
            throw new EddyException(ErrorCode.VALIDATION, "'kafka.*' options need connector = 'kafka'");
          }
          return new Connector(connector, null, null, Map.of(), partitions);
        }
        case "kafka" -> {
          if (options.containsKey("retention")) {
            throw new EddyException(ErrorCode.VALIDATION, "a Kafka stream's retention is the topic's, set on "
                + "the broker; remove the 'retention' option");
          }
          TextFormat.Kind format;
          try {
            format = TextFormat.Kind.parse(options.getOrDefault("format", "json"));
          } catch (IllegalArgumentException e) {
            throw new EddyException(ErrorCode.VALIDATION, "a Kafka stream's " + e.getMessage());
          }
          String topic = options.getOrDefault("topic", streamName).trim();
          if (topic.isEmpty()) {
            throw new EddyException(ErrorCode.VALIDATION, "option 'topic' must name a Kafka topic");
          }
          return new Connector(connector, topic, format, client, partitions);
        }
        default -> throw new EddyException(ErrorCode.VALIDATION, "unknown connector '" + connector
            + "' (log or kafka)");
      }
    }
  }

  /**
   * Connects stream {@code def} to its Kafka topic, creating the topic (with the declared
   * partitions, default 1) if it does not exist; an existing topic's partition count must match
   * a declared one. Returns the partition count. For a derived stream ({@code mustBeEmpty}) the
   * topic must hold no records: the stream's query is its only writer.
   */
  int attach(StreamDef def, Connector c, boolean mustBeEmpty) {
    KafkaSettings settings = KafkaSettings.of(c.clientProperties());
    KafkaLogStore store = stores.computeIfAbsent(settings, KafkaLogStore::connect);
    int n = store.partitionsOf(c.topic());
    if (n < 0) {
      store.create(c.topic(), c.partitions().orElse(1));
    } else if (c.partitions().isPresent() && c.partitions().get() != n) {
      throw new EddyException(ErrorCode.VALIDATION, "Kafka topic '" + c.topic() + "' has " + n + " partition"
          + (n == 1 ? "" : "s") + ", but " + def.name() + " declares partitions = " + c.partitions().get())
          .withHint("leave out 'partitions' to take the topic's count");
    }
    TopicLog raw = store.open(c.topic());
    if (mustBeEmpty) {
      for (int p = 0; p < raw.partitions(); p++) {
        if (raw.partition(p).endOffset() > raw.partition(p).startOffset()) {
          throw new EddyException(ErrorCode.VALIDATION, "Kafka topic '" + c.topic() + "' already holds records; "
              + "a derived stream needs a topic of its own that it alone writes");
        }
      }
    }
    topics.put(def.key(), new TextTopicLog(raw, new TextFormat(def.rowType(), c.format()), def.watermarkColumn()));
    return raw.partitions();
  }

  /** A derived stream's transactional writer and its topic seen as rows (through the writer). */
  record Transactional(TopicLog rows, KafkaTransactionalTopic writer) {}

  /**
   * Opens the transactional writer of the derived stream with catalog key {@code key} (attached
   * before), replacing and closing an earlier one of the stream. Its {@code transactional.id} is
   * {@code eddy-<key>-<topic>}, stable across restarts, so opening it fences the writer of an
   * earlier run and resolves that run's last transaction (see {@link KafkaTransactionalTopic}).
   */
  Transactional transactional(String key) {
    TextTopicLog rows = topics.get(key);
    KafkaTopicLog raw = (KafkaTopicLog) rows.raw();
    KafkaTransactionalTopic writer = raw.transactional("eddy-" + key + "-" + raw.name());
    KafkaTransactionalTopic old = writers.put(key, writer);
    if (old != null) {
      old.close();
    }
    return new Transactional(rows.over(writer), writer);
  }

  /** The external topic of the stream with catalog key {@code key}, or null if it has none. */
  TopicLog topic(String key) {
    return topics.get(key);
  }

  /** The malformed records met in the stream's topic, or null for a stream in Eddy's log. */
  MalformedRecords malformed(String key) {
    TextTopicLog t = topics.get(key);
    return t == null ? null : t.malformed();
  }

  /** Forgets a dropped stream; its Kafka topic and records stay. */
  void detach(String key) {
    topics.remove(key);
    KafkaTransactionalTopic writer = writers.remove(key);
    if (writer != null) {
      writer.close();
    }
  }

  @Override
  public void close() {
    for (KafkaTransactionalTopic w : writers.values()) {
      w.close();
    }
    writers.clear();
    for (KafkaLogStore s : stores.values()) {
      s.close();
    }
    stores.clear();
    topics.clear();
  }
}
