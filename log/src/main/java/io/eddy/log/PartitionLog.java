package io.eddy.log;

import java.util.List;

/**
 * One partition: an append-only sequence of records with dense offsets starting at
 * {@link #startOffset()}. Appends are serialised; reads may run concurrently with appends and see
 * every record whose append has returned.
 */
public interface PartitionLog {

  /**
   * Appends the records as one batch and returns the offset of the first. When this returns the
   * batch is durable according to the store's durability policy. An empty list appends nothing
   * and returns {@link #endOffset()}.
   */
  long append(List<LogRecord> records);

  /**
   * Appends key-less pre-encoded records as one batch, like {@link #append(List)}; the default
   * copies them into {@link LogRecord}s, a log may frame them directly.
   */
  default long append(EncodedRecords records) {
    return append(records.toRecords());
  }

  /** The offset the next appended record will get. */
  long endOffset();

  /** The first offset still retained. */
  long startOffset();

  /**
   * Seeks by time: the first retained offset whose record timestamp is at least
   * {@code timestampMillis}, or {@link #endOffset()} if there is none. Timestamps need not be
   * ordered; this is the smallest such offset, not a binary search guess.
   */
  long offsetForTime(long timestampMillis);

  /**
   * Visits records from {@code fromOffset} on, stopping after roughly {@code maxBytes} of record
   * payload (at least one batch is visited if any exists) and returns the offset to read next. A
   * read may stop earlier (the file log stops at the end of a segment), so a reader that wants
   * everything up to {@link #endOffset()} reads until it gets there. Returns {@code fromOffset}
   * when nothing is available. Reading below {@link #startOffset()}
   * fails with a clear error; it never skips silently.
   */
  long read(long fromOffset, int maxBytes, RecordVisitor visitor);

  /**
   * Removes every record at or after {@code offset}, which must be a batch boundary between
   * {@link #startOffset()} and {@link #endOffset()}; the next append gets {@code offset}. Used by
   * checkpoint recovery to drop a derived stream's records written after its last checkpoint,
   * before anything reads them. Crash-safe: after a crash in the middle the partition ends at
   * {@code offset} or at a later batch boundary with every record before it intact, so the call
   * can simply be repeated. Must not run concurrently with appends or reads of the removed range.
   * Backends that cannot truncate throw {@code UNSUPPORTED}.
   */
  default void truncateTo(long offset) {
    throw new io.eddy.common.error.EddyException(io.eddy.common.error.ErrorCode.UNSUPPORTED,
        "this log cannot truncate partitions");
  }
}
