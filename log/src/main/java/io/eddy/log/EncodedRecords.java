package io.eddy.log;

import io.eddy.log.format.ByteSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Key-less records encoded back to back in one buffer, for appending many small records without
 * a byte array (and a {@link LogRecord}) per record: {@link #beginRecord()}, write its value into
 * {@link #sink()}, then {@link #endRecord(long)} with the record's timestamp.
 *
 * <p>The buffer is laid out as the file log's batch (see {@code io.eddy.log.file.BatchFormat}):
 * {@link #HEADER_RESERVE} bytes left for the batch header, then each record framed as that
 * format frames it (offset delta, timestamp delta from the first record, no key, value length)
 * around its value, so {@link PartitionLog#append(EncodedRecords)} on a file log fills in the
 * header and writes the buffer as it is, without copying the values. Other logs read the values
 * through {@link #valueOffset}/{@link #valueLength} (or {@link #toRecords()}).
 *
 * <p>Not thread-safe; reusable after {@link #clear()}. A caller that gives up on a half-written
 * value calls {@link #abortRecord()}.
 */
public final class EncodedRecords {
  /** Bytes at the start of {@link #buffer()} left for the batch header. */
  public static final int HEADER_RESERVE = 41;
  /** Bytes the key (always none: one byte) and the value length are first given: a varint of two bytes holds 128 .. 16383. */
  private static final int KEY_AND_LENGTH_GUESS = 1 + 2;

  private final ByteSink sink;
  private long[] timestamps;
  private int[] starts;
  private int[] ends;
  private int count;
  /** Where the open record's framing starts, or -1 when no record is open. */
  private int recordStart = -1;
  /** Where the open record's timestamp delta goes (after its offset delta). */
  private int framingAt;
  private int valueStart;
  /** Bytes given to the next record's timestamp delta: what the last one took. */
  private int timeGuess = 1;

  public EncodedRecords() {
    this(64, 8 << 10);
  }

  public EncodedRecords(int initialRecords, int initialBytes) {
    int n = Math.max(4, initialRecords);
    this.sink = new ByteSink(Math.max(initialBytes, 2 * HEADER_RESERVE));
    this.timestamps = new long[n];
    this.starts = new int[n];
    this.ends = new int[n];
    clear();
  }

  /**
   * Opens a record: its value is what is written into {@link #sink()} until
   * {@link #endRecord(long)}, which gives its timestamp (a writer may learn it from the value).
   */
  public void beginRecord() {
    if (recordStart >= 0) {
      throw new IllegalStateException("record " + count + " is already open");
    }
    if (count == ends.length) {
      int cap = count * 2;
      ends = Arrays.copyOf(ends, cap);
      starts = Arrays.copyOf(starts, cap);
      timestamps = Arrays.copyOf(timestamps, cap);
    }
    recordStart = sink.size();
    sink.writeVarint(count);
    framingAt = sink.size();
    sink.skip(timeGuess + KEY_AND_LENGTH_GUESS);
    valueStart = sink.size();
  }

  /** Where the open record's value is written; bytes before it are framing and earlier records. */
  public ByteSink sink() {
    return sink;
  }

  /**
   * Closes the open record, whose value is everything written since {@link #beginRecord()}, with
   * this timestamp. Its framing (timestamp delta, key, value length) was given room by a guess,
   * the previous record's timestamp delta size and a two-byte length; when the guess is wrong the
   * value moves, so that every varint is minimally encoded, as the format's writers all do.
   */
  public void endRecord(long timestamp) {
    if (recordStart < 0) {
      throw new IllegalStateException("no record is open");
    }
    long zigzag = ByteSink.zigZag(count == 0 ? 0 : timestamp - timestamps[0]);
    int timeBytes = ByteSink.varlongSize(zigzag);
    int len = sink.size() - valueStart;
    int lengthBytes = ByteSink.varlongSize(len);
    int shift = framingAt + timeBytes + 1 + lengthBytes - valueStart;
    if (shift != 0) {
      if (shift > 0) {
        sink.skip(shift);
      }
      System.arraycopy(sink.array(), valueStart, sink.array(), valueStart + shift, len);
      if (shift < 0) {
        sink.truncate(sink.size() + shift);
      }
      valueStart += shift;
    }
    int at = sink.putVarlong(framingAt, zigzag);
    at = sink.putVarlong(at, 1); // zigzag(-1): no key
    sink.putVarlong(at, len);
    timeGuess = timeBytes;
    timestamps[count] = timestamp;
    starts[count] = valueStart;
    ends[count++] = sink.size();
    recordStart = -1;
  }

  /** Drops the open record (its framing and whatever was written of its value). */
  public void abortRecord() {
    if (recordStart >= 0) {
      sink.truncate(recordStart);
      recordStart = -1;
    }
  }

  public void clear() {
    count = 0;
    recordStart = -1;
    sink.reset();
    sink.skip(HEADER_RESERVE);
  }

  /** Whether a record has been begun and not yet ended or aborted. */
  public boolean hasOpenRecord() {
    return recordStart >= 0;
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
    return starts[i];
  }

  public int valueLength(int i) {
    return ends[i] - starts[i];
  }

  /** The backing array: the header reserve, then the framed records; valid until the next write. */
  public byte[] buffer() {
    return sink.array();
  }

  /** Bytes in {@link #buffer()} used so far, header reserve included. */
  public int size() {
    return sink.size();
  }

  /** The records as {@link LogRecord}s (copies), for logs without a direct path. */
  public List<LogRecord> toRecords() {
    List<LogRecord> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(LogRecord.of(timestamps[i], Arrays.copyOfRange(sink.array(), starts[i], ends[i])));
    }
    return out;
  }
}
