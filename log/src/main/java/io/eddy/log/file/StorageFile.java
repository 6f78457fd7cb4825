package io.eddy.log.file;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open file of a {@link FileIo}: positional reads and writes, size, truncate and force.
 * Thread-safety as {@link java.nio.channels.FileChannel}: positional reads may run concurrently
 * with each other and with one writer.
 */
public interface StorageFile extends AutoCloseable {

  /** Reads up to {@code dst.remaining()} bytes at {@code position}; -1 at the end of the file. */
  int read(ByteBuffer dst, long position) throws IOException;

  /** Writes some of {@code src} at {@code position} and returns how many bytes were written. */
  int write(ByteBuffer src, long position) throws IOException;

  long size() throws IOException;

  void truncate(long size) throws IOException;

  /** Forces the contents (not necessarily metadata other than the size) to the device. */
  void force() throws IOException;

  @Override
  void close() throws IOException;

  /** Writes all of {@code b[off, off + len)} at {@code position}. */
  default void writeFully(byte[] b, int off, int len, long position) throws IOException {
    ByteBuffer src = ByteBuffer.wrap(b, off, len);
    long pos = position;
    while (src.hasRemaining()) {
      pos += write(src, pos);
    }
  }

  /** Reads exactly {@code len} bytes at {@code position}; fails if the file ends first. */
  default void readFully(byte[] b, int off, int len, long position) throws IOException {
    ByteBuffer dst = ByteBuffer.wrap(b, off, len);
    while (dst.hasRemaining()) {
      if (read(dst, position + dst.position() - off) < 0) {
        throw new java.io.EOFException("file ends at " + (position + dst.position() - off));
      }
    }
  }
}
