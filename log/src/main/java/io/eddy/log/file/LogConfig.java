package io.eddy.log.file;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.Locale;

/**
 * Immutable settings of a {@link FileLogStore}, validated in the constructor.
 *
 * @param segmentBytes a partition rolls to a new segment file when the next batch would make the
 *     active one larger than this (a single larger batch gets a segment of its own)
 * @param fsync when appended batches are forced to the device
 * @param indexIntervalBytes bytes of batches between two entries of a segment's sparse offset
 *     index; a read seeks to the closest entry and scans at most about this many bytes
 */
public record LogConfig(long segmentBytes, Fsync fsync, int indexIntervalBytes) {
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;

  /** Durability policy. */
  public enum Fsync {
    /** Every append forces its batch to the device before returning (the default). */
    BATCH,
    /**
     * Appends never force; the owner of the store calls {@link FileLogStore#flush()} on its own
     * schedule (the store starts no threads). A crash loses what was appended since the last flush.
     */
    INTERVAL,
    /** Nothing is ever forced except on close; the OS writes back when it likes. */
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
    if (fsync == null) {
      fsync = Fsync.BATCH;
    }
    if (indexIntervalBytes < 1) {
      throw new EddyException(ErrorCode.CONFIG, "index interval " + indexIntervalBytes + " must be positive");
    }
  }

  public static LogConfig defaults() {
    return new LogConfig(DEFAULT_SEGMENT_BYTES, Fsync.BATCH, DEFAULT_INDEX_INTERVAL_BYTES);
  }

  public LogConfig withSegmentBytes(long bytes) {
    return new LogConfig(bytes, fsync, indexIntervalBytes);
  }

  public LogConfig withFsync(Fsync policy) {
    return new LogConfig(segmentBytes, policy, indexIntervalBytes);
  }

  public LogConfig withIndexIntervalBytes(int bytes) {
    return new LogConfig(segmentBytes, fsync, bytes);
  }
}
