package io.eddy.log.kafka;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.TopicLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * A Kafka topic written in transactions by its single writer (a derived stream's query), with a
 * stable {@code transactional.id}. Opening it ({@link KafkaTopicLog#transactional}) runs
 * {@code initTransactions}, which fences every earlier producer of the same id and resolves its
 * unfinished transaction: one whose commit had reached the coordinator is completed, any other is
 * aborted. So after {@code open} nothing of an earlier incarnation is pending, and
 * {@link #committed(Probe)} tells for good whether a transaction the earlier incarnation wrote
 * became visible.
 *
 * <p>{@link PartitionLog#append} on a partition of this topic begins a transaction if none is
 * open, sends the records, and returns once the broker acknowledged them (still uncommitted:
 * {@code read_committed} readers, which Eddy's are, do not see them). {@link #commit()} makes
 * every record of the open transaction visible at once, atomically across partitions, and
 * returns once they are readable. Reads go
 * to the topic ({@code read_committed}). {@link PartitionLog#endOffset()} is this writer's view:
 * the offset after the last record it had acknowledged, or, before its first append, the topic's
 * committed end when it was opened; it does not raise what readers of the topic see.
 *
 * <p>A failure of a send or commit leaves the transaction's outcome to the broker; the writer
 * refuses further use ({@code STORAGE}), and reopening resolves it. Thread-safe (one lock), but
 * meant for one writing thread.
 */
public final class KafkaTransactionalTopic implements TopicLog, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaTransactionalTopic.class.getName());

  /**
   * One record a transaction wrote: the transaction committed iff a {@code read_committed} read
   * returns this record at this offset (transactions are atomic, so one record tells).
   */
  public record Probe(int partition, long offset) {}

  private final KafkaTopicLog topic;
  private final String transactionalId;
  private final Producer<byte[], byte[]> producer;
  private final long[] ends;
  /** Partitions the open transaction wrote to. */
  private final boolean[] written;
  private final PartitionLog[] partitions;
  private Probe probe;
  private boolean open;
  private String broken;

  private KafkaTransactionalTopic(KafkaTopicLog topic, String transactionalId, Producer<byte[], byte[]> producer) {
    this.topic = topic;
    this.transactionalId = transactionalId;
    this.producer = producer;
    this.ends = new long[topic.partitions()];
    this.written = new boolean[topic.partitions()];
    this.partitions = new PartitionLog[topic.partitions()];
    for (int p = 0; p < partitions.length; p++) {
      partitions[p] = new Partition(p);
    }
  }

  /** Creates the producer, fences older ones of the id and resolves their transactions. */
  static KafkaTransactionalTopic open(KafkaTopicLog topic, String transactionalId) {
    KafkaSettings settings = topic.store().settings();
    Producer<byte[], byte[]> producer;
    try {
      producer = new KafkaProducer<>(settings.transactionalProducer(transactionalId));
    } catch (KafkaException e) {
      throw settings.connectionError("cannot create a transactional Kafka producer: " + e.getMessage(), e);
    }
    KafkaTransactionalTopic t = new KafkaTransactionalTopic(topic, transactionalId, producer);
    try {
      producer.initTransactions();
      for (int p = 0; p < t.ends.length; p++) {
        t.ends[p] = topic.end(p, 0);
      }
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw t.error("initialise transactions", e);
    }
    return t;
  }

  @Override
  public String name() {
    return topic.name();
  }

  @Override
  public int partitions() {
    return partitions.length;
  }

  @Override
  public PartitionLog partition(int partition) {
    return partitions[partition];
  }

  public String transactionalId() {
    return transactionalId;
  }

  /** The first record of the open transaction, or null when no transaction is open. */
  public synchronized Probe probe() {
    return probe;
  }

  /**
   * Commits the open transaction (nothing when none is open): when this returns, its records are
   * visible to {@code read_committed} readers. A failure leaves the outcome unknown until the
   * topic is reopened; the writer is unusable after it.
   */
  public synchronized void commit() {
    checkUsable();
    if (!open) {
      return;
    }
    try {
      producer.commitTransaction();
    } catch (RuntimeException e) {
      throw fail("commit a transaction", e);
    }
    open = false;
    probe = null;
    awaitStable();
  }

  /**
   * Waits until the committed records are readable: the coordinator answers a commit once it has
   * decided it and writes the partitions' commit markers right after, so the committed end (last
   * stable offset) moves past them a moment later.
   */
  private void awaitStable() {
    long deadline = System.nanoTime() + topic.store().settings().timeout().toNanos();
    for (int p = 0; p < ends.length; p++) {
      while (written[p] && topic.end(p, 0) < ends[p]) {
        if (System.nanoTime() > deadline) {
          throw fail("see the commit markers of " + topic.tp(p), new org.apache.kafka.common.errors.TimeoutException(
              "the committed end stayed at " + topic.end(p, 0) + ", below " + ends[p]));
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw fail("see the commit markers of " + topic.tp(p), e);
        }
      }
      written[p] = false;
    }
  }

  /**
   * Whether the transaction that wrote {@code probe} committed: reads the partition with
   * {@code read_committed} at the probe's offset. Only meaningful once that transaction is
   * resolved, which {@link KafkaTopicLog#transactional} guarantees for earlier writers of the id.
   */
  public boolean committed(Probe probe) {
    KafkaPartitionLog log = topic.partition(probe.partition());
    if (topic.end(probe.partition(), 0) <= probe.offset()) {
      return false; // the record is not in the topic's stable part (or not in the topic at all)
    }
    long deadline = System.nanoTime() + topic.store().settings().timeout().toNanos();
    long[] first = {-1};
    while (true) {
      long next = log.read(probe.offset(), 1, (offset, ts, buf, off, len) -> {
        if (first[0] < 0) {
          first[0] = offset;
        }
      });
      if (first[0] >= 0 || next > probe.offset()) {
        return first[0] == probe.offset();
      }
      if (System.nanoTime() > deadline) {
        throw topic.store().settings().connectionError("could not read offset " + probe.offset() + " of "
            + topic.tp(probe.partition()) + " to check a transaction", null);
      }
    }
  }

  /** How many committed records partition {@code p} holds from {@code from} to its committed end. */
  public long committedRecords(int p, long from) {
    KafkaPartitionLog log = topic.partition(p);
    long end = topic.end(p, 0);
    long[] n = {0};
    for (long at = Math.max(from, log.startOffset()); at < end; ) {
      long next = log.read(at, 1 << 20, (offset, ts, buf, off, len) -> n[0]++);
      if (next == at) {
        break;
      }
      at = next;
    }
    return n[0];
  }

  private synchronized long append(int p, List<LogRecord> records) {
    checkUsable();
    if (records.isEmpty()) {
      return ends[p];
    }
    KafkaSettings settings = topic.store().settings();
    try {
      if (!open) {
        producer.beginTransaction();
        open = true;
      }
      long[] sent = KafkaPartitionLog.send(producer, topic.tp(p), records, settings.timeout().multipliedBy(3));
      long first = sent[0];
      long last = sent[1];
      if (probe == null) {
        probe = new Probe(p, first);
      }
      ends[p] = last + 1;
      written[p] = true;
      return first;
    } catch (ExecutionException e) {
      throw fail("append to " + topic.tp(p), e.getCause());
    } catch (TimeoutException e) {
      throw fail("append to " + topic.tp(p), new org.apache.kafka.common.errors.TimeoutException("no acknowledgement"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail("append to " + topic.tp(p), e);
    } catch (RuntimeException e) {
      throw fail("append to " + topic.tp(p), e);
    }
  }

  private synchronized long end(int p) {
    return ends[p];
  }

  private void checkUsable() {
    if (broken != null) {
      throw new EddyException(ErrorCode.STORAGE, "the transactional writer " + transactionalId + " of Kafka topic "
          + topic.name() + " failed earlier (" + broken + "); restart to resolve its transaction");
    }
  }

  /** Marks the writer unusable and returns the error to throw. */
  private EddyException fail(String what, Throwable cause) {
    broken = what + ": " + cause;
    return error(what, cause);
  }

  private EddyException error(String what, Throwable cause) {
    KafkaSettings settings = topic.store().settings();
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return settings.connectionError("could not " + what + " (transactional.id " + transactionalId + ") in time: "
          + cause.getMessage(), cause);
    }
    if (cause instanceof InterruptedException) {
      return new EddyException(ErrorCode.CANCELLED, "interrupted while trying to " + what);
    }
    return new EddyException(ErrorCode.STORAGE, "could not " + what + " (transactional.id " + transactionalId + ", "
        + settings + "): " + cause.getMessage(), cause);
  }

  /**
   * Aborts the open transaction (best effort: a broker that is gone aborts it when the next
   * writer of the id opens, or at the transaction timeout) and closes the producer.
   */
  @Override
  public synchronized void close() {
    if (open && broken == null) {
      try {
        producer.abortTransaction();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "abort on close of " + transactionalId + " failed: " + e);
      }
    }
    open = false;
    probe = null;
    producer.close(Duration.ofSeconds(5));
  }

  private final class Partition implements PartitionLog {
    private final int p;

    Partition(int p) {
      this.p = p;
    }

    @Override
    public long append(List<LogRecord> records) {
      return KafkaTransactionalTopic.this.append(p, records);
    }

    @Override
    public long endOffset() {
      return end(p);
    }

    @Override
    public long startOffset() {
      return topic.partition(p).startOffset();
    }

    @Override
    public long offsetForTime(long timestampMillis) {
      return topic.partition(p).offsetForTime(timestampMillis);
    }

    @Override
    public long read(long fromOffset, int maxBytes, RecordVisitor visitor) {
      return topic.partition(p).read(fromOffset, maxBytes, visitor);
    }
  }
}
