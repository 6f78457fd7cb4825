package io.eddy.log.file;

import io.eddy.log.format.MalformedDataException;
import java.io.IOException;

/**
 * Iterates over the batches in {@code [position, end)} of a segment file with positional reads
 * into a {@link ReadWindow}, reading ahead {@code chunkBytes} at a time (a batch larger than that
 * whole) and each byte once; what the window already holds of the file is not read again.
 * Structural problems (bad header, a batch running past {@code end}) throw
 * {@link MalformedDataException} with the file position; the CRC is left to the caller.
 * Not thread-safe: one cursor per reader.
 */
final class BatchCursor {
  private final StorageFile file;
  private final long end;
  private final int chunkBytes;
  private final ReadWindow window;
  /** File position of the next batch. */
  private long next;
  private long current = -1;
  private BatchHeader header;

  BatchCursor(StorageFile file, long position, long end, int chunkBytes, ReadWindow window) {
    this.file = file;
    this.end = end;
    this.chunkBytes = Math.max(chunkBytes, BatchFormat.HEADER_SIZE);
    this.window = window;
    this.next = position;
  }

  /** Moves to the next batch; false at {@code end}. */
  boolean next() throws IOException {
    if (next >= end) {
      return false;
    }
    ensureBuffered(next, BatchFormat.HEADER_SIZE);
    BatchHeader h;
    try {
      h = BatchFormat.header(window.buffer(), (int) (next - window.start()));
    } catch (MalformedDataException e) {
      throw new MalformedDataException(e.getMessage() + " at file position " + next);
    }
    ensureBuffered(next, h.sizeInBytes());
    current = next;
    header = h;
    next += h.sizeInBytes();
    return true;
  }

  BatchHeader header() {
    return header;
  }

  /** The buffer holding the current batch; valid until the next call of {@link #next()}. */
  byte[] buffer() {
    return window.buffer();
  }

  /** Index in {@link #buffer()} where the current batch starts. */
  int bufferOffset() {
    return (int) (current - window.start());
  }

  /** File position of the current batch. */
  long position() {
    return current;
  }

  private void ensureBuffered(long pos, int n) throws IOException {
    if (pos + n > end) {
      throw new MalformedDataException("incomplete batch at file position " + pos + ": needs " + n
          + " bytes, only " + (end - pos) + " before the end at " + end);
    }
    if (!window.holds(file, pos, n)) {
      window.fill(file, pos, (int) Math.min(Math.max(n, chunkBytes), end - pos));
    }
  }
}
