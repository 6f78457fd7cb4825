package io.eddy.log.file;

import java.util.Arrays;

/**
 * Sparse offset and time index of one segment: ascending entries (batch base offset, file
 * position, largest record timestamp of the batches before that position), one every
 * {@code intervalBytes} of batches and always one for the first batch; plus the segment's
 * largest timestamp. Seeks by offset ({@link #floorPosition}) and by time
 * ({@link #timePosition}). Persisted beside the segment by {@link IndexFile} when the segment is
 * sealed or the partition closes cleanly; rebuilt by scanning the segment when that file is
 * missing, stale or corrupt (after a crash too).
 *
 * <p>Thread-safety: a single writer (the partition's append lock holder) calls
 * {@link #onBatch}; any number of readers call the lookups concurrently and see every entry added
 * before the writer's last volatile publication.
 */
final class SegmentIndex {
  /** Arrays published together; replaced (never shrunk) when full. */
  private record Entries(long[] offsets, long[] positions, long[] maxTimestampsBefore) {
    Entries grow(int n) {
      return new Entries(Arrays.copyOf(offsets, n), Arrays.copyOf(positions, n), Arrays.copyOf(maxTimestampsBefore, n));
    }
  }

  private final int intervalBytes;
  private volatile Entries entries = new Entries(new long[16], new long[16], new long[16]);
  private volatile int size;
  private volatile long maxTimestamp = Long.MIN_VALUE;
  private long bytesSinceEntry;

  SegmentIndex(int intervalBytes) {
    this.intervalBytes = intervalBytes;
  }

  /**
   * Records that the batch based at {@code baseOffset} starts at {@code position}, is
   * {@code batchBytes} long and holds no timestamp above {@code batchMaxTimestamp}. Writer only.
   */
  void onBatch(long baseOffset, long position, int batchBytes, long batchMaxTimestamp) {
    if (size == 0 || bytesSinceEntry >= intervalBytes) {
      addEntry(baseOffset, position, maxTimestamp);
      bytesSinceEntry = 0;
    }
    bytesSinceEntry += batchBytes;
    maxTimestamp = Math.max(maxTimestamp, batchMaxTimestamp);
  }

  /** Adds an entry (also a loaded one, from an {@link IndexFile}). Writer only. */
  void addEntry(long offset, long position, long maxTimestampBefore) {
    int n = size;
    Entries e = entries;
    if (n == e.offsets.length) {
      e = e.grow(n * 2);
      entries = e;
    }
    e.offsets[n] = offset;
    e.positions[n] = position;
    e.maxTimestampsBefore[n] = maxTimestampBefore;
    size = n + 1;
  }

  /** Sets the segment's largest timestamp and the bytes since the last entry (when loaded from a file). */
  void restore(long maxTimestamp, long bytesSinceLastEntry) {
    this.maxTimestamp = maxTimestamp;
    this.bytesSinceEntry = bytesSinceLastEntry;
  }

  /**
   * The position of the last indexed batch whose base offset is at most {@code offset}, or 0 when
   * there is none; a scan from there reaches {@code offset} after at most about one interval.
   */
  long floorPosition(long offset) {
    int n = size;
    Entries e = entries;
    int i = Arrays.binarySearch(e.offsets, 0, n, offset);
    if (i >= 0) {
      return e.positions[i];
    }
    int insertion = -i - 1;
    return insertion == 0 ? 0 : e.positions[insertion - 1];
  }

  /**
   * The position of the last indexed batch before which every timestamp is below
   * {@code timestamp}: the first record at or after {@code timestamp} lies at or after it.
   */
  long timePosition(long timestamp) {
    int n = size;
    Entries e = entries;
    long pos = 0;
    for (int lo = 0, hi = n - 1; lo <= hi; ) { // maxTimestampsBefore is non-decreasing
      int mid = (lo + hi) >>> 1;
      if (e.maxTimestampsBefore[mid] < timestamp) {
        pos = e.positions[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return pos;
  }

  /** The largest record timestamp in the segment; {@code Long.MIN_VALUE} when it is empty. */
  long maxTimestamp() {
    return maxTimestamp;
  }

  int entries() {
    return size;
  }

  long offsetAt(int i) {
    return entries.offsets[i];
  }

  long positionAt(int i) {
    return entries.positions[i];
  }

  long maxTimestampBeforeAt(int i) {
    return entries.maxTimestampsBefore[i];
  }

  long bytesSinceLastEntry() {
    return bytesSinceEntry;
  }

  int intervalBytes() {
    return intervalBytes;
  }
}
