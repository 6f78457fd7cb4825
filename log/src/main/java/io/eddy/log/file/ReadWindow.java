package io.eddy.log.file;

import io.eddy.log.format.MalformedDataException;
import java.io.EOFException;
import java.io.IOException;

/**
 * A reader's buffer with what it holds: bytes {@code [start, start + length)} of one open file.
 * A {@link BatchCursor} reads through it, reading each byte of the file once: a batch that runs
 * past the bytes held keeps the part held and reads only the rest; and a window kept from one read
 * of a partition to the next (as {@link FilePartitionLog} keeps its spare one) serves the next
 * read from what the last one read ahead.
 *
 * <p>Reuse across reads is sound only for bytes below a segment's published size, which never
 * change while the file is open: a truncation reopens the partition's files, and the window
 * matches a file by identity. A window over bytes that may still change (a recovery scan reading a
 * torn tail) must not be kept for later reads. Not thread-safe: one reader at a time.
 */
final class ReadWindow {
  private byte[] buf;
  private StorageFile file;
  /** File position of {@code buf[0]}. */
  private long start;
  private int length;

  ReadWindow(int capacity) {
    this.buf = new byte[capacity];
  }

  /** The buffer; {@code buf[0]} holds the byte at {@link #start()} of the file held. */
  byte[] buffer() {
    return buf;
  }

  long start() {
    return start;
  }

  /** Drops what the window holds (keeps the buffer); returns it. */
  ReadWindow forget() {
    file = null;
    length = 0;
    return this;
  }

  /** Whether bytes {@code [pos, pos + n)} of {@code f} are held. */
  boolean holds(StorageFile f, long pos, int n) {
    return f == file && pos >= start && pos + n <= start + length;
  }

  /**
   * Makes the window hold at least {@code [pos, pos + want)} of {@code f}, starting at {@code pos}:
   * the bytes from {@code pos} already held are kept (moved to the front) and only the rest is read.
   * Throws {@link MalformedDataException} if the file ends first. After an exception the window
   * holds only the bytes it kept.
   */
  void fill(StorageFile f, long pos, int want) throws IOException {
    int kept = holds(f, pos, 1) ? (int) (start + length - pos) : 0;
    byte[] dst = want > buf.length ? new byte[Math.max(want, buf.length * 2)] : buf;
    if (kept > 0 && (dst != buf || pos != start)) {
      System.arraycopy(buf, (int) (pos - start), dst, 0, kept);
    }
    buf = dst;
    file = f;
    start = pos;
    length = kept;
    try {
      f.readFully(buf, kept, want - kept, pos + kept);
    } catch (EOFException e) {
      throw new MalformedDataException(e.getMessage() + ", before the expected end");
    }
    length = want;
  }
}
