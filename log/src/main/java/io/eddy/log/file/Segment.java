package io.eddy.log.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One segment file: the batches of a partition starting at {@link #baseOffset()}, named
 * {@code <baseOffset, 20 digits>.log}, with its {@link SegmentIndex} (persisted beside it as an
 * {@link IndexFile} when sealed or on a clean close). Only complete batches lie below
 * {@link #size()}.
 *
 * <p>Thread-safety: appends, truncation, force and index writes come from the partition's single
 * writer; {@link #size()} and {@link #nextOffset()} are volatile and advanced only after a batch is
 * fully written, so concurrent readers never read below them a batch still being written.
 */
final class Segment implements AutoCloseable {
  static final String SUFFIX = ".log";

  private final long baseOffset;
  private final Path path;
  private final StorageFile file;
  private SegmentIndex index;
  private volatile long size;
  private volatile long nextOffset;
  private volatile boolean dirty;
  /** Clock time of the first append since the partition was opened; -1 before it. */
  private long firstAppendMillis = -1;

  private Segment(long baseOffset, Path path, StorageFile file, SegmentIndex index) {
    this.baseOffset = baseOffset;
    this.path = path;
    this.file = file;
    this.index = index;
    this.nextOffset = baseOffset;
  }

  /** Opens (creating if missing) the segment file for {@code baseOffset} in {@code dir}; empty until loaded. */
  static Segment open(FileIo io, Path dir, long baseOffset, int indexIntervalBytes) throws IOException {
    Path p = dir.resolve(fileName(baseOffset));
    return new Segment(baseOffset, p, io.open(p), new SegmentIndex(indexIntervalBytes));
  }

  static String fileName(long baseOffset) {
    return String.format("%020d%s", baseOffset, SUFFIX);
  }

  /** The base offset encoded in a segment (or index) file name with {@code suffix}, or -1 if it is not one. */
  static long parseBaseOffset(String name, String suffix) {
    if (!name.endsWith(suffix) || name.length() != 20 + suffix.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static long parseBaseOffset(String name) {
    return parseBaseOffset(name, SUFFIX);
  }

  long baseOffset() {
    return baseOffset;
  }

  Path path() {
    return path;
  }

  Path indexPath() {
    return path.resolveSibling(IndexFile.fileName(baseOffset));
  }

  StorageFile file() {
    return file;
  }

  SegmentIndex index() {
    return index;
  }

  /** Bytes of complete batches. */
  long size() {
    return size;
  }

  /** The offset after the last complete batch. */
  long nextOffset() {
    return nextOffset;
  }

  long fileSize() throws IOException {
    return file.size();
  }

  /** Takes the index, size and end offset from a trusted index file instead of scanning. Before publication. */
  void restore(IndexFile.Contents contents, long segmentBytes) {
    index = contents.index();
    size = segmentBytes;
    nextOffset = contents.nextOffset();
  }

  /** Accepts a batch already on disk at the current end (used when loading). Writer only. */
  void acceptLoaded(BatchHeader h, long maxTimestamp) {
    index.onBatch(h.baseOffset(), size, h.sizeInBytes(), maxTimestamp);
    size += h.sizeInBytes();
    nextOffset = h.nextOffset();
  }

  /** Writes one encoded batch at the end, then publishes it. Writer only. */
  void append(byte[] batch, int len, long batchBase, int records, long maxTimestamp, long nowMillis)
      throws IOException {
    if (firstAppendMillis < 0) {
      firstAppendMillis = nowMillis;
    }
    dirty = true;
    file.writeFully(batch, 0, len, size);
    index.onBatch(batchBase, size, len, maxTimestamp);
    size += len;
    nextOffset = batchBase + records;
  }

  /** Clock time of the first append since opening, or -1. */
  long firstAppendMillis() {
    return firstAppendMillis;
  }

  /** Cuts the file to {@code newSize} bytes (the end of the last good batch) and forces it. Writer only. */
  void truncateFileTo(long newSize) throws IOException {
    file.truncate(newSize);
    file.force();
  }

  /** Forces written batches to the device if any were written since the last force. */
  void force() throws IOException {
    if (dirty) {
      dirty = false;
      file.force();
    }
  }

  /** Writes the index file describing the segment as it is now (forced when {@code force}). Writer only. */
  void writeIndex(FileIo io, boolean force) throws IOException {
    io.writeAtomically(indexPath(), IndexFile.encode(baseOffset, size, nextOffset, index), force);
  }

  /** Closes the file and deletes it with its index. */
  void delete(FileIo io) throws IOException {
    close();
    io.deleteIfExists(indexPath());
    io.deleteIfExists(path);
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
