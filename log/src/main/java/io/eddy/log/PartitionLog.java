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
   * payload (at least one batch is visited if any exists) and returns the offset to read next.
   * Returns {@code fromOffset} when nothing is available. Reading below {@link #startOffset()}
   * fails with a clear error; it never skips silently.
   */
  long read(long fromOffset, int maxBytes, RecordVisitor visitor);
}
