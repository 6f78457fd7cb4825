package io.eddy.log.file;

import static io.eddy.log.LogFixtures.assertRecords;
import static io.eddy.log.LogFixtures.batch;
import static io.eddy.log.LogFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.TopicLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class FileLogStoreTest {
  private static final LogConfig CONFIG = LogConfig.defaults();

  @TempDir
  Path dir;

  private static void assertCode(ErrorCode code, Executable e) {
    assertEquals(code, assertThrows(EddyException.class, e).code());
  }

  @Test
  void topicsAreCreatedOpenedListedAndDeleted() {
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      TopicLog bids = store.create("bids", 3);
      assertEquals("bids", bids.name());
      assertEquals(3, bids.partitions());
      store.create("people", 1);
      assertSame(bids, store.open("bids"));
      assertTrue(store.exists("bids"));
      assertEquals(Set.of("bids", "people"), store.topics());
      assertCode(ErrorCode.ALREADY_EXISTS, () -> store.create("bids", 1));
      assertCode(ErrorCode.NOT_FOUND, () -> bids.partition(3));
      store.delete("bids");
      assertFalse(store.exists("bids"));
      assertFalse(Files.exists(dir.resolve("bids")));
      assertCode(ErrorCode.NOT_FOUND, () -> store.open("bids"));
      assertCode(ErrorCode.NOT_FOUND, () -> store.delete("bids"));
      assertEquals(Set.of("people"), store.topics());
    }
  }

  @Test
  void partitionsAreIndependentAndSurviveReopen() {
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      TopicLog t = store.create("t", 2);
      t.partition(0).append(batch(0, 5));
      t.partition(1).append(batch(0, 2));
    }
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      TopicLog t = store.open("t");
      assertEquals(2, t.partitions());
      assertRecords(readAll(t.partition(0), 0, 100), 0, 5);
      assertRecords(readAll(t.partition(1), 0, 100), 0, 2);
    }
  }

  @Test
  void badTopicNamesAndPartitionCountsAreRefused() {
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      assertCode(ErrorCode.VALIDATION, () -> store.create("../escape", 1));
      assertCode(ErrorCode.VALIDATION, () -> store.create(".hidden", 1));
      assertCode(ErrorCode.VALIDATION, () -> store.create("ok", 0));
      assertFalse(store.exists("ok"));
    }
  }

  @Test
  void aDirectoryIsOpenedByOneStoreAtATime() {
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      assertCode(ErrorCode.STORAGE, () -> FileLogStore.open(dir, CONFIG));
    }
    FileLogStore.open(dir, CONFIG).close();
  }

  @Test
  void aClosedStoreRefusesWork() {
    FileLogStore store = FileLogStore.open(dir, CONFIG);
    TopicLog t = store.create("t", 1);
    store.close();
    store.close();
    assertCode(ErrorCode.STORAGE, () -> store.open("t"));
    assertCode(ErrorCode.STORAGE, () -> t.partition(0).append(batch(0, 1)));
  }

  @Test
  void intervalPolicyFlushesOnDemandAcrossRolledSegments() {
    LogConfig interval = LogConfig.defaults().withFsync(LogConfig.Fsync.INTERVAL).withSegmentBytes(1024);
    try (FileLogStore store = FileLogStore.open(dir, interval)) {
      TopicLog t = store.create("t", 1);
      for (int i = 0; i < 20; i++) {
        t.partition(0).append(batch(t.partition(0).endOffset(), 10));
      }
      store.flush();
      store.flush();
    }
    try (FileLogStore store = FileLogStore.open(dir, interval)) {
      assertRecords(readAll(store.open("t").partition(0), 0, 100), 0, 200);
    }
  }

  @Test
  void fsyncPolicyParsesSettingValues() {
    assertEquals(LogConfig.Fsync.BATCH, LogConfig.Fsync.parse("batch"));
    assertEquals(LogConfig.Fsync.INTERVAL, LogConfig.Fsync.parse(" Interval "));
    assertEquals(LogConfig.Fsync.NONE, LogConfig.Fsync.parse("NONE"));
    assertCode(ErrorCode.CONFIG, () -> LogConfig.Fsync.parse("sometimes"));
    assertCode(ErrorCode.CONFIG, () -> LogConfig.defaults().withSegmentBytes(10));
  }
}
