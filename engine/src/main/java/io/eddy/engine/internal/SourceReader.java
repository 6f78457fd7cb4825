package io.eddy.engine.internal;

import io.eddy.common.type.RowType;
import io.eddy.exec.batch.BatchBuilder;
import io.eddy.exec.batch.ZBatch;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.TopicLog;
import io.eddy.log.format.ByteSource;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.RowDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one catalog object's log topic into Z-set batches: insert/upsert records get weight +1,
 * delete records weight -1 (tables turn these into true deltas with an upsert operator). Keeps
 * a read position per partition. Not thread-safe: owned by one query thread.
 */
public final class SourceReader {
  private static final int MAX_BYTES = 1 << 20;

  private final TopicLog topic;
  private final RowDecoder decoder;
  private final BatchBuilder builder;
  private final long[] positions;
  private final long[] pending;
  private final RecordVisitor visitor;
  private final ByteSource source = new ByteSource(new byte[0], 0, 0);
  /** Null for a source without event time (no WATERMARK declared, or a table). */
  private final EventTime eventTime;
  private final List<Chunk> chunks = new ArrayList<>();
  /** Null, or how far each partition may be read (a derived stream's committed records). */
  private final ReadLimit limit;
  private int polling;
  private long pollTime;
  /** The offset the current poll must not read beyond. */
  private long pollLimit = Long.MAX_VALUE;

  /**
   * A piece of a poll: advance the source's watermark to {@code watermark} (unless it is
   * {@link Long#MIN_VALUE}), then push {@code batch}.
   */
  public record Chunk(long watermark, ZBatch batch) {}

  /** A reader of every column and partition, without event time (snapshots, late-row sinks). */
  public SourceReader(TopicLog topic, RowType type) {
    this(topic, type, null, null, null);
  }

  /**
   * A standing query's reader. With {@code eventTime} (non-null) it also tracks the source's event
   * time: the log record timestamps are the rows' event times (the writer sets them so). With
   * {@code limit} (non-null) it reads each partition only up to it: the records of a derived
   * stream become visible once its query has checkpointed them. With {@code columns} (non-null)
   * it decodes only those; the others are skipped over in the log and NULL in its batches, for a
   * circuit that never reads them ({@code Circuit.Source#columns}).
   */
  SourceReader(TopicLog topic, RowType type, EventTime eventTime, ReadLimit limit, java.util.BitSet columns) {
    this.limit = limit;
    this.topic = topic;
    this.positions = new long[topic.partitions()];
    this.pending = new long[topic.partitions()];
    this.eventTime = eventTime;
    boolean[] read = columns == null ? null : new boolean[type.size()];
    for (int c = 0; read != null && c < read.length; c++) {
      read[c] = columns.get(c);
    }
    this.builder = new BatchBuilder(type, 1024, read);
    this.decoder = new RowCodec(type).decoder(read);
    this.visitor = (offset, ts, buf, off, len) -> {
      if (offset >= pollLimit) {
        return;
      }
      if (this.eventTime != null) {
        if (this.eventTime.behind(polling, ts) && builder.size() > 0) {
          // The row may be late: what came before it must pass the circuit first, and the
          // watermark must reflect those rows when the row arrives.
          ZBatch before = builder.build();
          chunks.add(new Chunk(Long.MIN_VALUE, before));
          chunks.add(new Chunk(this.eventTime.advance(pollTime), null));
        }
        this.eventTime.observe(polling, ts, pollTime);
      }
      byte kind = decoder.decode(source.reset(buf, off, len), builder);
      builder.endRow(kind == RowCodec.INSERT ? 1 : -1);
    };
    for (int p = 0; p < positions.length; p++) {
      positions[p] = topic.partition(p).startOffset();
    }
  }

  /**
   * Reads what partition {@code p} has beyond the position; null when nothing is new. The position
   * moves only with {@link #advance}. With event time, the rows come in several chunks when some
   * row is behind the watermark, each chunk preceded by the watermark as of its first row; the
   * last chunk is followed by the watermark after all of them ({@link #watermark}).
   */
  public List<Chunk> poll(int p) {
    PartitionLog log = topic.partition(p);
    polling = p;
    pollTime = System.currentTimeMillis();
    chunks.clear();
    pollLimit = limit == null ? Long.MAX_VALUE : limit.limit(p);
    long next = positions[p] >= pollLimit ? positions[p]
        : Math.min(pollLimit, log.read(positions[p], MAX_BYTES, visitor));
    if (eventTime != null) {
      eventTime.polled(p, next != positions[p], pollTime);
    }
    if (next == positions[p]) {
      return null;
    }
    pending[p] = next;
    chunks.add(new Chunk(Long.MIN_VALUE, builder.build()));
    List<Chunk> out = new ArrayList<>();
    Chunk wm = null;
    for (Chunk c : chunks) {
      if (c.batch() == null) {
        wm = c;
      } else {
        out.add(wm == null ? c : new Chunk(wm.watermark(), c.batch()));
        wm = null;
      }
    }
    return out;
  }

  /** The source's watermark at wall time {@code now} (idle partitions left out); MIN without event time. */
  public long watermark(long now) {
    return eventTime == null ? Long.MIN_VALUE : eventTime.advance(now);
  }

  public boolean hasEventTime() {
    return eventTime != null;
  }

  /** Rows whose event time was too far in the future (their watermark contribution was capped). */
  public long skewedRows() {
    return eventTime == null ? 0 : eventTime.skewedRows();
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

  /** Moves every partition's position to {@code offsets} (at least its start); returns this. */
  SourceReader seek(long[] offsets) {
    for (int p = 0; p < positions.length; p++) {
      positions[p] = Math.max(offsets[p], topic.partition(p).startOffset());
      pending[p] = positions[p];
    }
    return this;
  }

  /** Where partition {@code p} ends for this reader now: its end offset, or its read limit if lower. */
  public long readableEnd(int p) {
    long end = topic.partition(p).endOffset();
    return limit == null ? end : Math.min(end, limit.limit(p));
  }

  /** Positions and event time, for a checkpoint (between polls, on the query thread). */
  void snapshot(io.eddy.exec.state.StateOutput out) {
    out.writeInt(positions.length);
    for (long position : positions) {
      out.writeLong(position);
    }
    out.writeBoolean(eventTime != null);
    if (eventTime != null) {
      eventTime.snapshot(out);
    }
  }

  void restore(io.eddy.exec.state.StateInput in) {
    if (in.readInt() != positions.length) {
      throw new IllegalStateException("checkpoint of " + topic.name() + " has another number of partitions");
    }
    for (int p = 0; p < positions.length; p++) {
      positions[p] = in.readLong();
      pending[p] = positions[p];
    }
    if (in.readBoolean() != (eventTime != null)) {
      throw new IllegalStateException("checkpoint of " + topic.name() + " disagrees about event time");
    }
    if (eventTime != null) {
      eventTime.restore(in);
    }
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
