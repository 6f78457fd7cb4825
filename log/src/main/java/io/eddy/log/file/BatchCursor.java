package io.eddy.log.file;

import io.eddy.log.format.MalformedDataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Iterates over the batches in {@code [position, end)} of a segment file with positional reads
 * into one heap buffer, reading ahead {@code chunkBytes} at a time and growing the buffer for a
 * batch larger than it. Structural problems (bad header, a batch running past {@code end}) throw
 * {@link MalformedDataException} with the file position; the CRC is left to the caller.
 * Not thread-safe: one cursor per reader.
 */
final class BatchCursor {
  private final StorageFile file;
  private final long end;
  private final int chunkBytes;
  private byte[] buf;
  /** File position of {@code buf[0]}. */
  private long bufStart;
  private int bufLen;
  /** File position of the next batch. */
  private long next;
  private long current = -1;
  private BatchHeader header;

  BatchCursor(StorageFile file, long position, long end, int chunkBytes, byte[] buffer) {
    this.file = file;
    this.end = end;
    this.chunkBytes = Math.max(chunkBytes, BatchFormat.HEADER_SIZE);
    this.buf = buffer;
    this.bufStart = position;
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
      h = BatchFormat.header(buf, (int) (next - bufStart));
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
    return buf;
  }

  /** Index in {@link #buffer()} where the current batch starts. */
  int bufferOffset() {
    return (int) (current - bufStart);
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
    if (pos >= bufStart && pos + n <= bufStart + bufLen) {
      return;
    }
    int want = (int) Math.min(Math.max(n, chunkBytes), end - pos);
    if (want > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(want, buf.length * 2));
    }
    ByteBuffer dst = ByteBuffer.wrap(buf, 0, want);
    while (dst.hasRemaining()) {
      int r = file.read(dst, pos + dst.position());
      if (r < 0) {
        throw new MalformedDataException("file ends at " + (pos + dst.position()) + ", before the expected end " + end);
      }
    }
    bufStart = pos;
    bufLen = want;
  }
}
