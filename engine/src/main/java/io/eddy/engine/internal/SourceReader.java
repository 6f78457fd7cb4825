package io.eddy.engine.internal;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;

/**
 * Reads one catalog object's log topic into Z-set batches: insert/upsert records get weight +1,
 * delete records weight -1 (tables turn these into true deltas with an upsert operator). Keeps
 * a read position per partition. Not thread-safe: owned by one query thread.
 */
public final class SourceReader {
  private static final int MAX_BYTES = 1 << 20;

  private final TopicLog topic;
  private final RowCodec codec;
  private final BatchBuilder builder;
  private final long[] positions;
  private final long[] pending;
  private final RecordVisitor visitor;

  public SourceReader(TopicLog topic, RowType type) {
    this.topic = topic;
    this.codec = new RowCodec(type);
    this.builder = new BatchBuilder(type, 1024);
    this.positions = new long[topic.partitions()];
    this.pending = new long[topic.partitions()];
    this.visitor = (offset, ts, buf, off, len) -> {
      byte kind = codec.decode(buf, off, len, builder);
      builder.endRow(kind == RowCodec.INSERT ? 1 : -1);
    };
    for (int p = 0; p < positions.length; p++) {
      positions[p] = topic.partition(p).startOffset();
    }
  }

  /**
   * Reads what partition {@code p} has beyond the position; null when nothing is new. The position
   * moves only with {@link #advance}.
   */
  public ZBatch poll(int p) {
    PartitionLog log = topic.partition(p);
    long next = log.read(positions[p], MAX_BYTES, visitor);
    if (next == positions[p]) {
      return null;
    }
    pending[p] = next;
    return builder.build();
  }

  /**
   * Marks what the last {@link #poll} of partition {@code p} returned as processed: call it only
   * after the batch went through the circuit, so a reader waiting for this position sees its
   * effect.
   */
  public void advance(int p) {
    positions[p] = pending[p];
  }

  /** Everything from the partitions' current positions to their ends, as one batch. */
  public ZBatch readAll() {
    for (int p = 0; p < positions.length; p++) {
      PartitionLog log = topic.partition(p);
      long end = log.endOffset();
      while (positions[p] < end) {
        long next = log.read(positions[p], MAX_BYTES, visitor);
        if (next == positions[p]) {
          break;
        }
        positions[p] = next;
      }
    }
    return builder.build();
  }

  public int partitions() {
    return positions.length;
  }

  public long position(int p) {
    return positions[p];
  }

  public TopicLog topic() {
    return topic;
  }
}
