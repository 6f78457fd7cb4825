package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.format.ByteSink;
import io.eddy.log.format.MalformedDataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A partition stored as a directory of {@link Segment} files.
 *
 * <p>Thread-safety: appends are serialised by a lock; reads take no lock and run concurrently
 * with appends. An append writes its batch, then advances the segment size and finally the
 * volatile {@link #endOffset()}; a reader bounds itself by the end offset it saw first, so it sees
 * exactly the records of the appends that had returned (or were publishing) when it started.
 *
 * <p>Failures are fail-stop: after any I/O error in an append or a flush, the partition refuses
 * every further append with {@code STORAGE}; it never retries. Reading a batch whose CRC does
 * not match fails with {@code STORAGE} too.
 */
final class FilePartitionLog implements PartitionLog, AutoCloseable {
  private static final int MIN_READ_CHUNK = 16 << 10;

  private final String name;
  private final Path dir;
  private final LogConfig config;
  private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ByteSink encodeBuffer = new ByteSink(64 << 10);
  /** One spare read buffer; a concurrent second reader allocates its own. */
  private final AtomicReference<byte[]> spareReadBuffer = new AtomicReference<>();
  private volatile long endOffset;
  private volatile Throwable failure;
  private volatile boolean closed;

  private FilePartitionLog(String name, Path dir, LogConfig config, PartitionLoader.Loaded loaded) {
    this.name = name;
    this.dir = dir;
    this.config = config;
    for (Segment s : loaded.segments()) {
      segments.put(s.baseOffset(), s);
    }
    this.endOffset = loaded.endOffset();
  }

  /** Opens the partition in {@code dir} (which must exist), recovering a torn tail; see {@link PartitionLoader}. */
  static FilePartitionLog open(String name, Path dir, LogConfig config) {
    try {
      return new FilePartitionLog(name, dir, config, PartitionLoader.load(dir, config, name));
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, name + ": cannot open partition directory " + dir + ": " + e, e);
    }
  }

  @Override
  public long append(List<LogRecord> records) {
    appendLock.lock();
    try {
      checkWritable();
      long base = endOffset;
      if (records.isEmpty()) {
        return base;
      }
      encodeBuffer.reset();
      BatchFormat.encode(base, records, encodeBuffer);
      try {
        Segment active = activeSegmentFor(encodeBuffer.size(), base);
        active.append(encodeBuffer.array(), encodeBuffer.size(), base);
        if (config.fsync() == LogConfig.Fsync.BATCH) {
          active.force();
        }
      } catch (IOException | RuntimeException e) {
        throw fail("append of " + records.size() + " records at offset " + base, e);
      }
      endOffset = base + records.size();
      return base;
    } finally {
      appendLock.unlock();
    }
  }

  private Segment activeSegmentFor(int batchBytes, long base) throws IOException {
    Segment active = segments.lastEntry().getValue();
    if (active.size() == 0 || active.size() + batchBytes <= config.segmentBytes()) {
      return active;
    }
    Segment rolled = Segment.open(dir, base, config.indexIntervalBytes());
    if (config.fsync() == LogConfig.Fsync.BATCH) {
      FileSync.force(dir);
    }
    segments.put(base, rolled);
    return rolled;
  }

  @Override
  public long endOffset() {
    return endOffset;
  }

  @Override
  public long startOffset() {
    return segments.firstKey();
  }

  @Override
  public long read(long fromOffset, int maxBytes, RecordVisitor visitor) {
    long end = endOffset;
    checkReadable(fromOffset, end);
    if (fromOffset == end) {
      return fromOffset;
    }
    byte[] buffer = spareReadBuffer.getAndSet(null);
    SegmentReader reader = new SegmentReader(fromOffset, end, maxBytes, visitor,
        buffer != null ? buffer : new byte[Math.max(MIN_READ_CHUNK, Math.min(maxBytes, 1 << 20))]);
    try {
      for (Map.Entry<Long, Segment> e = segments.floorEntry(fromOffset); e != null && !reader.done();
           e = segments.higherEntry(e.getKey())) {
        reader.readFrom(e.getValue(), Math.max(MIN_READ_CHUNK, maxBytes));
      }
    } catch (IOException | MalformedDataException e) {
      throw new EddyException(ErrorCode.STORAGE, name + ": cannot read at offset " + reader.nextOffset() + ": "
          + e.getMessage(), e);
    } finally {
      spareReadBuffer.set(reader.buffer());
    }
    return reader.nextOffset();
  }

  private void checkReadable(long fromOffset, long end) {
    long start = startOffset();
    if (fromOffset < start) {
      throw new EddyException(ErrorCode.NOT_FOUND, name + ": offset " + fromOffset
          + " is no longer retained (the partition starts at " + start + ")");
    }
    if (fromOffset > end) {
      throw new EddyException(ErrorCode.NOT_FOUND, name + ": offset " + fromOffset
          + " is beyond the end of the partition (" + end + "); the reader's position is not from this log");
    }
  }

  /** Forces every segment written since its last force; used by the {@code interval} policy and on close. */
  void flush() {
    appendLock.lock();
    try {
      if (closed || failure != null) {
        return;
      }
      for (Segment s : segments.values()) {
        s.force();
      }
    } catch (IOException e) {
      throw fail("flush", e);
    } finally {
      appendLock.unlock();
    }
  }

  private void checkWritable() {
    if (closed) {
      throw new EddyException(ErrorCode.STORAGE, name + " is closed");
    }
    Throwable f = failure;
    if (f != null) {
      throw new EddyException(ErrorCode.STORAGE, name + " refuses appends after an earlier storage failure: " + f
          + "; restart to recover from the files on disk", f);
    }
  }

  private EddyException fail(String what, Throwable cause) {
    failure = cause;
    return new EddyException(ErrorCode.STORAGE, name + ": " + what + " failed: " + cause
        + "; the partition accepts no more appends", cause);
  }

  /** Flushes (regardless of policy) and closes the segment files. Idempotent. */
  @Override
  public void close() {
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      flush();
      closed = true;
      for (Segment s : segments.values()) {
        s.close();
      }
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, name + ": close failed: " + e, e);
    } finally {
      appendLock.unlock();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
