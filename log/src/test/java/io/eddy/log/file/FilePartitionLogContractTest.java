package io.eddy.log.file;

import io.eddy.log.PartitionLog;
import io.eddy.log.PartitionLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The embedded log against the {@link PartitionLogContract}. */
class FilePartitionLogContractTest extends PartitionLogContract {
  private static final LogConfig SMALL = LogConfig.defaults().withSegmentBytes(2048).withIndexIntervalBytes(256)
      .withFsync(LogConfig.Fsync.NONE);

  @TempDir
  Path dir;
  private FileLogStore store;

  @Override
  protected PartitionLog newPartition() {
    store = FileLogStore.open(dir, SMALL);
    return store.create("t", 1).partition(0);
  }

  @Override
  protected PartitionLog reopen() {
    store.close();
    store = FileLogStore.open(dir, SMALL);
    return store.open("t").partition(0);
  }

  @Override
  protected boolean dropBefore(PartitionLog log, long offset) {
    return false;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }
}
