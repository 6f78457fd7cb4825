package io.eddy.engine.internal;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.common.type.RowType;
import io.eddy.log.EncodedRecords;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.RowEncoder;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.StreamDef;
import io.eddy.planner.catalog.TableDef;

/**
 * Rows bound for one stream or table, encoded as they are added into one pending log batch per
 * partition, under the writer's rules:
 * <ul>
 *   <li>an inserted row has a value for every NOT NULL column and for the WATERMARK column of a
 *       stream or versioned table, whose value is the record's timestamp (else the wall clock);
 *   <li>a stream's {@code PROCTIME()} column is set to the wall clock of the add, whatever the row
 *       held (it is stored, so recomputing from the log sees the same value);
 *   <li>tables are partitioned by primary key, streams by their {@code key} option (the hash of
 *       the boxed values, as always), else round-robin.
 * </ul>
 * A row that breaks a rule is refused with a {@code DATA} {@link EddyException} and leaves the
 * batch as it was. Not thread-safe.
 */
final class PartitionedBatch {
  private final CatalogObject target;
  private final RowType type;
  private final EncodedRecords[] byPartition;
  private final RowEncoder encoder;
  private final int[] key;
  private final int tsColumn;
  private final int procTimeColumn;
  /** Columns an inserted row must have a value for: NOT NULL ones and the WATERMARK column. */
  private final int[] required;
  /** The partition of the next round-robin row. */
  private int roundRobin;
  private long clock;
  private long maxEventTime = Long.MIN_VALUE;
  private int size;

  PartitionedBatch(CatalogObject target, int partitions, int expectedRows) {
    this.target = target;
    this.type = target.rowType();
    this.byPartition = new EncodedRecords[partitions];
    int perPartition = expectedRows / partitions + 1;
    for (int p = 0; p < partitions; p++) {
      byPartition[p] = new EncodedRecords(perPartition, perPartition * 16 * Math.max(1, type.size()));
    }
    this.encoder = new RowEncoder(type);
    this.key = keyColumns(target);
    this.tsColumn = target instanceof StreamDef s ? s.watermarkColumn()
        : target instanceof TableDef t ? t.watermarkColumn() : -1;
    this.procTimeColumn = target instanceof StreamDef s ? s.proctimeColumn() : -1;
    this.required = java.util.stream.IntStream.range(0, type.size())
        .filter(c -> c == tsColumn || !type.type(c).nullable()).toArray();
  }

  /** Fresh holders for one row of the target. */
  RowValues newRow() {
    return new RowValues(target.name(), type);
  }

  /**
   * Checks, stamps, routes and encodes {@code row} ({@link RowCodec#INSERT} or
   * {@link RowCodec#DELETE}). The wall clock is read once per batch: every row of a batch gets
   * the same PROCTIME and, without a WATERMARK column, the same record timestamp.
   */
  void add(byte kind, RowValues row) {
    long now = batchClock();
    if (kind == RowCodec.INSERT) {
      if (procTimeColumn >= 0) {
        row.setLong(procTimeColumn, now);
      }
      for (int c : required) {
        if (row.isNull(c)) {
          throw missing(c);
        }
      }
    }
    long ts = tsColumn >= 0 && !row.isNull(tsColumn) ? row.longValue(tsColumn) : now;
    EncodedRecords out = routedByKey() ? byPartition[Math.floorMod(row.hash(key), byPartition.length)]
        : byPartition[roundRobin];
    out.beginRecord();
    try {
      encoder.begin(out.sink(), kind);
      row.encode(encoder);
      encoder.end();
    } catch (RuntimeException e) {
      out.abortRecord();
      throw e;
    }
    out.endRecord(ts);
    added(ts);
  }

  /**
   * Whether an INSERT row can be encoded as its columns are set ({@link InOrderRow}): its
   * partition does not depend on its values (round-robin, or one partition) and Eddy stamps no
   * column of it (PROCTIME).
   */
  boolean takesRowsInOrder() {
    return procTimeColumn < 0 && !routedByKey();
  }

  /** Whether a row's partition is its key's hash (a key over several partitions), else round-robin. */
  private boolean routedByKey() {
    return key != null && byPartition.length > 1;
  }

  /** The wall clock of the batch: read at its first row (again while a first row is refused). */
  private long batchClock() {
    if (size == 0) {
      clock = System.currentTimeMillis();
    }
    return clock;
  }

  /** The pending records the next row goes to, when {@link #takesRowsInOrder()}. */
  EncodedRecords nextRowRecords() {
    return byPartition[roundRobin];
  }

  /** The WATERMARK column (whose value is a row's record timestamp), or -1. */
  int watermarkColumn() {
    return tsColumn;
  }

  /** Columns an INSERT row must have a value for. */
  int[] requiredColumns() {
    return required;
  }

  /**
   * The record timestamp of an INSERT row about to be ended in {@link #nextRowRecords()}: its
   * {@code eventTime} (the WATERMARK column's value) if the target has that column, else the
   * batch's wall clock.
   */
  long recordTime(long eventTime) {
    return tsColumn >= 0 ? eventTime : batchClock();
  }

  /** Counts a row ended with record timestamp {@code ts} (by {@link #add} or an {@link InOrderRow}). */
  void added(long ts) {
    if (tsColumn >= 0) {
      maxEventTime = Math.max(maxEventTime, ts);
    }
    roundRobin = roundRobin + 1 == byPartition.length ? 0 : roundRobin + 1;
    size++;
  }

  /** The largest WATERMARK-column time of the rows added since the last {@link #appendTo}. */
  long maxEventTime() {
    return maxEventTime;
  }

  /** Rows added since the last {@link #appendTo}. */
  int size() {
    return size;
  }

  /**
   * Appends each partition's pending rows to {@code topic} as one batch (durable under the log's
   * policy when this returns) and empties the batch; returns the number of rows appended.
   */
  int appendTo(TopicLog topic) {
    for (int p = 0; p < byPartition.length; p++) {
      if (!byPartition[p].isEmpty()) {
        topic.partition(p).append(byPartition[p]);
        byPartition[p].clear();
      }
    }
    int n = size;
    size = 0;
    maxEventTime = Long.MIN_VALUE;
    return n;
  }

  /** The refusal of an INSERT row without a value for required column {@code c}. */
  EddyException missing(int c) {
    return new EddyException(ErrorCode.DATA, c == tsColumn
        ? "column '" + type.get(c).name() + "' of " + target.name()
            + " is its WATERMARK column, so every row needs a value for it"
        : "column '" + type.get(c).name() + "' of " + target.name() + " is NOT NULL, but a row has no value for it");
  }

  private static int[] keyColumns(CatalogObject target) {
    if (target instanceof TableDef t) {
      return t.primaryKey();
    }
    if (target instanceof StreamDef s && s.options().containsKey("key")) {
      int c = s.rowType().indexOf(s.options().get("key"));
      return c < 0 ? null : new int[] {c};
    }
    return null;
  }
}
