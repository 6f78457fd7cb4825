package io.eddy.engine.internal;

import io.eddy.engine.RowAppender;
import io.eddy.log.TopicLog;
import io.eddy.log.format.RowCodec;
import io.eddy.planner.catalog.CatalogObject;
import io.eddy.planner.catalog.TableDef;

/** {@link RowAppender} over a {@link PartitionedBatch}. Not thread-safe. */
final class Appender implements RowAppender {
  private final EngineRuntime rt;
  private final CatalogObject target;
  private final TopicLog topic;
  private final PartitionedBatch batch;
  private final RowValues row;
  private final int batchRows;

  Appender(EngineRuntime rt, CatalogObject target, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batch size must be positive, not " + batchRows);
    }
    this.rt = rt;
    this.target = target;
    this.topic = rt.topic(target);
    this.batch = new PartitionedBatch(target, topic.partitions(), Math.min(batchRows, 1 << 16));
    this.row = batch.newRow();
    this.batchRows = batchRows;
  }

  @Override
  public RowAppender setLong(int column, long value) {
    row.setLong(column, value);
    return this;
  }

  @Override
  public RowAppender setDouble(int column, double value) {
    row.setDouble(column, value);
    return this;
  }

  @Override
  public RowAppender setBoolean(int column, boolean value) {
    row.setBoolean(column, value);
    return this;
  }

  @Override
  public RowAppender setString(int column, String value) {
    row.setString(column, value);
    return this;
  }

  @Override
  public RowAppender setUtf8(int column, byte[] utf8, int offset, int length) {
    row.setUtf8(column, utf8, offset, length);
    return this;
  }

  @Override
  public RowAppender setValue(int column, Object value) {
    row.setValue(column, value);
    return this;
  }

  @Override
  public RowAppender setNull(int column) {
    row.setNull(column);
    return this;
  }

  @Override
  public void discardRow() {
    row.clear();
  }

  @Override
  public void endRow() {
    try {
      batch.add(RowCodec.INSERT, row);
    } finally {
      row.clear();
    }
    if (batch.size() >= batchRows) {
      flush();
    }
  }

  @Override
  public int pending() {
    return batch.size();
  }

  @Override
  public long flush() {
    int n;
    if (target instanceof TableDef t && t.versioned()) { // keep the table's clock ahead of its changes
      synchronized (rt.tableClocks.lock(t)) {
        rt.tableClocks.advance(t, topic, batch.maxEventTime());
        n = batch.appendTo(topic);
      }
    } else {
      n = batch.appendTo(topic);
    }
    if (n > 0) {
      rt.signal.signal();
    }
    return n;
  }

  @Override
  public void close() {
    flush();
  }
}
