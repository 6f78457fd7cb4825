package io.eddy.log;

import static io.eddy.log.LogFixtures.assertRecords;
import static io.eddy.log.LogFixtures.batch;
import static io.eddy.log.LogFixtures.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PartitionLog} implementation promises (the embedded file log and the Kafka
 * one run the same tests): dense offsets from 0, values and timestamps read back as appended,
 * reads from any offset, bounded reads that still progress, seek by time, errors below the start
 * and beyond the end, concurrent readers, and data kept across a reopen.
 */
public abstract class PartitionLogContract {
  /** A new, empty partition (partition 0 of a fresh one-partition topic). */
  protected abstract PartitionLog newPartition();

  /** The same partition after closing and reopening its store. */
  protected abstract PartitionLog reopen();

  /**
   * Makes the log drop every record below {@code offset} (retention); returns false if the
   * implementation cannot be told to (its own tests cover retention).
   */
  protected abstract boolean dropBefore(PartitionLog log, long offset);

  /** Records for the concurrency test (the file log takes more than a remote broker in a test). */
  protected int concurrentRecords() {
    return 20_000;
  }

  /** Appends batches of sizes 1, 2, ... until {@code total} records; returns the batch base offsets. */
  protected static List<Long> fill(PartitionLog log, int total) {
    List<Long> bases = new ArrayList<>();
    int size = 1;
    long end = log.endOffset();
    while (end < total) {
      int n = (int) Math.min(size++ % 17 + 1, total - end);
      long base = log.append(batch(end, n));
      assertEquals(end, base, "an append returns the offset of its first record");
      bases.add(base);
      end += n;
    }
    return bases;
  }

  @Test
  void appendedRecordsReadBackWithOffsetsTimestampsAndValues() {
    PartitionLog log = newPartition();
    assertEquals(0, log.endOffset());
    assertEquals(0, log.startOffset());
    fill(log, 1000);
    assertEquals(1000, log.endOffset());
    assertEquals(0, log.startOffset());
    assertRecords(readAll(log, 0, 1 << 20), 0, 1000);
  }

  @Test
  void encodedRecordsReadBackAsAppended() {
    PartitionLog log = newPartition();
    int[] lengths = {0, 1, 127, 128, 200, 16_383, 16_384, 70_000, 5};
    long[] times = {5_000, 4_000, 4_000, 9_000, 1, 6_000, 6_001, 2_000, 7_000};
    EncodedRecords records = new EncodedRecords(2, 64);
    List<LogFixtures.Read> expected = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      records.clear();
      for (int i = 0; i < lengths.length; i++) {
        records.beginRecord(); // given up on: leaves nothing behind
        records.sink().writeBytes("half".getBytes(UTF_8), 0, 4);
        records.abortRecord();
        String value = (round + "." + i + "-").repeat(lengths[i] + 1).substring(0, lengths[i]);
        records.beginRecord();
        records.sink().writeBytes(value.getBytes(UTF_8), 0, lengths[i]);
        records.endRecord(times[i]);
        expected.add(new LogFixtures.Read(expected.size(), times[i], value));
      }
      assertEquals(lengths.length, records.count());
      assertEquals(expected.size() - lengths.length, log.append(records));
    }
    assertEquals(expected, readAll(log, 0, 1 << 20));
  }

  @Test
  void readsFromAnyOffset() {
    PartitionLog log = newPartition();
    fill(log, 120);
    for (long from = 0; from <= 120; from += 7) {
      assertRecords(readAll(log, from, 100), from, 120);
    }
    assertRecords(readAll(log, 119, 100), 119, 120);
  }

  @Test
  void aReadStopsAfterAboutMaxBytesButVisitsAtLeastOneRecord() {
    PartitionLog log = newPartition();
    log.append(batch(0, 10));
    log.append(batch(10, 10));
    List<Long> seen = new ArrayList<>();
    long next = log.read(3, 1, (o, ts, b, off, len) -> seen.add(o));
    assertTrue(!seen.isEmpty() && seen.size() <= 17, "visited " + seen);
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(3 + i, seen.get(i));
    }
    assertEquals(3 + seen.size(), next);
    assertEquals(20, log.read(20, 1, (o, ts, b, off, len) -> { }), "nothing to read returns fromOffset");
  }

  @Test
  void emptyAppendAppendsNothing() {
    PartitionLog log = newPartition();
    log.append(batch(0, 3));
    assertEquals(3, log.append(List.of()));
    assertEquals(3, log.endOffset());
  }

  @Test
  void readingOutsideTheLogFailsClearly() {
    PartitionLog log = newPartition();
    log.append(batch(0, 5));
    EddyException below = assertThrows(EddyException.class, () -> log.read(-1, 100, (o, ts, b, off, len) -> { }));
    assertEquals(ErrorCode.NOT_FOUND, below.code());
    assertTrue(below.getMessage().contains("no longer retained"), below.getMessage());
    EddyException beyond = assertThrows(EddyException.class, () -> log.read(6, 100, (o, ts, b, off, len) -> { }));
    assertEquals(ErrorCode.NOT_FOUND, beyond.code());
  }

  @Test
  void readingBelowTheRetainedStartFailsInsteadOfSkipping() {
    PartitionLog log = newPartition();
    fill(log, 50);
    if (!dropBefore(log, 20)) {
      return;
    }
    assertEquals(20, log.startOffset());
    EddyException e = assertThrows(EddyException.class, () -> log.read(5, 100, (o, ts, b, off, len) -> { }));
    assertEquals(ErrorCode.NOT_FOUND, e.code());
    assertTrue(e.getMessage().contains("no longer retained"), e.getMessage());
    assertRecords(readAll(log, 20, 100), 20, 50);
  }

  @Test
  void seekByTimeFindsTheFirstOffsetAtOrAfterATimestamp() {
    PartitionLog log = newPartition();
    List<Long> times = new ArrayList<>();
    for (int b = 0; b < 8; b++) {
      List<LogRecord> records = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long o = times.size();
        long ts = 10_000 + (o * 37) % 101; // not ordered
        times.add(ts);
        records.add(LogRecord.of(ts, LogFixtures.valueAt(o).getBytes(UTF_8)));
      }
      log.append(records);
    }
    for (long t = 9_990; t <= 10_110; t += 3) {
      long expected = log.endOffset();
      for (int o = 0; o < times.size(); o++) {
        if (times.get(o) >= t) {
          expected = o;
          break;
        }
      }
      assertEquals(expected, log.offsetForTime(t), "first offset at or after " + t);
    }
  }

  @Test
  void concurrentReadersSeeEveryReturnedAppendInOrder() throws Exception {
    PartitionLog log = newPartition();
    int total = concurrentRecords();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread t = new Thread(() -> {
        try {
          long next = 0;
          List<LogFixtures.Read> reads = new ArrayList<>();
          while (next < total) {
            long published = log.endOffset();
            long from = next;
            next = log.read(from, 4096, (o, ts, b, off, len) ->
                reads.add(new LogFixtures.Read(o, ts, new String(b, off, len, UTF_8))));
            if (published > from && next == from) {
              throw new AssertionError("read at " + from + " returned nothing though the end was " + published);
            }
          }
          assertRecords(reads, 0, total);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      t.start();
      readers.add(t);
    }
    fill(log, total);
    for (Thread t : readers) {
      t.join(60_000);
    }
    if (failure.get() != null) {
      throw new AssertionError("reader failed", failure.get());
    }
  }

  @Test
  void reopenKeepsEverything() {
    PartitionLog log = newPartition();
    fill(log, 200);
    PartitionLog reopened = reopen();
    assertEquals(200, reopened.endOffset());
    assertRecords(readAll(reopened, 0, 1000), 0, 200);
    assertEquals(200, reopened.append(batch(200, 10)));
    assertRecords(readAll(reopened, 0, 1000), 0, 210);
  }
}
