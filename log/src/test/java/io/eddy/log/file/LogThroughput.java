package io.eddy.log.file;

import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints append and sequential read throughput of one partition: 10 M records of about 45 bytes,
 * appended in batches of 1000 with {@code fsync=none}. A measurement, not a test: run with
 * {@code java -cp common/target/classes:log/target/classes:log/target/test-classes
 * io.eddy.log.file.LogThroughput [records] [dir]}.
 */
public final class LogThroughput {
  private LogThroughput() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("eddy-log-bench");
    LogConfig config = LogConfig.defaults().withFsync(LogConfig.Fsync.NONE);
    try (FileLogStore store = FileLogStore.open(dir, config)) {
      PartitionLog log = store.create("bench-" + System.nanoTime(), 1).partition(0);
      List<List<LogRecord>> batches = prepare(1000);
      long t0 = System.nanoTime();
      for (int i = 0; log.endOffset() < total; i++) {
        log.append(batches.get(i % batches.size()));
      }
      report("append", total, System.nanoTime() - t0);
      for (int round = 0; round < 3; round++) {
        long[] sink = new long[1];
        long t1 = System.nanoTime();
        long next = 0;
        while (next < total) {
          next = log.read(next, 1 << 20, (o, ts, b, off, len) -> sink[0] += len + b[off]);
        }
        report("read (round " + (round + 1) + ", checksum " + sink[0] + ")", total, System.nanoTime() - t1);
      }
    }
  }

  private static List<List<LogRecord>> prepare(int batchSize) {
    List<List<LogRecord>> batches = new ArrayList<>();
    for (int b = 0; b < 16; b++) {
      List<LogRecord> records = new ArrayList<>(batchSize);
      for (int i = 0; i < batchSize; i++) {
        byte[] value = String.format("{\"auction\":%d,\"price\":%d,\"bidder\":%d}", b * batchSize + i, i * 7, i % 100)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        records.add(new LogRecord(1_700_000_000_000L + i, null, value));
      }
      batches.add(records);
    }
    return batches;
  }

  private static void report(String what, long records, long nanos) {
    System.out.printf("%-40s %,d records in %,d ms = %,.0f records/s%n", what, records, nanos / 1_000_000,
        records * 1e9 / nanos);
  }
}
