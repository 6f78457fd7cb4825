package io.eddy.engine.internal;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.ZBatch;
import io.eddy.exec.circuit.Emitter;
import io.eddy.log.LogRecord;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
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
 * Driven by the query's thread; not thread-safe.
 */
final class LogSink implements Emitter, CheckpointSink {
  private final TopicLog topic;
  private final RowCodec codec;
  private final LogSignal signal;
  private long toSkip;
  private int next;

  LogSink(TopicLog topic, RowType type, LogSignal signal) {
    this.topic = topic;
    this.codec = new RowCodec(type);
    this.signal = signal;
    long written = 0;
    for (int p = 0; p < topic.partitions(); p++) {
      written += topic.partition(p).endOffset() - topic.partition(p).startOffset();
    }
    this.toSkip = written;
  }

  /** Switches to checkpointed exactly-once: nothing is skipped (the log is truncated instead). */
  void checkpointed() {
    toSkip = 0;
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
    for (int p = 0; p < positions.length; p++) {
      if (topic.partition(p).endOffset() > positions[p]) {
        topic.partition(p).truncateTo(positions[p]);
      }
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
