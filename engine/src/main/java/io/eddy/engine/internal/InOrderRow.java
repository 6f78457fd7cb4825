package io.eddy.engine.internal;

import io.eddy.common.type.RowType;
import io.eddy.common.type.TypeKind;
import io.eddy.log.EncodedRecords;
import io.eddy.log.format.RowCodec;
import io.eddy.log.format.RowEncoder;

/**
 * An INSERT row encoded straight into its partition's pending records as its columns are set, for
 * the usual way of appending: columns set in ascending order (any skipped one is NULL), each with
 * a value of the column's own kind. The row is never staged and read a second time.
 *
 * <p>Each {@code put} returns false, writing nothing of the value, when it cannot take it: no row
 * is open and the target's rows cannot be placed before they are complete
 * ({@link PartitionedBatch#takesRowsInOrder()}), the column was passed already (set again, or out
 * of order) or does not exist, or the value needs converting or checking beyond its kind (a
 * {@code long} for a DOUBLE or DECIMAL column, an INT out of range, a bad slice). The appender
 * then {@link #spill spills} the row into {@link RowValues}, whose rules decide, and goes on there.
 * Not thread-safe.
 */
final class InOrderRow {
  private final PartitionedBatch batch;
  private final RowCodec codec;
  private final RowEncoder encoder;
  private final int columns;
  private final int tsColumn;
  private final boolean enabled;
  /** The records the open row is written into; null when no row is open. */
  private EncodedRecords out;
  private int rowStart;
  private long eventTime;

  InOrderRow(PartitionedBatch batch, RowType type) {
    this.batch = batch;
    this.codec = new RowCodec(type);
    this.encoder = new RowEncoder(type);
    this.columns = type.size();
    this.tsColumn = batch.watermarkColumn();
    this.enabled = batch.takesRowsInOrder();
  }

  /** Whether a row has been opened by a {@code put} and not yet ended, aborted or spilled. */
  boolean isOpen() {
    return out != null;
  }

  boolean putLong(int c, long v) {
    TypeKind k = kindToReach(c);
    if (k == TypeKind.BIGINT || k == TypeKind.TIMESTAMP) {
      reach(c);
      encoder.putLong(v);
    } else if ((k == TypeKind.INT || k == TypeKind.DATE) && v == (int) v) {
      reach(c);
      encoder.putInt((int) v);
    } else {
      return false;
    }
    if (c == tsColumn) {
      eventTime = v;
    }
    return true;
  }

  boolean putDouble(int c, double v) {
    if (!reachAs(c, TypeKind.DOUBLE)) {
      return false;
    }
    encoder.putDouble(v);
    return true;
  }

  boolean putBoolean(int c, boolean v) {
    if (!reachAs(c, TypeKind.BOOLEAN)) {
      return false;
    }
    encoder.putBoolean(v);
    return true;
  }

  /** A VARCHAR; {@code v} is not null. */
  boolean putString(int c, String v) {
    if (!reachAs(c, TypeKind.VARCHAR)) {
      return false;
    }
    encoder.putString(v);
    return true;
  }

  boolean putUtf8(int c, byte[] utf8, int off, int len) {
    if (off < 0 || len < 0 || off + len > utf8.length || off + len < 0 || !reachAs(c, TypeKind.VARCHAR)) {
      return false;
    }
    encoder.putUtf8(utf8, off, len);
    return true;
  }

  boolean putNull(int c) {
    if (kindToReach(c) == null) {
      return false;
    }
    reach(c);
    encoder.putNull();
    return true;
  }

  /**
   * Ends the open row: NULL for the columns not set, then the required columns checked (a row
   * without one is dropped and refused with the batch's {@code DATA} error), then the record
   * closed with its timestamp and counted in the batch.
   */
  void end() {
    nullsUpTo(columns);
    for (int c : batch.requiredColumns()) {
      if (encoder.isNull(c)) {
        abort();
        throw batch.missing(c);
      }
    }
    encoder.end();
    long ts = batch.recordTime(eventTime);
    out.endRecord(ts);
    out = null;
    batch.added(ts);
  }

  /** Drops the open row, if any. */
  void abort() {
    if (out != null) {
      out.abortRecord();
      out = null;
    }
  }

  /**
   * Moves the open row, if any, into {@code row} (empty): each column written so far with a value
   * gets it there; the row's bytes are dropped.
   */
  void spill(RowValues row) {
    if (out == null) {
      return;
    }
    int set = encoder.column();
    nullsUpTo(columns);
    int len = encoder.end();
    Object[] values = codec.decodeValues(out.sink().array(), rowStart, len);
    abort();
    for (int c = 0; c < set; c++) {
      if (values[c] != null) {
        row.setValue(c, values[c]);
      }
    }
  }

  /**
   * The kind of column {@code c} if a value for it can be written now (a row opens on its first
   * value), else null.
   */
  private TypeKind kindToReach(int c) {
    if (c < 0 || c >= columns || (out == null ? !enabled : c < encoder.column())) {
      return null;
    }
    return encoder.kind(c);
  }

  /** Whether column {@code c} is of {@code kind} and can be written now; if so, {@link #reach reaches} it. */
  private boolean reachAs(int c, TypeKind kind) {
    if (kindToReach(c) != kind) {
      return false;
    }
    reach(c);
    return true;
  }

  /** Opens a row if none is open, then writes NULL for the columns before {@code c} not yet written. */
  private void reach(int c) {
    if (out == null) {
      out = batch.nextRowRecords();
      out.beginRecord();
      rowStart = out.sink().size();
      encoder.begin(out.sink(), RowCodec.INSERT);
    }
    nullsUpTo(c);
  }

  /** Writes NULL for the columns from the encoder's next one up to (not including) {@code c}. */
  private void nullsUpTo(int c) {
    for (int i = encoder.column(); i < c; i++) {
      encoder.putNull();
    }
  }
}
