package io.eddy.log.file;

import io.eddy.log.LogFixtures;
import static io.eddy.log.LogFixtures.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.common.error.EddyException;
import io.eddy.common.error.ErrorCode;
import io.eddy.log.Golden;
import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import io.eddy.log.Retention;
import io.eddy.log.TopicConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index files (format, rebuild), seek by time, roll by age, retention by time and size. */
class IndexAndRetentionTest {
  private static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(2048).withIndexIntervalBytes(200)
      .withFsync(LogConfig.Fsync.NONE);

  @TempDir
  Path dir;
  private final FaultyFileIo io = new FaultyFileIo().skipForce();
  private final ManualServices.Clock clock = new ManualServices.Clock(1_000_000);
  private final ManualServices.Scheduler scheduler = new ManualServices.Scheduler();

  private FileLogStore open(LogConfig config) {
    return FileLogStore.open(dir, config, new LogServices(io, clock, scheduler));
  }

  private Path partitionDir() {
    return dir.resolve("t").resolve("0");
  }

  private List<Path> files(String suffix) throws Exception {
    try (Stream<Path> s = Files.list(partitionDir())) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void indexAndRecoveryPointFilesMatchTheirGoldenFiles() throws Exception {
    SegmentIndex index = new SegmentIndex(100);
    index.onBatch(42, 0, 120, 1_700_000_000_500L);
    index.onBatch(45, 120, 60, 1_700_000_000_100L);
    index.onBatch(47, 180, 70, 1_700_000_001_000L);
    byte[] encoded = IndexFile.encode(42, 250, 50, index);
    Golden.assertMatches("index-v1.hex", encoded);
    IndexFile.Contents back = IndexFile.decode(Golden.read("index-v1.hex"), 42, 250, 100);
    assertEquals(50, back.nextOffset());
    assertEquals(2, back.index().entries());
    assertEquals(120, back.index().floorPosition(48), "entries at the first batch and after >= 100 bytes");
    assertEquals(1_700_000_001_000L, back.index().maxTimestamp());
    assertEquals(120, back.index().timePosition(1_700_000_000_600L));
    assertEquals(0, back.index().timePosition(1_700_000_000_400L));
    Golden.assertMatches("recovery-point-v1.hex", new RecoveryPoint(12345, true).encode());
    assertEquals(new RecoveryPoint(12345, true), RecoveryPoint.decode(Golden.read("recovery-point-v1.hex")));
    for (int i = 0; i < encoded.length; i++) { // every corrupted byte is refused, never trusted
      byte[] bad = encoded.clone();
      bad[i] ^= 0x04;
      assertThrows(io.eddy.log.format.MalformedDataException.class, () -> IndexFile.decode(bad, 42, 250, 100));
    }
  }

  /** Appends records with random (unordered) timestamps; returns them by offset. */
  private static List<Long> fillWithRandomTimes(PartitionLog log, int total, Random random) {
    List<Long> times = new ArrayList<>();
    while (times.size() < total) {
      List<LogRecord> batch = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
        long ts = 10_000 + times.size() * 10L + random.nextInt(400) - 200; // mostly rising, with disorder
        times.add(ts);
        batch.add(new LogRecord(ts, null, LogFixtures.valueAt(log.endOffset() + i).getBytes(UTF_8)));
      }
      log.append(batch);
    }
    return times;
  }

  private static void assertSeeksMatch(PartitionLog log, List<Long> times) {
    for (long t = 9_000; t <= 10_000 + times.size() * 10L + 300; t += 7) {
      long expected = log.endOffset();
      for (int o = (int) log.startOffset(); o < times.size(); o++) {
        if (times.get(o) >= t) {
          expected = o;
          break;
        }
      }
      assertEquals(expected, log.offsetForTime(t), "first offset at or after " + t);
    }
  }

  @Test
  void seeksByTimeAndIndexesAreRebuiltWhenDeletedOrCorrupt() throws Exception {
    List<Long> times;
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.create("t", 1).partition(0);
      times = fillWithRandomTimes(log, 600, new Random(5));
      assertSeeksMatch(log, times);
    }
    List<Path> indexes = files(IndexFile.SUFFIX);
    assertEquals(files(Segment.SUFFIX).size(), indexes.size(), "one index file per segment after a clean close");
    long readBefore = io.segmentBytesRead();
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      assertEquals(readBefore, io.segmentBytesRead(), "a clean reopen reads no segment bytes");
      assertSeeksMatch(log, times);
    }
    Files.delete(indexes.get(1));
    Files.write(indexes.get(2), new byte[] {1, 2, 3});
    byte[] flipped = Files.readAllBytes(indexes.get(3));
    flipped[IndexFile.HEADER_SIZE + 9] ^= 1;
    Files.write(indexes.get(3), flipped);
    Files.delete(indexes.get(indexes.size() - 1));
    try (FileLogStore store = open(CONFIG)) {
      PartitionLog log = store.open("t").partition(0);
      assertSeeksMatch(log, times);
      for (long from = 0; from < times.size(); from += 13) {
        assertEquals(times.size() - from, readAll(log, from, 100).size());
      }
    }
    assertEquals(indexes.size(), files(IndexFile.SUFFIX).size(), "rebuilt index files written again");
  }

  @Test
  void segmentsRollByAgeAndRetentionDeletesOldAndOversizedSegments() throws Exception {
    LogConfig config = CONFIG.withSegmentBytes(1 << 20).withSegmentMillis(60_000);
    try (FileLogStore store = open(config)) {
      PartitionLog log = store.create("t", 1, new TopicConfig(Retention.parse("1 hour"))).partition(0);
      for (int i = 0; i < 10; i++) { // one segment per simulated minute, record time = clock time
        log.append(List.of(new LogRecord(clock.millis(), null, LogFixtures.valueAt(i).getBytes(UTF_8))));
        clock.advance(61_000);
      }
      assertEquals(10, files(Segment.SUFFIX).size(), "rolled by age");
      assertEquals(0, log.startOffset());
      clock.advance(3_600_000 - 5 * 61_000);
      scheduler.tick("retention");
      long start = log.startOffset();
      assertTrue(start > 0 && start < 10, "start " + start);
      assertEquals(10 - start, files(Segment.SUFFIX).size());
      EddyException below = assertThrows(EddyException.class, () -> log.read(0, 100, (o, ts, b, off, len) -> { }));
      assertEquals(ErrorCode.NOT_FOUND, below.code());
      assertTrue(below.getMessage().contains("no longer retained"), below.getMessage());
      List<LogFixtures.Read> rest = readAll(log, start, 100);
      assertEquals(10 - start, rest.size());
      assertEquals(start, log.offsetForTime(0), "seek by time starts at the log start");
    }
    try (FileLogStore store = open(config)) { // the topic keeps its own retention
      assertTrue(store.open("t").partition(0).startOffset() > 0);
    }
  }

  @Test
  void retentionBySizeKeepsTheNewestSegments() throws Exception {
    try (FileLogStore store = open(CONFIG.withRetention(Retention.parse("6 KB")))) {
      PartitionLog log = store.create("t", 1).partition(0);
      for (int i = 0; i < 400; i++) {
        log.append(LogFixtures.batch(log.endOffset(), 2));
      }
      long bytes = 0;
      for (Path p : files(Segment.SUFFIX)) {
        bytes += Files.size(p);
      }
      assertTrue(bytes >= 6 * 1024 && bytes < 6 * 1024 + 2 * 2048 + 2048, "retained " + bytes + " bytes");
      assertEquals(800 - log.startOffset(), readAll(log, log.startOffset(), 1 << 16).size());
    }
  }

  @Test
  void retentionOptionsParse() {
    assertEquals(new Retention(7 * 86_400_000L, -1), Retention.parse("7 days"));
    assertEquals(new Retention(-1, 10L << 30), Retention.parse("10 GB"));
    assertEquals(new Retention(12 * 3_600_000L, 512L << 20), Retention.parse(" 12 hours, 512 MB "));
    assertEquals(Retention.UNLIMITED, Retention.parse("forever"));
    assertEquals(ErrorCode.CONFIG, assertThrows(EddyException.class, () -> Retention.parse("a week")).code());
    assertEquals(ErrorCode.CONFIG, assertThrows(EddyException.class, () -> Retention.parse("7 fortnights")).code());
  }
}
