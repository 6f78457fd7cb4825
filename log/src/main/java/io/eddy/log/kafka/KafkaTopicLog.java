package io.eddy.log.kafka;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.TopicLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka topic. Holds what its partitions share: the partition offsets as last fetched (ends
 * are refetched when older than {@link #END_TTL_MILLIS}, and raised at once by this process's
 * appends), a consumer for metadata calls, and a pool of reading consumers ({@link Cursor}s), one
 * borrowed per read, so concurrent readers never share a consumer and a reader that continues
 * where it stopped keeps its consumer's prefetched records. Thread-safe.
 */
public final class KafkaTopicLog implements TopicLog {
  /** How stale {@link KafkaPartitionLog#endOffset()} may be for records written by others. */
  static final long END_TTL_MILLIS = 50;

  private final KafkaLogStore store;
  private final String name;
  private final KafkaPartitionLog[] partitions;
  private final List<TopicPartition> tps = new ArrayList<>();
  private final long[] ends;
  private long endsFetchedAt = Long.MIN_VALUE;
  private final Deque<Cursor> idle = new ArrayDeque<>();
  private final List<Cursor> all = new ArrayList<>();
  private Consumer<byte[], byte[]> metadata;
  private boolean closed;

  KafkaTopicLog(KafkaLogStore store, String name, int partitions) {
    this.store = store;
    this.name = name;
    this.partitions = new KafkaPartitionLog[partitions];
    this.ends = new long[partitions];
    for (int p = 0; p < partitions; p++) {
      tps.add(new TopicPartition(name, p));
      this.partitions[p] = new KafkaPartitionLog(this, p);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int partitions() {
    return partitions.length;
  }

  @Override
  public KafkaPartitionLog partition(int partition) {
    return partitions[partition];
  }

  /**
   * A transactional writer of this topic with a stable {@code transactionalId} (see
   * {@link KafkaTransactionalTopic}); fences earlier writers of the id and resolves their open
   * transaction before it returns. The caller closes it.
   */
  public KafkaTransactionalTopic transactional(String transactionalId) {
    checkOpenSync();
    return KafkaTransactionalTopic.open(this, transactionalId);
  }

  private synchronized void checkOpenSync() {
    checkOpen();
  }

  KafkaLogStore store() {
    return store;
  }

  TopicPartition tp(int p) {
    return tps.get(p);
  }

  /** The end offset of partition {@code p}, at most {@link #END_TTL_MILLIS} old. */
  long end(int p) {
    return end(p, END_TTL_MILLIS);
  }

  /** The end offset of partition {@code p}, at most {@code maxAgeMillis} old. */
  synchronized long end(int p, long maxAgeMillis) {
    long now = System.nanoTime() / 1_000_000;
    if (endsFetchedAt == Long.MIN_VALUE || now - endsFetchedAt >= maxAgeMillis) {
      Map<TopicPartition, Long> fetched = metadata(c -> c.endOffsets(tps, store.settings().timeout()),
          "fetch end offsets");
      for (int i = 0; i < ends.length; i++) {
        ends[i] = Math.max(ends[i], fetched.getOrDefault(tps.get(i), 0L));
      }
      endsFetchedAt = now;
    }
    return ends[p];
  }

  /** This process appended up to {@code end} (exclusive) in partition {@code p}. */
  synchronized void appended(int p, long end) {
    ends[p] = Math.max(ends[p], end);
  }

  long start(int p) {
    return metadata(c -> c.beginningOffsets(List.of(tps.get(p)), store.settings().timeout()), "fetch start offsets")
        .getOrDefault(tps.get(p), 0L);
  }

  /** Runs a metadata call on the topic's own consumer, bounded by the settings' timeout. */
  synchronized <T> T metadata(Function<Consumer<byte[], byte[]>, T> call, String what) {
    checkOpen();
    if (metadata == null) {
      metadata = newConsumer();
    }
    try {
      return call.apply(metadata);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw store.settings().connectionError("could not " + what + " of topic " + name + " within "
          + store.settings().timeout().toMillis() + " ms", e);
    } catch (KafkaException e) {
      throw new EddyException(ErrorCode.STORAGE, "could not " + what + " of Kafka topic " + name + " ("
          + store.settings() + "): " + e.getMessage(), e);
    }
  }

  private Consumer<byte[], byte[]> newConsumer() {
    Map<String, Object> props = store.settings().consumer();
    props.putIfAbsent("client.id", "eddy-" + name + "-" + all.size());
    return new KafkaConsumer<>(props);
  }

  /** A reading consumer for partition {@code p}, preferably one whose next offset is {@code from}. */
  synchronized Cursor borrow(int p, long from) {
    checkOpen();
    Cursor any = null;
    for (Cursor c : idle) {
      if (c.partition == p && c.next == from) {
        idle.remove(c);
        return c;
      }
      if (any == null) {
        any = c;
      }
    }
    if (any != null) {
      idle.remove(any);
      return any;
    }
    Cursor c = new Cursor(newConsumer());
    all.add(c);
    return c;
  }

  synchronized void release(Cursor c) {
    if (closed) {
      c.consumer.close(java.time.Duration.ZERO);
    } else {
      idle.push(c);
    }
  }

  /** A consumer that failed is not reused. */
  synchronized void discard(Cursor c) {
    all.remove(c);
    c.consumer.close(java.time.Duration.ZERO);
  }

  private void checkOpen() {
    if (closed) {
      throw new EddyException(ErrorCode.STORAGE, "Kafka topic " + name + " was closed");
    }
  }

  /** Closes the topic's consumers; later calls fail. */
  synchronized void close() {
    closed = true;
    for (Cursor c : idle) {
      c.consumer.close(java.time.Duration.ZERO);
    }
    idle.clear();
    if (metadata != null) {
      metadata.close(java.time.Duration.ZERO);
      metadata = null;
    }
  }

  /**
   * A pooled consumer with the records it fetched but did not hand out yet: they start at
   * {@link #next} of {@link #partition}. Used by one reader at a time.
   */
  static final class Cursor {
    final Consumer<byte[], byte[]> consumer;
    final ArrayDeque<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> buffered = new ArrayDeque<>();
    int partition = -1;
    long next = -1;

    Cursor(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }
  }
}
