package io.eddy.log.kafka;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka partition as a {@link PartitionLog}; offsets are Kafka's.
 *
 * <p>{@link #read}: borrows a consumer of the topic's pool, seeks unless it already stands at
 * {@code fromOffset}, and polls briefly ({@link #POLL}); when that brings nothing although the
 * partition's end lies beyond {@code fromOffset}, it keeps polling (up to the settings' timeout),
 * so a read never misses a record whose append returned. A position the broker no longer retains
 * (retention, deleted records) is a {@code NOT_FOUND} error naming the retained range, never a
 * skip. Offsets Kafka uses for transaction markers are stepped over.
 *
 * <p>{@link #append}: sends the records to this partition through the store's idempotent
 * {@code acks=all} producer, flushes, and returns once the broker acknowledged every one. Appends
 * of this process are serialised per partition, so their records are contiguous unless another
 * producer writes to the same partition at the same time. Thread-safe.
 */
public final class KafkaPartitionLog implements PartitionLog {
  /** How long a read waits for records when the partition may have none beyond its position. */
  static final Duration POLL = Duration.ofMillis(20);

  private final KafkaTopicLog topic;
  private final int partition;
  private final TopicPartition tp;
  private final Object appendLock = new Object();

  KafkaPartitionLog(KafkaTopicLog topic, int partition) {
    this.topic = topic;
    this.partition = partition;
    this.tp = topic.tp(partition);
  }

  @Override
  public long append(List<LogRecord> records) {
    if (records.isEmpty()) {
      return endOffset();
    }
    KafkaSettings settings = topic.store().settings();
    synchronized (appendLock) {
      try {
        long[] sent = send(topic.store().producer(), tp, records, settings.timeout().multipliedBy(3));
        topic.appended(partition, sent[1] + 1);
        return sent[0];
      } catch (TimeoutException e) {
        throw settings.connectionError("an append to " + tp + " was not acknowledged in time", e);
      } catch (ExecutionException e) {
        throw appendError(e.getCause());
      } catch (KafkaException e) {
        throw appendError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EddyException(ErrorCode.CANCELLED, "interrupted while appending to " + tp);
      }
    }
  }

  /**
   * Sends the records to {@code tp}, flushes, and waits up to {@code timeout} for every
   * acknowledgement; returns the offsets of the first and the last record.
   */
  static long[] send(Producer<byte[], byte[]> producer, TopicPartition tp, List<LogRecord> records, Duration timeout)
      throws ExecutionException, TimeoutException, InterruptedException {
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
    for (LogRecord r : records) {
      // Kafka refuses negative timestamps; the broker's time stands in for them.
      Long ts = r.timestamp() >= 0 ? r.timestamp() : null;
      sent.add(producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), ts, r.key(), r.value())));
    }
    producer.flush();
    long deadline = System.nanoTime() + timeout.toNanos();
    long first = -1;
    long last = -1;
    for (Future<RecordMetadata> f : sent) {
      RecordMetadata m = f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      first = first < 0 ? m.offset() : first;
      last = m.offset();
    }
    return new long[] {first, last};
  }

  private EddyException appendError(Throwable cause) {
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return topic.store().settings().connectionError("an append to " + tp + " timed out: " + cause.getMessage(),
          cause);
    }
    if (cause instanceof org.apache.kafka.common.errors.InvalidTimestampException) {
      return new EddyException(ErrorCode.DATA, "Kafka refused a record timestamp of " + tp + ": "
          + cause.getMessage(), cause);
    }
    return new EddyException(ErrorCode.STORAGE, "append to " + tp + " failed (" + topic.store().settings() + "): "
        + cause.getMessage(), cause);
  }

  @Override
  public long endOffset() {
    return topic.end(partition);
  }

  @Override
  public long startOffset() {
    return topic.start(partition);
  }

  @Override
  public long offsetForTime(long timestampMillis) {
    Map<TopicPartition, OffsetAndTimestamp> found = topic.metadata(c -> c.offsetsForTimes(
        Map.of(tp, Math.max(0, timestampMillis)), topic.store().settings().timeout()), "seek by time");
    OffsetAndTimestamp o = found.get(tp);
    return o == null ? endOffset() : o.offset();
  }

  @Override
  public long read(long fromOffset, int maxBytes, RecordVisitor visitor) {
    if (fromOffset < 0) {
      throw notRetained(fromOffset);
    }
    KafkaTopicLog.Cursor c = topic.borrow(partition, fromOffset);
    try {
      long next = read(c, fromOffset, maxBytes, visitor);
      topic.release(c);
      return next;
    } catch (RuntimeException e) {
      topic.discard(c);
      throw e;
    }
  }

  private long read(KafkaTopicLog.Cursor c, long from, int maxBytes, RecordVisitor visitor) {
    if (c.partition != partition || c.next != from) {
      if (c.partition != partition) {
        c.consumer.assign(List.of(tp));
        c.partition = partition;
      }
      c.consumer.seek(tp, from);
      c.buffered.clear();
      c.next = from;
    }
    if (c.buffered.isEmpty()) {
      fetch(c, from);
    }
    if (c.buffered.isEmpty()) {
      return c.next;
    }
    long bytes = 0;
    while (!c.buffered.isEmpty() && (bytes == 0 || bytes < maxBytes)) {
      ConsumerRecord<byte[], byte[]> r = c.buffered.poll();
      byte[] value = r.value() == null ? new byte[0] : r.value();
      visitor.record(r.offset(), r.timestamp(), value, 0, value.length);
      bytes += Math.max(1, value.length);
      c.next = r.offset() + 1;
    }
    return c.next;
  }

  /** Polls into the cursor's buffer; keeps polling while the partition's end lies beyond {@code from}. */
  private void fetch(KafkaTopicLog.Cursor c, long from) {
    long deadline = -1;
    while (true) {
      try {
        for (ConsumerRecord<byte[], byte[]> r : c.consumer.poll(POLL).records(tp)) {
          c.buffered.add(r);
        }
      } catch (OffsetOutOfRangeException e) {
        long start = startOffset();
        if (from < start) {
          throw notRetained(from);
        }
        throw new EddyException(ErrorCode.NOT_FOUND, "offset " + from + " of Kafka " + tp + " is beyond its end "
            + endOffset());
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        throw topic.store().settings().connectionError("reading " + tp + " timed out: " + e.getMessage(), e);
      }
      if (!c.buffered.isEmpty()) {
        return;
      }
      long position = c.consumer.position(tp, topic.store().settings().timeout());
      if (position > from) {
        // only transaction markers or aborted records lay between: nothing to hand out
        c.next = position;
        return;
      }
      if (deadline < 0) {
        long end = endOffset();
        if (end < from && (end = topic.end(partition, 0)) < from) {
          throw new EddyException(ErrorCode.NOT_FOUND, "offset " + from + " of Kafka " + tp
              + " is beyond its end " + end);
        }
        if (end == from) {
          return;
        }
        deadline = System.nanoTime() + topic.store().settings().timeout().toNanos();
      } else if (System.nanoTime() > deadline) {
        throw topic.store().settings().connectionError("no records of " + tp + " arrived from offset " + from
            + " within " + topic.store().settings().timeout().toMillis() + " ms though its end is "
            + endOffset(), null);
      }
    }
  }

  private EddyException notRetained(long from) {
    long start = from < 0 ? 0 : startOffset();
    return new EddyException(ErrorCode.NOT_FOUND, "offset " + from + " of Kafka " + tp
        + " is no longer retained: the partition starts at " + start + " (removed by the broker's retention)");
  }
}
