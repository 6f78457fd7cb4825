package io.eddy.log;

import io.eddy.log.format.ByteSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key-less records encoded back to back in one buffer, for appending many small records without
 * a byte array (and a {@link LogRecord}) per record: write a record's value into {@link #sink()},
 * then call {@link #endRecord(long)} with its timestamp. {@link PartitionLog#append(EncodedRecords)}
 * frames them as one batch with a single copy of the value bytes.
 *
 * <p>Not thread-safe; reusable after {@link #clear()}. A caller that gives up on a half-written
 * value calls {@link #abortRecord()}.
 */
public final class EncodedRecords {
  private final ByteSink sink;
  private long[] timestamps;
  private int[] ends;
  private int count;

  public EncodedRecords() {
    this(64, 8 << 10);
  }

  public EncodedRecords(int initialRecords, int initialBytes) {
    int n = Math.max(4, initialRecords);
    this.sink = new ByteSink(initialBytes);
    this.timestamps = new long[n];
    this.ends = new int[n];
  }

  /** Where the current record's value is written; bytes before {@link #valueStart()} are earlier records. */
  public ByteSink sink() {
    return sink;
  }

  /** Offset in {@link #sink()} where the current (unfinished) record's value begins. */
  public int valueStart() {
    return count == 0 ? 0 : ends[count - 1];
  }

  /** Finishes the current record: its value is everything written since the previous record ended. */
  public void endRecord(long timestamp) {
    if (count == ends.length) {
      int cap = count * 2;
      ends = Arrays.copyOf(ends, cap);
      timestamps = Arrays.copyOf(timestamps, cap);
    }
    timestamps[count] = timestamp;
    ends[count++] = sink.size();
  }

  /** Drops whatever was written for the current record. */
  public void abortRecord() {
    sink.truncate(valueStart());
  }

  public void clear() {
    count = 0;
    sink.reset();
  }

  public int count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  public long timestamp(int i) {
    return timestamps[i];
  }

  /** Start of record {@code i}'s value in {@link #buffer()}. */
  public int valueOffset(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  public int valueLength(int i) {
    return ends[i] - valueOffset(i);
  }

  /** The backing array of the values; valid until the next write. */
  public byte[] buffer() {
    return sink.array();
  }

  /** The records as {@link LogRecord}s (copies), for logs without a direct path. */
  public List<LogRecord> toRecords() {
    List<LogRecord> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int off = valueOffset(i);
      out.add(LogRecord.of(timestamps[i], Arrays.copyOfRange(sink.array(), off, off + valueLength(i))));
    }
    return out;
  }
}
