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
 * <p>Exactly-once across restarts without checkpoints: the query is recomputed from the start of
 * its sources' logs, and the first {@code alreadyWritten} output rows (what the log held when the
 * query started) are not written again. This is exact when the recomputation produces the same
 * rows in the same order, which holds for a single-source, single-partition query; checkpoints
 * (issue 5) replace it with recorded positions. Driven by the query's thread; not thread-safe.
 */
final class LogSink implements Emitter {
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
