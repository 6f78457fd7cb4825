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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PartitionLog#truncateTo}: to every kind of batch boundary (inside a segment, at a
 * segment's start, at the partition's start, at the end), across many small segments; appends
 * continue at the cut, a reopen sees the same log, and a crash at any file operation of the
 * truncation leaves a log that holds at least the records below the cut, intact, so repeating the
 * truncation after the restart completes it.
 */
class TruncateTest {
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(1024).withIndexIntervalBytes(128)
      .withFsync(LogConfig.Fsync.NONE); // no power cuts here: crashes are simulated at file operations

  @TempDir
  Path root;

  /** Appends random batches; returns the batch boundaries (offsets where a batch starts, and the end). */
  private static List<Long> fill(PartitionLog log, Random random, int batches) {
    List<Long> bounds = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      bounds.add(log.endOffset());
      log.append(batch(log.endOffset(), 1 + random.nextInt(6)));
    }
    bounds.add(log.endOffset());
    return bounds;
  }

  @Test
  void truncatesToEveryKindOfBoundaryAndAppendsContinue() {
    Random random = new Random(5);
    for (int trial = 0; trial < 14; trial++) {
      Path dir = root.resolve("t" + trial);
      long cut;
      long end;
      try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
        PartitionLog log = store.create("s", 1).partition(0);
        List<Long> bounds = fill(log, random, 5 + random.nextInt(60));
        cut = trial == 0 ? 0 : trial == 1 ? bounds.get(bounds.size() - 1) : bounds.get(random.nextInt(bounds.size()));
        log.truncateTo(cut);
        assertEquals(cut, log.endOffset());
        assertRecords(readAll(log, 0, 300), 0, cut);
        fill(log, random, random.nextInt(20));
        end = log.endOffset();
        assertRecords(readAll(log, 0, 300), 0, end);
      }
      try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
        PartitionLog log = store.open("s").partition(0);
        assertEquals(end, log.endOffset());
        assertRecords(readAll(log, 0, 300), 0, end);
      }
    }
  }

  @Test
  void refusesOffsetsThatAreNotBatchBoundariesOrOutOfRange() {
    try (FileLogStore store = FileLogStore.open(root, CONFIG)) {
      PartitionLog log = store.create("s", 1).partition(0);
      log.append(batch(0, 3));
      log.append(batch(3, 3));
      assertEquals(ErrorCode.NOT_FOUND, assertThrows(EddyException.class, () -> log.truncateTo(4)).code());
      assertEquals(ErrorCode.NOT_FOUND, assertThrows(EddyException.class, () -> log.truncateTo(7)).code());
      log.truncateTo(3);
      log.append(batch(3, 2));
      assertRecords(readAll(log, 0, 100), 0, 5);
    }
  }

  @Test
  void aCrashDuringTruncationLeavesAnIntactPrefixAndTheTruncationCanBeRepeated() throws IOException {
    Random random = new Random(9);
    int crashes = 0;
    for (int trial = 0; trial < 14; trial++) {
      Path dir = root.resolve("c" + trial);
      List<Long> bounds;
      try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
        bounds = fill(store.create("s", 1).partition(0), random, 20 + random.nextInt(40));
      }
      long cut = bounds.get(random.nextInt(bounds.size()));
      CrashingIo io = new CrashingIo(random.nextInt(12));
      FileLogStore crashing = FileLogStore.open(dir, CONFIG, new LogServices(io, InstantSource.system(),
          new ManualServices.Scheduler()));
      try {
        crashing.open("s").partition(0).truncateTo(cut);
      } catch (EddyException e) {
        crashes++;
      }
      io.dead = true; // the process is gone: nothing more reaches the disk
      try {
        crashing.close();
      } catch (RuntimeException ignored) {
        // closing a crashed store may fail; the files are what counts
      }
      try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
        PartitionLog log = store.open("s").partition(0);
        long end = log.endOffset();
        assertTrue(end >= cut && bounds.contains(end), "trial " + trial + ": ends at " + end + ", cut " + cut);
        assertRecords(readAll(log, 0, 300), 0, end);
        log.truncateTo(cut);
        assertEquals(cut, log.endOffset());
        assertRecords(readAll(log, 0, 300), 0, cut);
      }
    }
    assertTrue(crashes > 5, "crashes injected: " + crashes);
  }

  /** The real file system until {@code mutations} writes, truncations, renames or deletions; then fails them all. */
  private static final class CrashingIo implements FileIo {
    private final FileIo real = FileIo.system();
    private int left;
    volatile boolean dead;

    CrashingIo(int mutations) {
      this.left = mutations;
    }

    private synchronized void mutate() throws IOException {
      if (dead || left-- <= 0) {
        dead = true;
        throw new IOException("crash (injected)");
      }
    }

    @Override
    public StorageFile open(Path path) throws IOException {
      StorageFile f = real.open(path);
      return new StorageFile() {
        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
          return f.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
          mutate();
          return f.write(src, position);
        }

        @Override
        public long size() throws IOException {
          return f.size();
        }

        @Override
        public void truncate(long size) throws IOException {
          mutate();
          f.truncate(size);
        }

        @Override
        public void force() throws IOException {
          if (dead) {
            throw new IOException("crash (injected)");
          }
          f.force();
        }

        @Override
        public void close() throws IOException {
          f.close();
        }
      };
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
      if (dead) {
        throw new IOException("crash (injected)");
      }
      real.forceDirectory(dir);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
      mutate();
      real.move(from, to);
    }

    @Override
    public void deleteIfExists(Path path) throws IOException {
      mutate();
      real.deleteIfExists(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
      return real.list(dir);
    }

    @Override
    public boolean exists(Path path) {
      return real.exists(path);
    }
  }
}
