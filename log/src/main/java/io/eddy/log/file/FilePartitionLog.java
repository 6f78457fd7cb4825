package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.EncodedRecords;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.RecordVisitor;
import io.eddy.log.format.ByteSink;
import io.eddy.log.format.MalformedDataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A partition stored as a directory of {@link Segment} files with their index files and a
 * {@link RecoveryPoint}.
 *
 * <p>Durability: an append returns (is acknowledged) once {@link LogConfig#fsync()} is met:
 * {@code batch} forces the batch before returning; {@code interval} returns before the force and
 * the store's scheduler calls {@link #flush()}; {@code none} never forces. A segment is sealed when
 * the next batch would overflow it or it is older than {@link LogConfig#segmentMillis()}: it is
 * forced, its index file written and the recovery point moved to the new segment (the last two
 * forced unless {@code none}). A clean {@link #close()} forces everything, writes the active
 * segment's index and a clean recovery point, so the next open scans nothing.
 *
 * <p>Retention ({@link LogConfig#retention()}) deletes whole sealed segments from the front, on
 * each roll and when the store's scheduler calls {@link #enforceRetention()}; a read below the new
 * start fails with {@code NOT_FOUND}, never skipping silently.
 *
 * <p>Failures are fail-stop: after any I/O error in an append or a flush (disk full, EIO, a failed
 * fsync) and after reading a batch that fails its CRC, the partition refuses every further append
 * with {@code STORAGE}; it never retries, since a retried fsync can report success for pages the
 * kernel already dropped. Restarting recovers from the files.
 *
 * <p>Thread-safety: appends, flushes, rolls and retention are serialised by a lock; reads take no
 * lock. An append writes its batch, then advances the segment size and finally the volatile
 * {@link #endOffset()}; a reader bounds itself by the end offset it saw first, so it sees exactly
 * the records of the appends that had returned (or were publishing) when it started.
 */
final class FilePartitionLog implements PartitionLog, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FilePartitionLog.class.getName());
  private static final int MIN_READ_CHUNK = 16 << 10;

  private final String name;
  private final Path dir;
  private final LogConfig config;
  private final LogServices services;
  /** Replaced whole under the append lock; reads use the list they find. */
  private volatile SegmentList segments;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ByteSink encodeBuffer = new ByteSink(64 << 10);
  /**
   * One spare read window, kept with what the last read read ahead (the next read starts there);
   * a concurrent second reader allocates its own.
   */
  private final AtomicReference<ReadWindow> spareReadWindow = new AtomicReference<>();
  private volatile long endOffset;
  private volatile Throwable failure;
  private volatile boolean closed;

  private FilePartitionLog(String name, Path dir, LogConfig config, LogServices services,
      PartitionLoader.Loaded loaded) {
    this.name = name;
    this.dir = dir;
    this.config = config;
    this.services = services;
    this.segments = new SegmentList(loaded.segments());
    this.endOffset = loaded.endOffset();
  }

  /** Opens the partition in {@code dir} (which must exist), recovering after a crash; see {@link PartitionLoader}. */
  static FilePartitionLog open(String name, Path dir, LogConfig config, LogServices services) {
    try {
      return new FilePartitionLog(name, dir, config, services, PartitionLoader.load(services.io(), dir, config, name));
    } catch (IOException e) {
      throw new EddyException(ErrorCode.STORAGE, name + ": cannot open partition directory " + dir + ": " + e, e);
    }
  }

  @Override
  public long append(List<LogRecord> records) {
    long maxTimestamp = Long.MIN_VALUE;
    for (LogRecord r : records) {
      maxTimestamp = Math.max(maxTimestamp, r.timestamp());
    }
    return appendBatch(records.size(), maxTimestamp, base -> {
      encodeBuffer.reset();
      BatchFormat.encode(base, records, encodeBuffer);
      return encodeBuffer;
    });
  }

  /** Writes the records' buffer as the batch, its header filled in (no copy of the values). */
  @Override
  public long append(EncodedRecords records) {
    long maxTimestamp = Long.MIN_VALUE;
    for (int i = 0; i < records.count(); i++) {
      maxTimestamp = Math.max(maxTimestamp, records.timestamp(i));
    }
    return appendBatch(records.count(), maxTimestamp, base -> {
      BatchFormat.seal(base, records);
      return records.sink();
    });
  }

  /** Encodes one batch of {@code count} records at the end offset (into the sink {@code encode} returns) and writes it. */
  private long appendBatch(int count, long maxTimestamp, java.util.function.LongFunction<ByteSink> encode) {
    appendLock.lock();
    try {
      checkWritable();
      long base = endOffset;
      if (count == 0) {
        return base;
      }
      ByteSink batch = encode.apply(base);
      try {
        long now = services.clock().millis();
        Segment active = activeSegmentFor(batch.size(), base, now);
        active.append(batch.array(), batch.size(), base, count, maxTimestamp, now);
        if (config.fsync() == LogConfig.Fsync.BATCH) {
          active.force();
        }
      } catch (IOException | RuntimeException e) {
        throw fail("append of " + count + " records at offset " + base, e);
      }
      endOffset = base + count;
      return base;
    } finally {
      appendLock.unlock();
    }
  }

  private Segment activeSegmentFor(int batchBytes, long base, long now) throws IOException {
    Segment active = segments.last();
    boolean full = active.size() + batchBytes > config.segmentBytes();
    boolean old = active.firstAppendMillis() >= 0 && now - active.firstAppendMillis() >= config.segmentMillis();
    if (active.size() == 0 || !full && !old) {
      return active;
    }
    boolean durable = config.fsync() != LogConfig.Fsync.NONE;
    if (durable) {
      active.force();
    }
    active.writeIndex(services.io(), durable);
    Segment rolled = Segment.open(services.io(), dir, base, config.indexIntervalBytes());
    segments = segments.plus(rolled);
    if (durable) {
      services.io().forceDirectory(dir);
      services.io().writeAtomically(dir.resolve(RecoveryPoint.FILE_NAME), new RecoveryPoint(base, false).encode(), true);
    }
    deleteExpiredSegments();
    return rolled;
  }

  /** Deletes the sealed segments that retention no longer keeps (see {@link io.eddy.log.Retention}). */
  void enforceRetention() {
    appendLock.lock();
    try {
      if (!closed && failure == null) {
        deleteExpiredSegments();
      }
    } catch (IOException e) {
      throw fail("retention", e);
    } finally {
      appendLock.unlock();
    }
  }

  private void deleteExpiredSegments() throws IOException {
    io.eddy.log.Retention r = config.retention();
    if (!r.limited()) {
      return;
    }
    long total = 0;
    for (Segment s : segments.all()) {
      total += s.size();
    }
    long now = services.clock().millis();
    while (segments.size() > 1) {
      Segment first = segments.first();
      boolean expired = r.millis() > 0 && first.index().maxTimestamp() < now - r.millis();
      boolean oversize = r.bytes() > 0 && total - first.size() >= r.bytes();
      if (!expired && !oversize) {
        return;
      }
      segments = segments.withoutFirst();
      total -= first.size();
      first.delete(services.io());
      long start = segments.first().baseOffset();
      LOG.log(System.Logger.Level.INFO, () -> name + ": retention deleted " + first.path().getFileName() + " ("
          + (expired ? "older than " + r.millis() + " ms" : "over " + r.bytes() + " bytes") + "); the partition now starts at "
          + start);
    }
  }

  /**
   * Truncation in crash-safe steps: (1) the recovery point moves down to {@code offset} (not
   * clean), so a reopen scans from the segment holding it; (2) later segments are deleted from the
   * last one down, so a crash leaves a contiguous log; (3) the segment holding {@code offset} is cut
   * at that batch's file position and its index file deleted; (4) the partition is reloaded from
   * the files ({@link PartitionLoader}), which rebuilds the index. The same lock as appends.
   */
  @Override
  public void truncateTo(long offset) {
    appendLock.lock();
    try {
      checkWritable();
      long end = endOffset;
      if (offset == end) {
        return;
      }
      if (offset < startOffset() || offset > end) {
        throw new EddyException(ErrorCode.NOT_FOUND, name + ": cannot truncate to offset " + offset
            + ", the partition holds offsets " + startOffset() + " to " + end);
      }
      SegmentList segs = segments;
      int at = segs.floor(offset);
      Segment holder = segs.get(at);
      long position = batchPosition(holder, offset);
      services.io().writeAtomically(dir.resolve(RecoveryPoint.FILE_NAME), new RecoveryPoint(offset, false).encode(), true);
      for (int i = segs.size() - 1; i > at; i--) { // from the last one down
        segs.get(i).delete(services.io());
      }
      if (position == 0 && at > 0) {
        holder.delete(services.io());
      } else {
        services.io().deleteIfExists(holder.indexPath());
        holder.truncateFileTo(position);
      }
      services.io().forceDirectory(dir);
      for (Segment s : segs.all()) {
        s.close();
      }
      PartitionLoader.Loaded loaded = PartitionLoader.load(services.io(), dir, config, name);
      segments = new SegmentList(loaded.segments());
      endOffset = loaded.endOffset();
      LOG.log(System.Logger.Level.INFO, () -> name + ": truncated from offset " + end + " to " + offset);
    } catch (IOException | RuntimeException e) {
      if (e instanceof EddyException ee && ee.code() == ErrorCode.NOT_FOUND) {
        throw ee;
      }
      throw fail("truncation to offset " + offset, e);
    } finally {
      appendLock.unlock();
    }
  }

  /** The file position in {@code s} of the batch that starts at {@code offset}. */
  private long batchPosition(Segment s, long offset) throws IOException {
    if (offset == s.nextOffset()) {
      return s.size();
    }
    BatchCursor cursor = new BatchCursor(s.file(), s.index().floorPosition(offset), s.size(), MIN_READ_CHUNK,
        new ReadWindow(MIN_READ_CHUNK));
    while (cursor.next()) {
      BatchHeader h = cursor.header();
      if (h.baseOffset() == offset) {
        return cursor.position();
      }
      if (h.baseOffset() > offset || h.nextOffset() > offset) {
        break;
      }
    }
    throw new EddyException(ErrorCode.NOT_FOUND, name + ": cannot truncate to offset " + offset
        + ": it is not the start of a batch");
  }

  @Override
  public long endOffset() {
    return endOffset;
  }

  @Override
  public long startOffset() {
    return segments.first().baseOffset();
  }

  @Override
  public long offsetForTime(long timestampMillis) {
    long end = endOffset;
    TimeLookup lookup = new TimeLookup(timestampMillis, end, new ReadWindow(MIN_READ_CHUNK));
    Segment current = null;
    try {
      for (Segment s : segments.all()) {
        current = s;
        long found = lookup.find(s);
        if (found >= 0) {
          return found;
        }
      }
      return end;
    } catch (IOException | MalformedDataException e) {
      throw readFailure("cannot seek to time " + timestampMillis, current, e);
    }
  }

  @Override
  public long read(long fromOffset, int maxBytes, RecordVisitor visitor) {
    long end = endOffset;
    checkReadable(fromOffset, end);
    if (fromOffset == end) {
      return fromOffset;
    }
    ReadWindow spare = spareReadWindow.getAndSet(null);
    ReadWindow window = spare != null ? spare : new ReadWindow(Math.max(MIN_READ_CHUNK, Math.min(maxBytes, 1 << 20)));
    SegmentReader reader = new SegmentReader(fromOffset, end, maxBytes, visitor, window);
    // One segment a call: a read that reaches the end of its segment returns there, and the next
    // one starts in the next segment. (A loop on into the next segment took a branch only once per
    // segment, which the JIT had compiled as never taken: each roll threw the reader's code away.)
    SegmentList segs = segments;
    Segment current = segs.get(Math.max(segs.floor(fromOffset), 0));
    try {
      reader.readFrom(current, Math.max(MIN_READ_CHUNK, maxBytes));
    } catch (IOException | MalformedDataException e) {
      checkReadable(reader.nextOffset(), end); // retention deleted the segment under the reader
      throw readFailure("cannot read at offset " + reader.nextOffset(), current, e);
    } finally {
      spareReadWindow.set(window);
    }
    if (reader.nextOffset() == fromOffset) {
      throw readFailure("cannot read at offset " + fromOffset, current,
          new MalformedDataException("no batch holds offset " + fromOffset + " though the partition ends at " + end));
    }
    return reader.nextOffset();
  }

  /** A read that failed: corrupt data stops the partition (positioned by file); other I/O errors fail the read. */
  private EddyException readFailure(String what, Segment s, Exception e) {
    String msg = name + ": " + what + (s != null ? " in " + s.path() : "") + ": " + e.getMessage();
    if (e instanceof MalformedDataException) {
      failure = e;
      msg += "; the partition is stopped (restart to recover, or salvage)";
    }
    return new EddyException(ErrorCode.STORAGE, msg, e);
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

  /** Forces every segment written since its last force: the {@code interval} policy's tick. */
  void flush() {
    appendLock.lock();
    try {
      if (closed || failure != null) {
        return;
      }
      for (Segment s : segments.all()) {
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

  /**
   * Closes the segment files. Unless the partition failed, first forces everything, writes the
   * active segment's index and a clean recovery point. Idempotent.
   */
  @Override
  public void close() {
    appendLock.lock();
    try {
      if (closed) {
        return;
      }
      if (failure == null) {
        flush();
        Segment active = segments.last();
        active.writeIndex(services.io(), true);
        services.io().writeAtomically(dir.resolve(RecoveryPoint.FILE_NAME), new RecoveryPoint(endOffset, true).encode(),
            true);
      }
    } catch (IOException e) {
      throw fail("close", e);
    } finally {
      closed = true;
      try {
        for (Segment s : segments.all()) {
          s.close();
        }
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, name + ": closing segment files failed: " + e);
      }
      appendLock.unlock();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
