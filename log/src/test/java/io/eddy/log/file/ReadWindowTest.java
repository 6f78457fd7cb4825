package io.eddy.log.file;

import static io.eddy.log.LogFixtures.assertRecords;
import static io.eddy.log.LogFixtures.batch;
import static io.eddy.log.LogFixtures.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading through a {@link ReadWindow}: consecutive reads of a partition read each byte of its
 * segment files once, whether batches are larger than a read's chunk or many fit in one; the CRC
 * of every batch is still checked; and a truncation makes the next read see the rewritten bytes.
 */
class ReadWindowTest {
  /** One segment; reads of at most 16 KiB: the read chunk is then 16 KiB (its minimum). */
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(64 << 20);
  private static final int MAX_BYTES = 16 << 10;

  @TempDir
  Path root;

  @Test
  void batchesLargerThanTheChunkAreReadOnce() throws IOException {
    readsEveryByteOnce(root.resolve("large"), 2_000); // about 40 KiB a batch
  }

  @Test
  void batchesSmallerThanTheChunkAreReadOnce() throws IOException {
    readsEveryByteOnce(root.resolve("small"), 40); // about 0.8 KiB a batch
  }

  private void readsEveryByteOnce(Path dir, int recordsPerBatch) throws IOException {
    FaultyFileIo io = new FaultyFileIo();
    try (FileLogStore store = FileLogStore.open(dir, CONFIG, services(io))) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < 30; i++) {
        log.append(batch(log.endOffset(), recordsPerBatch));
      }
      long before = io.segmentBytesRead();
      assertRecords(readAll(log, 0, MAX_BYTES), 0, log.endOffset());
      assertEquals(segmentBytes(dir), io.segmentBytesRead() - before);
    }
  }

  @Test
  void aCorruptBatchBeyondWhatWasReadIsDetected() throws IOException {
    Path dir = root.resolve("corrupt");
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < 4; i++) {
        log.append(batch(log.endOffset(), 2_000));
      }
      long next = log.read(0, MAX_BYTES, (o, ts, b, off, len) -> { });
      assertEquals(2_000, next);
      Path segment = segmentFiles(dir).get(0);
      try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
        long at = f.length() - 100; // in the last batch's records
        f.seek(at);
        int b = f.read();
        f.seek(at);
        f.write(b ^ 0x10);
      }
      EddyException e = assertThrows(EddyException.class, () -> readAll(log, next, MAX_BYTES));
      assertTrue(e.getMessage().contains("CRC mismatch in batch 6000"), e.getMessage());
    }
  }

  @Test
  void readsAfterATruncationSeeTheRewrittenBytes() {
    try (FileLogStore store = FileLogStore.open(root.resolve("truncate"), CONFIG)) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < 10; i++) {
        log.append(batch(log.endOffset(), 40));
      }
      assertRecords(readAll(log, 0, MAX_BYTES), 0, 400); // the spare window now holds the tail
      log.truncateTo(200);
      List<LogRecord> other = new ArrayList<>();
      for (long o = 200; o < 400; o++) {
        other.add(new LogRecord(5 + o, null, ("other-" + o).getBytes(UTF_8)));
      }
      log.append(other);
      List<String> values = new ArrayList<>();
      long next = 200;
      while (next < log.endOffset()) {
        next = log.read(next, MAX_BYTES, (o, ts, b, off, len) -> values.add(o + "@" + ts + ":" + new String(b, off, len, UTF_8)));
      }
      assertEquals(200, values.size());
      for (int i = 0; i < values.size(); i++) {
        long o = 200 + i;
        assertEquals(o + "@" + (5 + o) + ":other-" + o, values.get(i));
      }
    }
  }

  private static LogServices services(FileIo io) {
    return new LogServices(io, InstantSource.system(), new ManualServices.Scheduler());
  }

  private static long segmentBytes(Path dir) throws IOException {
    long total = 0;
    for (Path p : segmentFiles(dir)) {
      total += Files.size(p);
    }
    return total;
  }

  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
  }
}
