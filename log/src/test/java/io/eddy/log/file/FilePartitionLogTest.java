package io.eddy.log.file;

import static io.eddy.log.LogFixtures.assertRecords;
import static io.eddy.log.LogFixtures.batch;
import static io.eddy.log.LogFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.PartitionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-log specifics; the shared promises are in {@link FilePartitionLogContractTest}. */
class FilePartitionLogTest {
  private static final LogConfig SMALL = LogConfig.defaults().withSegmentBytes(2048).withIndexIntervalBytes(256)
      .withFsync(LogConfig.Fsync.NONE);

  @TempDir
  Path dir;
  private FileLogStore store;

  private PartitionLog partition(LogConfig config) {
    store = FileLogStore.open(dir, config);
    return store.create("t", 1).partition(0);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  /** Appends batches of sizes 1, 2, ... until {@code total} records; returns the batch base offsets. */
  private static List<Long> fill(PartitionLog log, int total) {
    List<Long> bases = new ArrayList<>();
    int size = 1;
    while (log.endOffset() < total) {
      int n = (int) Math.min(size++ % 17 + 1, total - log.endOffset());
      long base = log.append(batch(log.endOffset(), n));
      bases.add(base);
    }
    return bases;
  }

  private long segmentFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve("t").resolve("0"))) {
      return files.filter(p -> p.toString().endsWith(".log")).count();
    }
  }

  @Test
  void roundTripAcrossSegmentRolls() throws Exception {
    PartitionLog log = partition(SMALL);
    List<Long> bases = fill(log, 1000);
    assertEquals(0, bases.get(0));
    assertEquals(1000, log.endOffset());
    assertEquals(0, log.startOffset());
    assertTrue(segmentFiles() > 5, "segments rolled");
    assertRecords(readAll(log, 0, 1 << 20), 0, 1000);
  }

  @Test
  void readsFromEveryOffsetIncludingTheMiddleOfBatches() {
    PartitionLog log = partition(SMALL);
    fill(log, 300);
    for (long from = 0; from <= 300; from++) {
      assertRecords(readAll(log, from, 100), from, 300);
    }
  }

  @Test
  void aReadStopsAfterAboutMaxBytesButVisitsAtLeastOneBatch() {
    PartitionLog log = partition(SMALL);
    log.append(batch(0, 10));
    log.append(batch(10, 10));
    List<Long> seen = new ArrayList<>();
    long next = log.read(3, 1, (o, ts, b, off, len) -> seen.add(o));
    assertEquals(10, next);
    assertEquals(7, seen.size());
    assertEquals(20, log.read(10, 1, (o, ts, b, off, len) -> { }));
    assertEquals(20, log.read(20, 1, (o, ts, b, off, len) -> { }), "nothing to read returns fromOffset");
  }

  @Test
  void anIoErrorStopsThePartition() throws Exception {
    PartitionLog log = partition(SMALL.withSegmentBytes(1024));
    while (segmentFiles() == 1) {
      log.append(batch(log.endOffset(), 5));
    }
    // the next roll would create a segment file where a directory now stands
    long next = log.endOffset();
    List<io.eddy.log.LogRecord> big = batch(next, 60);
    Files.createDirectory(dir.resolve("t").resolve("0").resolve(Segment.fileName(next)));
    EddyException first = assertThrows(EddyException.class, () -> log.append(big));
    assertEquals(ErrorCode.STORAGE, first.code());
    EddyException second = assertThrows(EddyException.class, () -> log.append(batch(next, 1)));
    assertEquals(ErrorCode.STORAGE, second.code());
    assertTrue(second.getMessage().contains("refuses appends"), second.getMessage());
    assertEquals(next, log.endOffset());
    assertRecords(readAll(log, 0, 1000), 0, next);
  }
}
