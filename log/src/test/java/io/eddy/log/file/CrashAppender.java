package io.eddy.log.file;

import io.eddy.log.LogRecord;
import io.eddy.log.PartitionLog;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashTest}: opens (recovering) the log in {@code args[0]} with
 * {@code fsync=batch} and appends small batches forever, printing {@code A <offset> <payload>,... $}
 * to stdout after each append returned and before the next, until it is killed.
 * Payloads are {@code <run>-<seq>}, unique across runs.
 */
public final class CrashAppender {
  static final LogConfig CONFIG = LogConfig.defaults().withSegmentBytes(2048).withIndexIntervalBytes(256);

  private CrashAppender() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String run = args[1];
    Random random = new Random(Long.parseLong(args[2]));
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (FileLogStore store = FileLogStore.open(dir, CONFIG)) {
      PartitionLog log = (store.exists("t") ? store.open("t") : store.create("t", 1)).partition(0);
      out.write("O " + log.endOffset() + "\n");
      out.flush();
      for (long seq = 0; ; seq++) {
        int n = 1 + random.nextInt(4);
        List<LogRecord> batch = new ArrayList<>(n);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String payload = run + "-" + seq + "-" + i + "-" + "p".repeat(random.nextInt(40));
          batch.add(LogRecord.of(System.currentTimeMillis(), payload.getBytes(StandardCharsets.UTF_8)));
          line.append(i == 0 ? "" : ",").append(payload);
        }
        long base = log.append(batch);
        out.write("A " + base + " " + line + " $\n");
        out.flush();
      }
    }
  }
}
