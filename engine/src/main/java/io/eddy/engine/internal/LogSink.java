package io.eddy.engine.internal;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.log.LogRecord;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.log.kafka.KafkaTransactionalTopic;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink of a derived stream: appends each output row (a row of weight n, n times) to the
 * stream's log, round-robin over its partitions, one batch per partition per delta.
 *
 * <p>Exactly-once across restarts: with checkpoints ({@link #checkpointed}) the log is truncated
 * back to the positions of the checkpoint the query restores (or emptied when there is none) and
 * the query resumes from there, so every record after the checkpoint is written exactly once
 * again. Without checkpoints (a query with an operator that cannot be checkpointed, or
 * checkpoints switched off) the query is recomputed from the start of its sources' logs and the
 * first {@code alreadyWritten} output rows (what the log held when the query started) are not
 * written again, which is exact only for deterministic single-source, single-partition queries.
 *
 * <p>A derived stream on Kafka cannot be truncated; with checkpoints it is written in Kafka
 * transactions ({@link #transactional}): {@link #pending()}, {@link #commit()} and
 * {@link #committed} take part in the checkpoint protocol (see {@link QueryCheckpoints}), and
 * {@link #truncateTo} only checks that nothing committed lies beyond the positions (records of
 * an aborted transaction are invisible to readers, which read committed records only).
 * Driven by the query's thread; not thread-safe.
 */
final class LogSink implements Emitter, CheckpointSink {
  private static final System.Logger LOG = System.getLogger(LogSink.class.getName());

  private TopicLog topic;
  /** The transactional writer under {@link #topic}, or null (file log, or Kafka without checkpoints). */
  private KafkaTransactionalTopic txn;
  private final RowCodec codec;
  private final LogSignal signal;
  /** Output rows not to write again; -1 until counted (at the first write, unless checkpointed). */
  private long toSkip = -1;
  private int next;

  LogSink(TopicLog topic, RowType type, LogSignal signal) {
    this.topic = topic;
    this.codec = new RowCodec(type);
    this.signal = signal;
  }

  /**
   * Writes through a transactional Kafka writer from now on: {@code rows} is its topic seen as
   * rows, {@code writer} the writer itself (opened, so an earlier run's transaction is resolved).
   * Before the query opens.
   */
  void transactional(TopicLog rows, KafkaTransactionalTopic writer) {
    this.topic = rows;
    this.txn = writer;
  }

  /** Switches to checkpointed exactly-once: nothing is skipped (the log is truncated instead). */
  void checkpointed() {
    toSkip = 0;
  }

  /** The output rows the log holds: what a query recomputing from the start must not write again. */
  private long written() {
    long n = 0;
    for (int p = 0; p < topic.partitions(); p++) {
      n += txn != null ? txn.committedRecords(p, 0) : topic.partition(p).endOffset() - topic.partition(p).startOffset();
    }
    return n;
  }

  @Override
  public long[] pending() {
    KafkaTransactionalTopic.Probe probe = txn == null ? null : txn.probe();
    return probe == null ? new long[0] : new long[] {probe.partition(), probe.offset()};
  }

  @Override
  public void commit() {
    if (txn != null) {
      txn.commit();
    }
  }

  @Override
  public boolean committed(long[] pending) {
    return pending.length == 0 || txn == null
        || txn.committed(new KafkaTransactionalTopic.Probe((int) pending[0], pending[1]));
  }

  /** The round-robin position. */
  @Override
  public void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeInt(next);
  }

  @Override
  public void restore(io.eddy.exec.state.StateInput in) {
    next = in.readInt();
  }

  @Override
  public long[] positions() {
    long[] p = new long[topic.partitions()];
    for (int i = 0; i < p.length; i++) {
      p[i] = topic.partition(i).endOffset();
    }
    return p;
  }

  @Override
  public void truncateTo(long[] positions) {
    if (txn != null) {
      skipCommittedBeyond(positions);
      return;
    }
    for (int p = 0; p < positions.length; p++) {
      if (topic.partition(p).endOffset() > positions[p]) {
        topic.partition(p).truncateTo(positions[p]);
      }
    }
  }

  /**
   * A Kafka topic cannot be cut back: records of aborted transactions beyond the positions are
   * invisible anyway, but committed ones (only if the checkpoint recording them was lost) cannot
   * be taken back; the query then skips as many output rows (exact for deterministic queries).
   */
  private void skipCommittedBeyond(long[] positions) {
    long committed = 0;
    for (int p = 0; p < positions.length; p++) {
      committed += txn.committedRecords(p, positions[p]);
    }
    toSkip = committed;
    if (committed > 0) {
      long n = committed;
      LOG.log(System.Logger.Level.WARNING, () -> "Kafka topic " + topic.name() + " holds " + n + " committed records "
          + "beyond the checkpoint restored; the query skips as many output rows");
    }
  }

  TopicLog topic() {
    return topic;
  }

  @Override
  public void emit(ZBatch batch) {
    int parts = topic.partitions();
    List<List<LogRecord>> out = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      out.add(new ArrayList<>());
    }
    long now = System.currentTimeMillis();
    if (toSkip < 0) {
      toSkip = written();
    }
    for (int r = 0; r < batch.size(); r++) {
      long w = batch.weight(r);
      if (w < 0) {
        throw new IllegalStateException("a derived stream's query retracted a row; it was planned as insert-only");
      }
      for (long i = 0; i < w; i++) {
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        out.get(next).add(LogRecord.of(now, codec.encode(RowCodec.INSERT, batch.row(r))));
        next = (next + 1) % parts;
      }
    }
    boolean any = false;
    for (int p = 0; p < parts; p++) {
      if (!out.get(p).isEmpty()) {
        topic.partition(p).append(out.get(p));
        any = true;
      }
    }
    if (any) {
      signal.signal();
    }
  }
}
