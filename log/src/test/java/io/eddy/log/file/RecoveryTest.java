package io.eddy.log.file;

import io.eddy.log.LogFixtures;
import static io.eddy.log.LogFixtures.assertRecords;
import static io.eddy.log.LogFixtures.batch;
import static io.eddy.log.LogFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening after a crash: real files cut or corrupted on disk, then reopened. A crash is
 * simulated by writing the recovery point a crashed {@code batch}-policy partition leaves (at the
 * active segment's base, not clean) after a clean close.
 */
class RecoveryTest {
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(4096).withIndexIntervalBytes(128)
      .withFsync(LogConfig.Fsync.NONE);

  @TempDir
  Path dir;

  /** Forcing is skipped: these tests reopen thousands of times and test recovery logic, not the device. */
  private FileLogStore open(LogConfig config) {
    return FileLogStore.open(dir, config, new LogServices(new FaultyFileIo().skipForce(),
        java.time.InstantSource.system(), new ManualServices.Scheduler()));
  }

  /** Writes batches of 1..6 records into topic t; returns the end offset after each batch. */
  private List<Long> writeBatches(int batches) {
    List<Long> ends = new ArrayList<>();
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < batches; i++) {
        log.append(batch(log.endOffset(), i % 6 + 1));
        ends.add(log.endOffset());
      }
    }
    ends60 = ends.get(ends.size() - 1);
    return ends;
  }

  private Path partitionDir() {
    return dir.resolve("t").resolve("0");
  }

  /** Leaves the recovery point as a crash would: at the base of the last segment, not clean. */
  private void markCrashed() throws IOException {
    List<Path> segs = segments();
    long lastBase = Segment.parseBaseOffset(segs.get(segs.size() - 1).getFileName().toString());
    Files.write(partitionDir().resolve(RecoveryPoint.FILE_NAME), new RecoveryPoint(lastBase, false).encode());
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
    try (FileLogStore store = open(CONFIG)) {
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
      markCrashed();
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
    markCrashed();
    long expected = boundaries.size() > 1 ? boundaries.get(boundaries.size() - 2)[1] : lastBase;
    assertEquals(ends.get(ends.size() - 2), expected);
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      assertEquals(expected, log.endOffset());
      assertRecords(readAll(log, 0, 1 << 16), 0, expected);
    }
    assertEquals(secondLastEnd, Files.size(last));
  }

  @Test
  void corruptionInASealedSegmentWithoutItsIndexRefusesToOpenNamingFileAndPosition() throws Exception {
    writeBatches(40);
    Path sealed = segments().get(0);
    flipByte(sealed, 2); // the magic of the first batch
    Files.delete(partitionDir().resolve(IndexFile.fileName(0))); // forces a scan of the sealed segment
    EddyException e;
    try (FileLogStore store = open(CONFIG)) {
      e = assertThrows(EddyException.class, () -> store.open("t"));
    }
    assertEquals(ErrorCode.STORAGE, e.code());
    assertTrue(e.getMessage().contains(sealed + " at file position 0"), e.getMessage());
  }

  @Test
  void salvageCutsAtCorruptionInASealedSegmentAndDropsTheRest() throws Exception {
    writeBatches(40);
    List<Path> segs = segments();
    byte[] first = Files.readAllBytes(segs.get(0));
    List<long[]> boundaries = batchBoundaries(first);
    long[] secondBatch = boundaries.get(0); // the defect goes into the second batch of the first segment
    flipByte(segs.get(0), secondBatch[0] + BatchFormat.HEADER_SIZE);
    LogConfig salvage = CONFIG.withSalvage(true);
    try (FileLogStore store = open(salvage)) {
      PartitionLog log = store.open("t").partition(0);
      assertEquals(secondBatch[1], log.endOffset());
      assertRecords(readAll(log, 0, 1 << 16), 0, secondBatch[1]);
      log.append(batch(secondBatch[1], 3));
    }
    assertEquals(1, segments().size(), "later segments deleted");
    try (FileLogStore store = open(CONFIG)) {
      assertRecords(readAll(store.open("t").partition(0), 0, 1 << 16), 0, secondBatch[1] + 3);
    }
  }

  @Test
  void aBadCrcInASealedSegmentFailsTheReadWithItsPositionAndStopsThePartition() throws Exception {
    writeBatches(40);
    Path sealed = segments().get(0);
    flipByte(sealed, Files.size(sealed) - 1);
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      List<LogFixtures.Read> seen = new ArrayList<>();
      EddyException e = assertThrows(EddyException.class, () -> readInto(log, seen));
      assertEquals(ErrorCode.STORAGE, e.code());
      assertTrue(e.getMessage().contains(sealed.toString()) && e.getMessage().contains("file position"), e.getMessage());
      assertRecords(seen, 0, seen.size());
      EddyException append = assertThrows(EddyException.class, () -> log.append(batch(log.endOffset(), 1)));
      assertTrue(append.getMessage().contains("refuses appends"), append.getMessage());
    }
  }

  @Test
  void garbageAfterTheLastBatchIsCut() throws Exception {
    List<Long> ends = writeBatches(30);
    Path last = segments().get(segments().size() - 1);
    long size = Files.size(last);
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 50; trial++) {
      byte[] garbage = new byte[1 + random.nextInt(300)];
      random.nextBytes(garbage);
      if (trial % 5 == 0) {
        Arrays.fill(garbage, (byte) 0); // preallocated zeros
      }
      try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
        ch.truncate(size);
        ch.write(ByteBuffer.wrap(garbage), size);
      }
      if (trial % 2 == 0) {
        markCrashed();
      }
      try (FileLogStore store = open(CONFIG)) {
        PartitionLog log = store.open("t").partition(0);
        assertEquals(ends.get(ends.size() - 1), log.endOffset());
        assertRecords(readAll(log, 0, 1 << 16), 0, log.endOffset());
      }
      assertEquals(size, Files.size(last));
    }
    System.out.println("garbage appended: 50 trials, all cut back to " + size + " bytes");
  }

  /**
   * Flips one random bit anywhere in any segment, many times, and reopens (as after a crash or a
   * clean close): the partition either refuses to open, fails a read, or returns exactly the
   * records written; a payload that fails its CRC is never returned.
   */
  @Test
  void randomBitFlipsNeverReturnABadPayload() throws Exception {
    writeBatches(60);
    Map<Path, byte[]> pristine = new HashMap<>();
    for (Path p : Files.list(partitionDir()).toList()) {
      pristine.put(p, Files.readAllBytes(p));
    }
    java.util.Random random = new java.util.Random(42);
    int[] outcomes = new int[4]; // refused open, failed read, tail cut, intact
    int trials = 300;
    for (int trial = 0; trial < trials; trial++) {
      for (Path p : Files.list(partitionDir()).toList()) {
        if (!pristine.containsKey(p)) {
          Files.delete(p);
        }
      }
      for (Map.Entry<Path, byte[]> e : pristine.entrySet()) {
        Files.write(e.getKey(), e.getValue());
      }
      List<Path> segs = segments();
      boolean tail = trial % 2 == 0;
      Path victim = tail ? segs.get(segs.size() - 1) : segs.get(random.nextInt(segs.size() - 1));
      long pos = (long) (random.nextDouble() * Files.size(victim));
      flipBit(victim, pos, random.nextInt(8));
      if (random.nextBoolean()) {
        markCrashed();
      }
      long written = ends60;
      try (FileLogStore store = open(CONFIG)) {
        PartitionLog log;
        try {
          log = store.open("t").partition(0);
        } catch (EddyException refused) {
          assertEquals(ErrorCode.STORAGE, refused.code());
          outcomes[0]++;
          continue;
        }
        List<LogFixtures.Read> seen = new ArrayList<>();
        try {
          readInto(log, seen);
          outcomes[log.endOffset() < written ? 2 : 3]++;
        } catch (EddyException failed) {
          assertEquals(ErrorCode.STORAGE, failed.code());
          outcomes[1]++;
        }
        assertRecords(seen, 0, seen.size());
      }
    }
    System.out.printf("bit flips: %d trials: %d refused to open, %d failed a read, %d cut the tail, %d intact "
        + "(flip in unread bits); 0 bad payloads returned%n", trials, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
  }

  private long ends60;

  private static void readInto(PartitionLog log, List<LogFixtures.Read> out) {
    long next = log.startOffset();
    while (next < log.endOffset()) {
      next = log.read(next, 1 << 12, (o, ts, buf, off, len) ->
          out.add(new LogFixtures.Read(o, ts, new String(buf, off, len, java.nio.charset.StandardCharsets.UTF_8))));
    }
  }

  private static void flipBit(Path file, long position, int bit) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, position);
      b.put(0, (byte) (b.get(0) ^ (1 << bit)));
      b.position(0);
      ch.write(b, position);
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
