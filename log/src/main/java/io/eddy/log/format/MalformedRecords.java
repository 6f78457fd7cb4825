package io.eddy.log.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the records of one external topic that could not be read as rows, once per record: each
 * partition remembers how far it has counted, so several readers of the same records (every
 * standing query reads the whole topic) count a bad record once. Keeps the first
 * {@link #REPORTED} problems with their positions. Counts what readers met since the store was
 * opened. Thread-safe.
 */
public final class MalformedRecords {
  public static final int REPORTED = 5;

  /** One bad record: where it is and what is wrong with it. */
  public record Problem(int partition, long offset, String reason) {
    @Override
    public String toString() {
      return "partition " + partition + " offset " + offset + ": " + reason;
    }
  }

  private final long[] countedTo;
  private final List<Problem> first = new ArrayList<>();
  private long count;

  public MalformedRecords(int partitions) {
    this.countedTo = new long[partitions];
  }

  /** Records a bad record unless it was counted before. */
  public synchronized void record(int partition, long offset, String reason) {
    if (offset < countedTo[partition]) {
      return;
    }
    countedTo[partition] = offset + 1;
    count++;
    if (first.size() < REPORTED) {
      first.add(new Problem(partition, offset, reason));
    }
  }

  /** A reader has read partition {@code partition} up to {@code offset} (exclusive). */
  public synchronized void readTo(int partition, long offset) {
    countedTo[partition] = Math.max(countedTo[partition], offset);
  }

  public synchronized long count() {
    return count;
  }

  /** The first problems met, in the order they were met. */
  public synchronized List<Problem> first() {
    return List.copyOf(first);
  }
}
