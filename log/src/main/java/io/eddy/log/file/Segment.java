package io.eddy.log.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file: the batches of a partition starting at {@link #baseOffset()}, named
 * {@code <baseOffset, 20 digits>.log}. Only complete batches lie below {@link #size()}.
 *
 * <p>Thread-safety: appends, truncation and force come from the partition's single writer;
 * {@link #size()} is volatile and advanced only after a batch is fully written, so concurrent
 * readers never read below it a batch that is still being written.
 */
final class Segment implements AutoCloseable {
  static final String SUFFIX = ".log";

  private final long baseOffset;
  private final Path path;
  private final FileChannel channel;
  private final OffsetIndex index;
  private volatile long size;
  private volatile boolean dirty;

  private Segment(long baseOffset, Path path, FileChannel channel, OffsetIndex index) {
    this.baseOffset = baseOffset;
    this.path = path;
    this.channel = channel;
    this.index = index;
  }

  /** Opens (creating if missing) the segment file for {@code baseOffset} in {@code dir}; size 0 until loaded. */
  static Segment open(Path dir, long baseOffset, int indexIntervalBytes) throws IOException {
    Path p = dir.resolve(fileName(baseOffset));
    FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new Segment(baseOffset, p, ch, new OffsetIndex(indexIntervalBytes));
  }

  static String fileName(long baseOffset) {
    return String.format("%020d%s", baseOffset, SUFFIX);
  }

  /** The base offset encoded in a segment file name, or -1 if {@code name} is not one. */
  static long parseBaseOffset(String name) {
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  long baseOffset() {
    return baseOffset;
  }

  Path path() {
    return path;
  }

  FileChannel channel() {
    return channel;
  }

  OffsetIndex index() {
    return index;
  }

  /** Bytes of complete batches. */
  long size() {
    return size;
  }

  /** Accepts a batch already on disk at the current end (used when loading). Writer only. */
  void acceptLoaded(long batchBase, int batchBytes) {
    index.onBatch(batchBase, size, batchBytes);
    size += batchBytes;
  }

  /** Writes one encoded batch at the end, then publishes it. Writer only. */
  void append(byte[] batch, int len, long batchBase) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(batch, 0, len);
    long pos = size;
    while (b.hasRemaining()) {
      pos += channel.write(b, pos);
    }
    dirty = true;
    acceptLoaded(batchBase, len);
  }

  /** Cuts the file to {@code newSize} bytes (the end of the last good batch). Writer only, before publication. */
  void truncateFileTo(long newSize) throws IOException {
    channel.truncate(newSize);
    channel.force(true);
  }

  /** Forces written batches to the device if any were written since the last force. */
  void force() throws IOException {
    if (dirty) {
      dirty = false;
      channel.force(false);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
