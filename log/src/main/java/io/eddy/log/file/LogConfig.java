package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.Retention;
import java.util.Locale;

/**
 * Immutable settings of a {@link FileLogStore}, validated in the constructor.
 *
 * @param segmentBytes a partition rolls to a new segment file when the next batch would make the
 *     active one larger than this (a single larger batch gets a segment of its own)
 * @param segmentMillis a partition also rolls when the active segment's first batch was appended
 *     more than this long ago (by the store's clock, since the partition was opened)
 * @param fsync when appended batches are forced to the device
 * @param flushIntervalMillis with {@link Fsync#INTERVAL}, how often the store forces appends
 * @param indexIntervalBytes bytes of batches between two entries of a segment's sparse index; a
 *     read seeks to the closest entry and scans at most about this many bytes
 * @param retention the default retention of topics created without their own
 * @param salvage when opening finds corruption below the recovery point (in acknowledged data),
 *     cut the partition there and delete what follows (logged) instead of refusing to open it;
 *     salvage also checks every segment's CRCs at open, not only those after the recovery point
 */
public record LogConfig(long segmentBytes, long segmentMillis, Fsync fsync, long flushIntervalMillis,
    int indexIntervalBytes, Retention retention, boolean salvage) {
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  public static final long DEFAULT_SEGMENT_MILLIS = 7 * 86_400_000L;
  public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 1000;
  public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;

  /** Durability policy: when an append is acknowledged relative to its fsync. */
  public enum Fsync {
    /** Every append forces its batch to the device before returning (the default). */
    BATCH,
    /**
     * Appends return before their batch is forced; the store forces every partition each
     * {@link #flushIntervalMillis()} on its scheduler. An append is therefore acknowledged
     * <em>before</em> it is durable: a crash of the machine (not only of the process) loses what
     * was appended since the last tick.
     */
    INTERVAL,
    /** Nothing is forced except when sealing on close; the OS writes back when it likes. */
    NONE;

    /** Parses a setting value: {@code batch}, {@code interval} or {@code none} (any case). */
    public static Fsync parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new EddyException(ErrorCode.CONFIG,
            "unknown fsync policy '" + s + "' (expected 'batch', 'interval' or 'none')");
      }
    }
  }

  public LogConfig {
    if (segmentBytes < 1024) {
      throw new EddyException(ErrorCode.CONFIG, "segment size " + segmentBytes + " is below the minimum of 1024 bytes");
    }
    if (segmentMillis < 1 || flushIntervalMillis < 1) {
      throw new EddyException(ErrorCode.CONFIG, "segment age " + segmentMillis + " ms and flush interval "
          + flushIntervalMillis + " ms must be positive");
    }
    if (fsync == null) {
      fsync = Fsync.BATCH;
    }
    if (indexIntervalBytes < 1) {
      throw new EddyException(ErrorCode.CONFIG, "index interval " + indexIntervalBytes + " must be positive");
    }
    if (retention == null) {
      retention = Retention.UNLIMITED;
    }
  }

  public static LogConfig defaults() {
    return new LogConfig(DEFAULT_SEGMENT_BYTES, DEFAULT_SEGMENT_MILLIS, Fsync.BATCH, DEFAULT_FLUSH_INTERVAL_MILLIS,
        DEFAULT_INDEX_INTERVAL_BYTES, Retention.UNLIMITED, false);
  }

  public LogConfig withSegmentBytes(long bytes) {
    return new LogConfig(bytes, segmentMillis, fsync, flushIntervalMillis, indexIntervalBytes, retention, salvage);
  }

  public LogConfig withSegmentMillis(long millis) {
    return new LogConfig(segmentBytes, millis, fsync, flushIntervalMillis, indexIntervalBytes, retention, salvage);
  }

  public LogConfig withFsync(Fsync policy) {
    return new LogConfig(segmentBytes, segmentMillis, policy, flushIntervalMillis, indexIntervalBytes, retention,
        salvage);
  }

  public LogConfig withFlushIntervalMillis(long millis) {
    return new LogConfig(segmentBytes, segmentMillis, fsync, millis, indexIntervalBytes, retention, salvage);
  }

  public LogConfig withIndexIntervalBytes(int bytes) {
    return new LogConfig(segmentBytes, segmentMillis, fsync, flushIntervalMillis, bytes, retention, salvage);
  }

  public LogConfig withRetention(Retention r) {
    return new LogConfig(segmentBytes, segmentMillis, fsync, flushIntervalMillis, indexIntervalBytes, r, salvage);
  }

  public LogConfig withSalvage(boolean on) {
    return new LogConfig(segmentBytes, segmentMillis, fsync, flushIntervalMillis, indexIntervalBytes, retention, on);
  }
}
