package io.eddy.log.file;

import static io.eddy.log.file.LogFixtures.assertRecords;
import static io.eddy.log.file.LogFixtures.batch;
import static io.eddy.log.file.LogFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.PartitionLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening after a crash: real files cut or corrupted on disk, then reopened. */
class RecoveryTest {
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(4096).withIndexIntervalBytes(128)
      .withFsync(LogConfig.Fsync.NONE);

  @TempDir
  Path dir;

  /** Writes batches of 1..6 records into topic t; returns the end offset after each batch. */
  private List<Long> writeBatches(int batches) {
    List<Long> ends = new ArrayList<>();
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < batches; i++) {
        log.append(batch(log.endOffset(), i % 6 + 1));
        ends.add(log.endOffset());
      }
    }
    return ends;
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("t").resolve("0"))) {
      return files.filter(p -> p.toString().endsWith(".log")).sorted(Comparator.naturalOrder()).toList();
    }
  }

  /**
   * Opens the store, checks that the last segment was cut to {@code expectedBytes}, that the
   * partition holds exactly {@code [0, expectedEnd)} intact, and that it accepts appends again.
   */
  private void assertReopensWith(Path last, long expectedEnd, long expectedBytes) throws IOException {
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      assertEquals(expectedBytes, Files.size(last));
      assertEquals(expectedEnd, log.endOffset());
      assertRecords(readAll(log, 0, 1 << 16), 0, expectedEnd);
      log.append(batch(expectedEnd, 2));
      assertRecords(readAll(log, 0, 1 << 16), 0, expectedEnd + 2);
    }
  }

  @Test
  void aTruncatedTailIsCutBackToTheLastCompleteBatchAtEveryCut() throws Exception {
    writeBatches(60);
    List<Path> before = segments();
    Path last = before.get(before.size() - 1);
    byte[] original = Files.readAllBytes(last);
    long lastBase = Segment.parseBaseOffset(last.getFileName().toString());
    List<long[]> boundaries = batchBoundaries(original);
    for (int cut = 0; cut <= original.length; cut++) {
      for (Path extra : segments()) {
        if (!before.contains(extra)) {
          Files.delete(extra); // rolled by the previous iteration's append
        }
      }
      Files.write(last, Arrays.copyOf(original, cut));
      long expectedEnd = lastBase;
      long expectedBytes = 0;
      for (long[] b : boundaries) {
        if (b[0] <= cut) {
          expectedBytes = b[0];
          expectedEnd = b[1];
        }
      }
      assertReopensWith(last, expectedEnd, expectedBytes);
    }
  }

  /** (end position, end offset) of every batch in a segment's bytes. */
  private static List<long[]> batchBoundaries(byte[] segment) {
    List<long[]> ends = new ArrayList<>();
    int pos = 0;
    while (pos < segment.length) {
      BatchHeader h = BatchFormat.header(segment, pos);
      pos += h.sizeInBytes();
      ends.add(new long[] {pos, h.nextOffset()});
    }
    return ends;
  }

  @Test
  void aCorruptByteInTheLastBatchCutsThatBatch() throws Exception {
    List<Long> ends = writeBatches(12);
    Path last = segments().get(segments().size() - 1);
    byte[] bytes = Files.readAllBytes(last);
    long lastBase = Segment.parseBaseOffset(last.getFileName().toString());
    List<long[]> boundaries = batchBoundaries(bytes);
    long secondLastEnd = boundaries.size() > 1 ? boundaries.get(boundaries.size() - 2)[0] : 0;
    flipByte(last, bytes.length - 1);
    long expected = boundaries.size() > 1 ? boundaries.get(boundaries.size() - 2)[1] : lastBase;
    assertEquals(ends.get(ends.size() - 2), expected);
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      assertEquals(expected, log.endOffset());
      assertRecords(readAll(log, 0, 1 << 16), 0, expected);
    }
    assertEquals(secondLastEnd, Files.size(last));
  }

  @Test
  void corruptionInASealedSegmentRefusesToOpen() throws Exception {
    writeBatches(40);
    List<Path> segs = segments();
    Path sealed = segs.get(0);
    flipByte(sealed, 2); // the magic of the first batch
    EddyException e;
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      e = assertThrows(EddyException.class, () -> store.open("t"));
    }
    assertEquals(ErrorCode.STORAGE, e.code());
  }

  @Test
  void aBadCrcInASealedSegmentFailsTheReadNotSilently() throws Exception {
    writeBatches(40);
    Path sealed = segments().get(0);
    flipByte(sealed, Files.size(sealed) - 1);
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      EddyException e = assertThrows(EddyException.class, () -> readAll(log, 0, 1 << 16));
      assertEquals(ErrorCode.STORAGE, e.code());
    }
  }

  private static void flipByte(Path file, long position) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, position);
      b.flip();
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      ch.write(b, position);
    }
  }
}
