package io.eddy.log.file;

import java.util.Arrays;

/**
 * Sparse in-memory index of one segment: ascending (batch base offset, file position) pairs, one
 * every {@code intervalBytes} of batches and always one for the first batch. Held only in memory;
 * rebuilt when the segment is opened (after a crash too).
 *
 * <p>Thread-safety: a single writer (the partition's append lock holder) calls
 * {@link #onBatch}; any number of readers call {@link #floorPosition} concurrently and see every
 * entry added before the writer's last volatile publication.
 */
final class OffsetIndex {
  /** Arrays published together; replaced (never shrunk) when full. */
  private record Entries(long[] offsets, long[] positions) {}

  private final int intervalBytes;
  private volatile Entries entries = new Entries(new long[16], new long[16]);
  private volatile int size;
  private long bytesSinceEntry;

  OffsetIndex(int intervalBytes) {
    this.intervalBytes = intervalBytes;
  }

  /** Records that the batch based at {@code baseOffset} starts at {@code position}. Writer only. */
  void onBatch(long baseOffset, long position, int batchBytes) {
    int n = size;
    if (n == 0 || bytesSinceEntry >= intervalBytes) {
      Entries e = entries;
      if (n == e.offsets.length) {
        e = new Entries(Arrays.copyOf(e.offsets, n * 2), Arrays.copyOf(e.positions, n * 2));
        entries = e;
      }
      e.offsets[n] = baseOffset;
      e.positions[n] = position;
      size = n + 1;
      bytesSinceEntry = 0;
    }
    bytesSinceEntry += batchBytes;
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

  int entries() {
    return size;
  }
}
