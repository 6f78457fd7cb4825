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
import java.time.InstantSource;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full and fsync failure through {@link FaultyFileIo}: no append is acknowledged after the
 * first error, and after a restart (with or without a power cut dropping unforced bytes) the
 * in-doubt batch is wholly present or wholly absent and every acknowledged record is there.
 */
class FaultInjectionTest {
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(2048).withIndexIntervalBytes(256);

  @TempDir
  Path root;

  private enum Fault { DISK_FULL, FSYNC }

  @Test
  void diskFullAndFsyncFailureAreFailStopAndLeaveInDoubtBatchesWhole() throws Exception {
    Random random = new Random(11);
    int[] present = new int[2];
    int trials = 40;
    for (int trial = 0; trial < trials; trial++) {
      Fault fault = trial % 2 == 0 ? Fault.DISK_FULL : Fault.FSYNC;
      boolean powerCut = trial % 4 >= 2;
      Path dir = root.resolve("trial-" + trial);
      FaultyFileIo io = new FaultyFileIo();
      long acked;
      long inDoubtEnd;
      int acksAfterError = 0;
      try (FileLogStore store = FileLogStore.open(dir, CONFIG,
          new LogServices(io, InstantSource.system(), new ManualServices.Scheduler()))) {
        PartitionLog log = store.create("t", 1).partition(0);
        int before = random.nextInt(40);
        for (int i = 0; i < before; i++) {
          log.append(batch(log.endOffset(), 1 + i % 5));
        }
        if (fault == Fault.DISK_FULL) {
          io.diskFullAfter(random.nextInt(300));
        } else {
          io.failForce(true);
        }
        acked = log.endOffset();
        long next = acked;
        int n = 0;
        EddyException first = null;
        while (first == null) {
          n = 1 + random.nextInt(5);
          try {
            log.append(batch(next, n));
            next += n; // acknowledged before the fault struck (disk full with space left)
            acked = next;
          } catch (EddyException e) {
            first = e;
          }
        }
        assertEquals(ErrorCode.STORAGE, first.code());
        inDoubtEnd = acked + n;
        for (int i = 0; i < 10; i++) {
          try {
            log.append(batch(acked, 1));
            acksAfterError++;
          } catch (EddyException refused) {
            assertTrue(refused.getMessage().contains("refuses appends"), refused.getMessage());
          }
        }
        assertEquals(acked, log.endOffset());
      }
      if (powerCut) {
        io.powerCut(random);
      }
      assertEquals(0, acksAfterError, "acknowledgements after the first error");
      try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
        PartitionLog log = store.open("t").partition(0);
        long end = log.endOffset();
        assertTrue(end == acked || end == inDoubtEnd, fault + (powerCut ? " + power cut" : "") + ": end " + end
            + " is neither " + acked + " (in-doubt batch absent) nor " + inDoubtEnd + " (present)");
        assertRecords(readAll(log, 0, 1 << 16), 0, end);
        present[end == inDoubtEnd ? 1 : 0]++;
        log.append(batch(end, 2));
      }
    }
    System.out.printf("disk full / fsync failure: %d trials, 0 acks after the first error, in-doubt batch wholly "
        + "absent in %d and wholly present in %d, no acknowledged record lost%n", trials, present[0], present[1]);
  }

  @Test
  void intervalPolicyAcknowledgesBeforeDurabilityAndTheSchedulerForces() throws Exception {
    Path dir = root.resolve("interval");
    FaultyFileIo io = new FaultyFileIo();
    ManualServices.Scheduler scheduler = new ManualServices.Scheduler();
    LogConfig interval = CONFIG.withFsync(LogConfig.Fsync.INTERVAL).withFlushIntervalMillis(50);
    long flushed;
    long appended;
    try (FileLogStore store = FileLogStore.open(dir, interval, new LogServices(io, InstantSource.system(), scheduler))) {
      assertTrue(scheduler.names().stream().anyMatch(n -> n.startsWith("flush")), scheduler.names().toString());
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < 30; i++) {
        log.append(batch(log.endOffset(), 3));
      }
      scheduler.tick("flush");
      flushed = log.endOffset();
      for (int i = 0; i < 5; i++) {
        log.append(batch(log.endOffset(), 3));
      }
      appended = log.endOffset();
      io.failForce(true); // the close cannot seal: as if the machine died here
      assertThrows(EddyException.class, store::close);
    }
    io.powerCut(new Random(3));
    try (FileLogStore store = FileLogStore.open(dir, interval)) {
      PartitionLog log = store.open("t").partition(0);
      assertTrue(log.endOffset() >= flushed && log.endOffset() <= appended, "end " + log.endOffset());
      assertRecords(readAll(log, 0, 1 << 16), 0, log.endOffset());
      System.out.printf("interval fsync: flushed through %d, appended to %d, %d survived the power cut%n", flushed,
          appended, log.endOffset());
    }
    assertTrue(Files.exists(dir.resolve("t").resolve("0").resolve(RecoveryPoint.FILE_NAME)));
  }
}
